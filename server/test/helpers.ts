import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role, ScopeType } from '@tiaodu/contracts';
import { completeCreditCode } from '@tiaodu/contracts';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { buildApp } from '../src/app.js';
import { testConfig, type Config } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { systemCtx, type Ctx } from '../src/core/context.js';
import { createDepartment, createEnterprise, createRegion } from '../src/modules/admin/org.service.js';
import { createUser } from '../src/modules/admin/users.service.js';
import { users } from '../src/db/schema.js';
import { seedDemo } from '../src/modules/index.js';
import { DEMO_PASSWORD } from '../src/core/demo.js';

export const PASSWORD = 'Test@2026ok';

/**
 * A fresh database for one test file: an in-memory PGlite in its own process by default,
 * or a new database on the server named by TEST_DATABASE_URL (dropped at close).
 */
export async function openTestDatabase(opts: { migrate?: boolean } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const d = await openDatabase({});
    if (opts.migrate !== false) await runMigrations(d.db);
    return d;
  }
  const name = `tiaodu_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const d = await openDatabase({ url: u.toString(), poolSize: 4 });
  if (opts.migrate !== false) await runMigrations(d.db);
  return {
    ...d,
    async close() {
      await d.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** The organisation every integration test starts from: two counties, towns, departments, users of each role. */
export interface Fixture {
  countyA: string;
  townA1: string;
  townA2: string;
  countyB: string;
  deptA: number;
  deptB: number;
  entA: number;
  entB: number;
  users: Record<string, number>;
  /** The person of each leader user (包保领导 and 分管领导 are people; projects and departments refer to them). */
  people: Record<string, number>;
}

export const FIXTURE_USERS: Array<{ username: string; role: Role; scopeType: ScopeType; region?: keyof Fixture; dept?: 'deptA' | 'deptB'; ent?: 'entA' | 'entB' }> = [
  { username: 'admin1', role: 'admin', scopeType: 'all' },
  { username: 'disp', role: 'dispatcher', scopeType: 'all' },
  { username: 'regionA', role: 'region', scopeType: 'region', region: 'countyA' },
  { username: 'townA1', role: 'region', scopeType: 'region', region: 'townA1' },
  { username: 'regionB', role: 'region', scopeType: 'region', region: 'countyB' },
  { username: 'unitA', role: 'unit', scopeType: 'enterprise', ent: 'entA' },
  { username: 'deptA', role: 'department', scopeType: 'department', dept: 'deptA' },
  { username: 'leader1', role: 'leader', scopeType: 'assigned' },
  { username: 'leader2', role: 'leader', scopeType: 'assigned' },
  { username: 'super', role: 'supervisor', scopeType: 'all' },
  { username: 'promo', role: 'promotion', scopeType: 'all' },
];

export async function seedFixture(ctx: Ctx): Promise<Fixture> {
  const regions = [
    { code: '330000', name: '浙江省', level: 'province', parentCode: null },
    { code: '330100', name: '杭州市', level: 'city', parentCode: '330000' },
    { code: '330122', name: '桐庐县', level: 'county', parentCode: '330100' },
    { code: '330122001', name: '桐君街道', level: 'town', parentCode: '330122' },
    { code: '330122102', name: '横村镇', level: 'town', parentCode: '330122' },
    { code: '330127', name: '淳安县', level: 'county', parentCode: '330100' },
  ] as const;
  for (const r of regions) await createRegion(ctx, { ...r, sort: 0 });
  const deptA = await createDepartment(ctx, { name: '桐庐县自然资源和规划局', regionCode: '330122', kind: 'department' });
  const deptB = await createDepartment(ctx, { name: '淳安县交通运输局', regionCode: '330127', kind: 'department' });
  const entA = await createEnterprise(ctx, { name: '杭州甲公司', creditCode: completeCreditCode('91330122MA2700001'), regionCode: '330122001' });
  const entB = await createEnterprise(ctx, { name: '杭州乙公司', creditCode: completeCreditCode('91330127MA2700002'), regionCode: '330127' });
  const f: Fixture = { countyA: '330122', townA1: '330122001', townA2: '330122102', countyB: '330127', deptA: deptA.id, deptB: deptB.id, entA: entA.id, entB: entB.id, users: {}, people: {} };
  for (const u of FIXTURE_USERS) {
    const created = await createUser(ctx, {
      username: u.username,
      displayName: `测试${u.username}`,
      role: u.role,
      scopeType: u.scopeType,
      regionCode: u.region ? (f[u.region] as string) : null,
      departmentId: u.dept ? f[u.dept] : null,
      enterpriseId: u.ent ? f[u.ent] : null,
      password: PASSWORD,
    });
    f.users[u.username] = created.id;
    if (created.personId) f.people[u.username] = created.personId;
  }
  await ctx.db.update(users).set({ mustChangePassword: false });
  return f;
}

export interface Agent {
  csrf: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  upload(url: string, file: Buffer, filename?: string, fields?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function multipartBody(file: Buffer, filename: string, fields: Record<string, string> = {}) {
  const boundary = `----tiaodu${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function agentFor(app: FastifyInstance, cookie: string, csrf: string): Agent {
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    csrf,
    cookie,
    get: (url) => app.inject({ method: 'GET', url, headers }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers }),
    post: (url, body) => app.inject({ method: 'POST', url, headers, payload: body as object }),
    patch: (url, body) => app.inject({ method: 'PATCH', url, headers, payload: body as object }),
    upload: (url, file, filename = 'ledger.xlsx', fields = {}) => {
      const m = multipartBody(file, filename, fields);
      return app.inject({ method: 'POST', url, headers: { ...headers, ...m.headers }, payload: m.payload });
    },
  };
}

export interface TestEnv {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  ctx: Ctx;
  fx: Fixture;
  login(username: string, password?: string): Promise<Agent>;
  close(): Promise<void>;
}

/** Signs in through the API and returns an agent carrying the session cookie and CSRF token. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const sid = res.cookies.find((c) => c.name === 'tiaodu_sid')!;
  return agentFor(app, `tiaodu_sid=${sid.value}`, res.json().csrfToken);
}

/** One app on one fresh database with the fixture organisation; call in beforeAll. */
/** A platform on its first day: one admin (`admin1`), nothing else — no regions, units, leaders or projects. */
export async function seedAdminOnly(ctx: Ctx): Promise<Fixture> {
  const admin = await createUser(ctx, { username: 'admin1', displayName: '测试admin1', role: 'admin', scopeType: 'all', password: PASSWORD });
  await ctx.db.update(users).set({ mustChangePassword: false });
  return { countyA: '', townA1: '', townA2: '', countyB: '', deptA: 0, deptB: 0, entA: 0, entB: 0, users: { admin1: admin.id }, people: {} };
}

/** `empty: true` starts from an empty platform (only `admin1`) instead of the two-county fixture. */
export async function createTestEnv(opts: { config?: Partial<Config>; now?: string; empty?: boolean } = {}): Promise<TestEnv> {
  const database = await openTestDatabase();
  const clock = new ManualClock(new Date(opts.now ?? '2026-06-15T02:00:00Z'));
  const config = testConfig(opts.config);
  const ctx = systemCtx({ db: database.db, config, clock });
  const fx = opts.empty ? await seedAdminOnly(ctx) : await seedFixture(ctx);
  const app = await buildApp({ db: database.db, config, clock });
  await app.ready();
  const agents = new Map<string, Agent>();
  return {
    app,
    database,
    clock,
    config,
    ctx,
    fx,
    async login(username, password = PASSWORD) {
      const cached = password === PASSWORD ? agents.get(username) : undefined;
      if (cached) return cached;
      const agent = await loginAs(app, username, password);
      agents.set(username, agent);
      return agent;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** A valid project body in the given region; override what a test is about. */
export function projectBody(regionCode: string, over: Record<string, unknown> = {}) {
  return {
    name: `测试项目${randomBytes(3).toString('hex')}`,
    level: 'county',
    nature: 'new',
    category: 'new_start',
    planYear: 2026,
    field: 'industry',
    investmentType: 'enterprise',
    regionCode,
    totalInvestment: 10000,
    ...over,
  };
}

/** A fresh database with the demo county seeded through every module's demo step, the clock at `now`. */
export async function seededDemoDatabase(now: string): Promise<{ database: Database; ctx: Ctx; clock: ManualClock; config: Config }> {
  const database = await openTestDatabase();
  const clock = new ManualClock(new Date(now));
  const config = testConfig();
  const ctx = systemCtx({ db: database.db, config, clock });
  await seedDemo(ctx);
  return { database, ctx, clock, config };
}

/**
 * The demo county (every module's demo step) seeded with the clock at `now`, with its app: log in
 * as the demo users (`diaodu`, `fenshui`, `xianzhang` …). Call in beforeAll (seeding takes seconds).
 */
export async function createDemoEnv(now: string): Promise<Omit<TestEnv, 'fx'>> {
  const { database, ctx, clock, config } = await seededDemoDatabase(now);
  await database.db.update(users).set({ mustChangePassword: false });
  const app = await buildApp({ db: database.db, config, clock });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    ctx,
    login: (username, password = DEMO_PASSWORD) => loginAs(app, username, password),
    async close() {
      await app.close();
      await database.close();
    },
  };
}
