import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.js';

// One mapping for both back ends (PGlite over its socket and a PostgreSQL server):
// int8 (counts, bigserial ids) and numeric (万元 amounts) become numbers; dates stay strings.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v);

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  mode: 'pglite' | 'postgres';
  /** Process id of the embedded database (PGlite mode). */
  childPid?: number;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — a PostgreSQL server. Without it, PGlite runs in a child process. */
  url?: string;
  /** PGlite data directory; empty means in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

const childPath = fileURLToPath(new URL('./pglite-child.mjs', import.meta.url));

function startPgliteChild(dataDir: string | undefined): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(childPath, [], {
      env: { ...process.env, PGLITE_DATA_DIR: dataDir ?? '' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [],
    });
    const timer = setTimeout(() => reject(new Error('PGlite did not start within 60 s')), 60_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`PGlite exited during start (code ${code})`)));
    child.on('message', (m: { type?: string; port?: number; message?: string }) => {
      if (m?.type === 'error') {
        clearTimeout(timer);
        reject(new Error(m.message));
      }
      if (m?.type === 'ready' && m.port) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, port: m.port });
      }
    });
  });
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    pool.on('error', () => {});
    await pool.query('SELECT 1');
    return { db: drizzle(pool, { schema }), pool, mode: 'postgres', close: () => pool.end() };
  }
  const { child, port } = await startPgliteChild(opts.dataDir);
  // PGlite is a single session: one connection, requests queue in the pool.
  const pool = new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', () => {});
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    db: drizzle(pool, { schema }),
    pool,
    mode: 'pglite',
    childPid: child.pid,
    async close() {
      await pool.end().catch(() => {});
      if (child.connected) child.send({ type: 'stop' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
