import path from 'node:path';
import { loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { startAutoAnalyze } from './db/maintenance.js';
import { bootstrap } from './bootstrap.js';
import { DEMO_PASSWORD } from './core/demo.js';
import { DEMO_USERS } from './modules/admin/admin.demo.js';
import { HANDLERS as APPROVAL_HANDLERS } from './modules/approvals/approvals.demo.js';
import { buildApp } from './app.js';
import { OffsetClock, systemClock, type Clock } from './core/clock.js';
import { purgeSessions } from './plugins/auth.js';
import { labelOf, ROLES } from '@tiaodu/contracts';

const config = loadConfig();
// A movable clock only for browser tests (the config refuses it in production).
const clock: Clock = config.testClock ? new OffsetClock() : systemClock;
const database = await openDatabase({ url: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite') });
await runMigrations(database.db);
const boot = await bootstrap({ db: database.db, config, clock });
await purgeSessions(database.db, clock, config);
const app = await buildApp({ db: database.db, config, clock, scheduler: config.scheduler });
// the embedded database has no autovacuum: keep the planner's statistics current
const stopAutoAnalyze = await startAutoAnalyze(database, 60_000, (err) => app.log.error({ err }, 'analyze failed'));
const sessionSweep = setInterval(() => purgeSessions(database.db, clock, config).catch(() => {}), 15 * 60_000);
sessionSweep.unref();

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
const lines = [
  '',
  `  Tiaodu（调度）已启动：${url}`,
  `  数据库：${database.mode === 'pglite' ? `内置 PGlite（${path.join(config.dataDir, 'pglite')}）` : 'PostgreSQL'}`,
  `  接口文档：${url}/api/docs`,
];
if (boot.generatedAdminPassword) lines.push('', `  管理员 admin 的初始密码（只显示这一次）：${boot.generatedAdminPassword}`);
else if (boot.adminCreated && config.adminPassword) lines.push('', '  管理员 admin 的密码为 TIAODU_ADMIN_PASSWORD 所设');
if (config.demo) {
  lines.push('', `  演示账号（密码均为 ${DEMO_PASSWORD}${config.adminPassword ? '，admin 除外' : ''}）：`);
  lines.push(`    admin          系统管理员`);
  for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(14)} ${labelOf(ROLES, u.role)}（${u.displayName}，${u.title ?? ''}）`);
  for (const [username, name, title] of APPROVAL_HANDLERS) lines.push(`    ${username.padEnd(14)} ${labelOf(ROLES, 'department')}（${name}，${title}，手续办理）`);
}
console.log(lines.join('\n') + '\n');

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  clearInterval(sessionSweep);
  stopAutoAnalyze();
  await app.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
