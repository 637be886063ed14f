// Runs one Vitest suite with a readable reporter on the terminal and a JSON report in a
// temporary file, and returns its counts. Shared by scripts/test.mjs and e2e/run.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** Runs a command with inherited output; resolves with its exit code (or 1 if it could not start). */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', ...opts });
    child.on('error', (err) => {
      console.error(`cannot run ${cmd}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * @param {string} label  shown in the report
 * @param {string[]} args extra Vitest arguments (e.g. ['--config', 'e2e/vitest.config.ts'])
 * @returns {Promise<{label: string, passed: number, failed: number, skipped: number, exitCode: number}>}
 */
export async function runVitest(label, args = [], env = process.env) {
  const dir = mkdtempSync(path.join(tmpdir(), 'tiaodu-vitest-'));
  const jsonFile = path.join(dir, 'report.json');
  const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
  const exitCode = await run(process.execPath, [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`], { env });
  const counts = { label, passed: 0, failed: 0, skipped: 0, exitCode };
  try {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    counts.passed = report.numPassedTests ?? 0;
    counts.failed = report.numFailedTests ?? 0;
    counts.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that fails to load (syntax error, failing beforeAll) has no failed test of its own.
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) counts.failed += 1;
    }
  } catch {
    console.error(`${label}: no JSON report was written`);
  }
  // Unhandled errors, a crashed worker or a failed global setup still fail the suite.
  if (exitCode !== 0 && counts.failed === 0) counts.failed = 1;
  rmSync(dir, { recursive: true, force: true });
  return counts;
}

/** The one summary line CI reads: `N passed, N failed` (`, N skipped` only when some were). */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
