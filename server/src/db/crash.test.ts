import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { runMigrations } from './migrate.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tiaodu-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('embedded database on disk', () => {
  it('refuses a second process on the same data directory', async () => {
    const a = await openDatabase({ dataDir: path.join(dir, 'lock') });
    await expect(openDatabase({ dataDir: path.join(dir, 'lock') })).rejects.toThrow(/正被另一个 Tiaodu 进程/);
    await a.close();
    const b = await openDatabase({ dataDir: path.join(dir, 'lock') });
    await b.close();
  }, 90_000);

  it('stays consistent after kill -9 in the middle of a transaction', async () => {
    const dataDir = path.join(dir, 'crash');
    const first = await openDatabase({ dataDir });
    await runMigrations(first.db);
    await first.pool.query("INSERT INTO regions (code, name, level) VALUES ('330122', '桐庐县', 'county')");
    const client = await first.pool.connect();
    await client.query('BEGIN');
    await client.query("INSERT INTO regions (code, name, level) SELECT (330122000 + g)::text, '镇' || g, 'town' FROM generate_series(1, 500) g");
    process.kill(first.childPid!, 'SIGKILL');
    client.release(true);
    await first.close();

    const second = await openDatabase({ dataDir });
    await runMigrations(second.db);
    const rows = (await second.pool.query('SELECT code FROM regions ORDER BY code')).rows;
    expect(rows).toEqual([{ code: '330122' }]);
    await second.pool.query("INSERT INTO regions (code, name, level) VALUES ('330127', '淳安县', 'county')");
    expect((await second.pool.query('SELECT count(*) AS n FROM regions')).rows[0].n).toBe(2);
    await second.close();
  });
});
