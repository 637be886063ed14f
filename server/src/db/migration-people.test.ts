/**
 * Migration 0005 turns leader users into people: a database of the version before, with a
 * leader user leading a project and overseeing a department, keeps working after it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers.js';
import type { Database } from './client.js';
import { migrationsFolder, runMigrations } from './migrate.js';

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase({ migrate: false });
});
afterAll(() => d.close());

const q = async (text: string) => (await d.db.execute(text as never)) as unknown as { rows: Record<string, unknown>[] };

describe('migration 0005 (people)', () => {
  it('makes a person of every leader user and moves projects, departments and accounts to the person', async () => {
    // the migrations up to 0004 only
    const dir = mkdtempSync(path.join(tmpdir(), 'tiaodu-mig-'));
    cpSync(migrationsFolder, dir, { recursive: true });
    const journalPath = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag.startsWith('0005'));
    expect(upTo).toBeGreaterThan(0);
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    await migrate(d.db, { migrationsFolder: dir });

    await q(`INSERT INTO regions (code, name, level) VALUES ('330122', '桐庐县', 'county')`);
    await q(`INSERT INTO users (id, username, display_name, password_hash, role, title, scope_type) VALUES
      (11, 'zheng', '郑县长', 'x', 'leader', '县长', 'assigned'),
      (12, 'sun', '孙副县长', 'x', 'leader', '常务副县长', 'assigned'),
      (13, 'disp', '王调度', 'x', 'dispatcher', NULL, 'all')`);
    await q(`INSERT INTO departments (id, name, region_code, leader_id) VALUES (5, '桐庐县水利局', '330122', 12)`);
    await q(`INSERT INTO projects (id, name, level, nature, category, plan_year, field, investment_type, region_code, total_investment)
      VALUES (7, '分水江灌区', 'county', 'new', 'continuing', 2026, 'agriculture', 'government', '330122', 48000)`);
    await q(`INSERT INTO project_leaders (project_id, user_id, sort) VALUES (7, 12, 0), (7, 11, 1)`);

    await runMigrations(d.db);

    const people = (await q(`SELECT p.id, p.name, p.kind, p.title, p.level, u.username FROM people p LEFT JOIN users u ON u.person_id = p.id ORDER BY p.id`)).rows;
    expect(people.map((p) => [p.name, p.kind, p.title, p.level, p.username])).toEqual([
      ['郑县长', 'leader', '县长', 'county', 'zheng'],
      ['孙副县长', 'leader', '常务副县长', 'county', 'sun'],
    ]);
    const sun = people.find((p) => p.username === 'sun')!.id;
    const zheng = people.find((p) => p.username === 'zheng')!.id;
    expect((await q(`SELECT person_id, sort FROM project_leaders WHERE project_id = 7 ORDER BY sort`)).rows).toEqual([
      { person_id: sun, sort: 0 },
      { person_id: zheng, sort: 1 },
    ]);
    expect((await q(`SELECT leader_id FROM departments WHERE id = 5`)).rows[0]!.leader_id).toBe(sun);
    expect((await q(`SELECT person_id FROM users WHERE username = 'disp'`)).rows[0]!.person_id).toBeNull();
    // the legacy column is gone
    const cols = (await q(`SELECT column_name FROM information_schema.columns WHERE table_name = 'project_leaders' ORDER BY column_name`)).rows.map((r) => r.column_name);
    expect(cols).toEqual(['person_id', 'project_id', 'sort']);
  });
});
