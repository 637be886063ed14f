#!/usr/bin/env node
// `npm run test:e2e`: builds the web, then runs the browser journeys in Chromium against the
// real server. `--no-build` reuses web/dist; other arguments go to Vitest (e.g. a file filter).
// Ends with one line `N passed, N failed` (`, N skipped` if any).
import { run, runVitest, summaryLine } from '../scripts/lib/run-vitest.mjs';

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const vitestArgs = args.filter((a) => a !== '--no-build');

if (build && (await run('npm', ['run', 'build', '-w', 'web'])) !== 0) {
  console.log('the web did not build; the browser journeys were not run');
  console.log(summaryLine({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
}
const counts = await runVitest('browser journeys', ['--config', 'e2e/vitest.config.ts', ...vitestArgs]);
console.log(summaryLine(counts));
process.exit(counts.failed > 0 ? 1 : 0);
