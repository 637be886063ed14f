import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { users } from './db/schema.js';
import type { Db } from './db/client.js';
import type { Config } from './config.js';
import type { Clock } from './core/clock.js';
import { systemCtx } from './core/context.js';
import { writeAudit } from './core/audit.js';
import { hashPassword } from './core/password.js';
import { DEMO_PASSWORD } from './core/demo.js';
import { seedDemo } from './modules/index.js';

export interface BootstrapResult {
  adminCreated: boolean;
  /** Set only when the platform made up the admin password itself. */
  generatedAdminPassword?: string;
  demoLoaded: boolean;
}

/**
 * First start: create the `admin` user (password from TIAODU_ADMIN_PASSWORD, the demo
 * password with demo data, or a random one printed once), then load the demo county when
 * asked and the ledger is empty.
 */
export async function bootstrap(deps: { db: Db; config: Config; clock: Clock }): Promise<BootstrapResult> {
  const { db, config } = deps;
  const ctx = systemCtx(deps);
  const result: BootstrapResult = { adminCreated: false, demoLoaded: false };
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (!admin) {
    let password = config.adminPassword;
    if (!password && config.demo) password = DEMO_PASSWORD;
    if (!password) {
      password = `Td-${randomBytes(9).toString('base64url')}`;
      result.generatedAdminPassword = password;
    }
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: 'admin',
          displayName: '系统管理员',
          passwordHash: await hashPassword(password),
          role: 'admin',
          scopeType: 'all',
          mustChangePassword: Boolean(result.generatedAdminPassword),
        })
        .returning({ id: users.id });
      await writeAudit(tx, ctx, { action: 'user.create', entityType: 'user', entityId: row!.id, summary: '初始化系统管理员 admin', after: { username: 'admin', role: 'admin' } });
    });
    result.adminCreated = true;
  }
  if (config.demo) {
    const [{ n }] = (await db.execute(sql`SELECT count(*)::int AS n FROM regions`)).rows as [{ n: number }];
    if (Number(n) === 0) {
      await seedDemo(ctx);
      result.demoLoaded = true;
    }
  }
  return result;
}
