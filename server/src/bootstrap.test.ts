import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../test/helpers.js';
import type { Database } from './db/client.js';
import { testConfig } from './config.js';
import { ManualClock } from './core/clock.js';
import { verifyPassword } from './core/password.js';
import { bootstrap } from './bootstrap.js';
import { DEMO_PASSWORD } from './core/demo.js';
import { DEMO_USERS } from './modules/admin/admin.demo.js';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

async function adminHash(db: Database) {
  const r = await db.pool.query("SELECT password_hash, must_change_password FROM users WHERE username = 'admin'");
  return r.rows[0] as { password_hash: string; must_change_password: boolean };
}

describe('first start', () => {
  it('TIAODU_DEMO=0 gives an empty platform with only admin, password from TIAODU_ADMIN_PASSWORD', async () => {
    database = await openTestDatabase();
    const deps = { db: database.db, config: testConfig({ demo: false, adminPassword: 'Admin@Pass1' }), clock: new ManualClock() };
    const r = await bootstrap(deps);
    expect(r).toMatchObject({ adminCreated: true, demoLoaded: false });
    expect(r.generatedAdminPassword).toBeUndefined();
    const counts = (await database.db.execute(sql`SELECT (SELECT count(*) FROM users) AS u, (SELECT count(*) FROM projects) AS p, (SELECT count(*) FROM regions) AS r`)).rows[0];
    expect(counts).toEqual({ u: 1, p: 0, r: 0 });
    expect(await verifyPassword('Admin@Pass1', (await adminHash(database)).password_hash)).toBe(true);
    // A second start changes nothing.
    expect(await bootstrap(deps)).toMatchObject({ adminCreated: false, demoLoaded: false });
  });

  it('without a password set and without demo data, makes one up and forces a change', async () => {
    database = await openTestDatabase();
    const r = await bootstrap({ db: database.db, config: testConfig({ demo: false, adminPassword: undefined }), clock: new ManualClock() });
    expect(r.generatedAdminPassword).toMatch(/^Td-/);
    const a = await adminHash(database);
    expect(await verifyPassword(r.generatedAdminPassword!, a.password_hash)).toBe(true);
    expect(a.must_change_password).toBe(true);
  });

  it('loads the demo county once, with users of every role, and keeps TIAODU_ADMIN_PASSWORD for admin', async () => {
    database = await openTestDatabase();
    const deps = { db: database.db, config: testConfig({ demo: true, adminPassword: 'Admin@Pass1' }), clock: new ManualClock(new Date('2026-05-10T00:00:00Z')) };
    expect(await bootstrap(deps)).toMatchObject({ adminCreated: true, demoLoaded: true });
    const roles = (await database.pool.query('SELECT DISTINCT role FROM users ORDER BY role')).rows.map((r) => r.role);
    expect(roles).toEqual(['admin', 'department', 'dispatcher', 'leader', 'promotion', 'region', 'supervisor', 'unit']);
    const p = (await database.pool.query("SELECT count(*) AS n, count(DISTINCT region_code) AS regions FROM projects")).rows[0];
    expect(p.n).toBeGreaterThanOrEqual(30);
    expect(p.regions).toBeGreaterThanOrEqual(8);
    expect(await verifyPassword('Admin@Pass1', (await adminHash(database)).password_hash)).toBe(true);
    const u = (await database.pool.query('SELECT password_hash FROM users WHERE username = $1', [DEMO_USERS[0]!.username])).rows[0];
    expect(await verifyPassword(DEMO_PASSWORD, u.password_hash)).toBe(true);
    // Every project was audited as created.
    const audited = (await database.pool.query("SELECT count(*) AS n FROM audit_events WHERE action = 'project.create'")).rows[0].n;
    expect(audited).toBe(p.n);
    expect(await bootstrap(deps)).toMatchObject({ adminCreated: false, demoLoaded: false });
    expect((await database.pool.query('SELECT count(*) AS n FROM projects')).rows[0].n).toBe(p.n);
    // the whole demo county is written through the services: allow for a loaded machine
  }, 120_000);
});
