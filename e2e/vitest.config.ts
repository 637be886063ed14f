import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys: real Chromium (Debian's /usr/bin/chromium through playwright-core)
// against the real server started once by global-setup.ts. One worker, one file at a
// time: the journeys share the server and its database.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // a page waits on the server: under a loaded CI machine (two databases, two cores) an answer
    // that takes a second is not a failure, so polls wait up to 15 s instead of vitest's 1 s
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
