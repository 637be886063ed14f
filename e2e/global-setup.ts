/**
 * Starts the real server once for all browser journeys: `server/src/main.ts` on a free
 * port, serving the built web (web/dist), with the demo county loaded on first start.
 * Database: a fresh PGlite data dir in a temp folder, or — with TEST_DATABASE_URL — a
 * fresh database created on that PostgreSQL server and dropped afterwards.
 * TIAODU_TEST_CLOCK=1 lets a journey move the server's clock (POST /api/test/clock) to test
 * time limits without sleeping; a journey that moves it sets it back when it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, repoRoot, resultsDir } from './support/paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
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

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install chromium fonts-noto-cjk)`);
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: build the web first (npm run build -w web)');
  mkdirSync(resultsDir, { recursive: true });

  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tiaodu-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', TIAODU_DATA_DIR: dataDir, TIAODU_DEMO: '1', LOG_LEVEL: 'info', TIAODU_TEST_CLOCK: '1' };
  delete env.TIAODU_ADMIN_PASSWORD;
  delete env.DATABASE_URL;
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

  const logFile = path.join(resultsDir, 'e2e-server.log');
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
  console.log(`e2e server: ${baseURL} (${testDbUrl ? 'PostgreSQL' : 'PGlite'}), log: ${path.relative(repoRoot, logFile)}`);
  project.provide('baseURL', baseURL);
  return stop;
}
