/**
 * Starts the real server once for all browser journeys: `server/src/main.ts` on a free
 * port, serving the built web (web/dist), with the demo county loaded on first start.
 * Database: a fresh PGlite data dir in a temp folder, or — with TEST_DATABASE_URL — a
 * fresh database created on that PostgreSQL server and dropped afterwards (support/server.ts).
 * TIAODU_TEST_CLOCK=1 lets a journey move the server's clock (POST /api/test/clock) to test
 * time limits without sleeping; a journey that moves it sets it back when it ends.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_PATH, repoRoot } from './support/paths.js';
import { startServer } from './support/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: install Debian's chromium package (apt-get install chromium fonts-noto-cjk)`);
  if (!existsSync(path.join(repoRoot, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: build the web first (npm run build -w web)');
  const server = await startServer({ env: { TIAODU_DEMO: '1', TIAODU_TEST_CLOCK: '1' }, logName: 'e2e-server.log' });
  console.log(`e2e server: ${server.baseURL} (${server.database}), log: ${path.relative(repoRoot, server.logFile)}`);
  project.provide('baseURL', server.baseURL);
  return server.stop;
}
