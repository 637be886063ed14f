/**
 * Starts the real server (`server/src/main.ts`) on a free port, serving the built web, for the
 * shared server of the journeys (global-setup.ts) and for journeys that need one of their own
 * (e.g. an empty platform, TIAODU_DEMO=0). Database: a fresh PGlite data dir in a temp folder,
 * or — with TEST_DATABASE_URL — a fresh database created on that PostgreSQL server and dropped
 * by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { repoRoot, resultsDir } from './paths.js';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n') : '';
  throw new Error(`the server did not answer ${url}/api/health (${child.exitCode !== null ? `exited with ${child.exitCode}` : 'timed out'}); last log lines:\n${log}`);
}

export interface StartOptions {
  /** Variables for this server (TIAODU_DEMO, TIAODU_ADMIN_PASSWORD, …), over a clean environment. */
  env: Record<string, string>;
  /** The log's file name in test-results/. */
  logName: string;
}

export interface RunningServer {
  baseURL: string;
  /** PostgreSQL (TEST_DATABASE_URL) or PGlite. */
  database: 'PostgreSQL' | 'PGlite';
  logFile: string;
  /** Stops the server and removes its data dir (or drops its database). */
  stop: () => Promise<void>;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  mkdirSync(resultsDir, { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tiaodu-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TIAODU_DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.TIAODU_ADMIN_PASSWORD;
  delete env.TIAODU_DEMO;
  delete env.DATABASE_URL;
  Object.assign(env, opts.env);
  let dropDatabase: (() => Promise<void>) | undefined;
  const testDbUrl = process.env.TEST_DATABASE_URL;
  if (testDbUrl) {
    const name = `tiaodu_e2e_${process.pid}_${randomBytes(3).toString('hex')}`;
    await adminQuery(testDbUrl, `CREATE DATABASE ${name}`);
    const u = new URL(testDbUrl);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    dropDatabase = () => adminQuery(testDbUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  const logFile = path.join(resultsDir, opts.logName);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'src', 'main.ts')], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const baseURL = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (dropDatabase) await dropDatabase();
  };

  try {
    await waitForHealth(baseURL, child, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseURL, database: testDbUrl ? 'PostgreSQL' : 'PGlite', logFile, stop };
}
