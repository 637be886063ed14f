#!/usr/bin/env node
// `npm test`: typechecks, the unit and integration suite, the web build and the browser
// journeys, then one last line `N passed, N failed` (`, N skipped` if any).
// With TEST_DATABASE_URL set, both suites run against that PostgreSQL server
// (a fresh database per test file, and one for the browser journeys).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, run, runVitest, summaryLine } from './lib/run-vitest.mjs';

const started = Date.now();
const steps = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const heading = (text) => console.log(`\n\x1b[1m▶ ${text}\x1b[0m\n`);

/** Runs a command quietly; its output is shown only when it fails. */
function quiet(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', (err) => resolve({ code: 1, out: String(err) }));
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

// 1. Typechecks, two at a time (a failure counts as one failed test, with its output shown).
heading('typecheck');
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const projects = ['contracts', 'server', 'web', 'e2e'].filter((p) => existsSync(path.join(repoRoot, p, 'tsconfig.json')));
const queue = [...projects];
await Promise.all(
  [0, 1].map(async () => {
    for (let p = queue.shift(); p; p = queue.shift()) {
      const t = Date.now();
      const { code, out } = await quiet(process.execPath, [tsc, '-p', p]);
      const ok = code === 0;
      console.log(`  ${ok ? '✓' : '✗'} tsc -p ${p} (${seconds(Date.now() - t)})`);
      if (!ok) console.log(out.replace(/^/gm, '    '));
      steps.push({ label: `typecheck ${p}`, passed: 0, failed: ok ? 0 : 1, skipped: 0 });
    }
  }),
);

// 2. Unit and integration suite (root vitest.config.ts).
heading(`unit and integration tests (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
let t = Date.now();
const unit = await runVitest('unit + integration');
unit.time = Date.now() - t;
steps.push(unit);

// 3. Web build, then the browser journeys against it.
heading('web build');
t = Date.now();
const built = (await run('npm', ['run', 'build', '-w', 'web'])) === 0;
console.log(`\n  ${built ? '✓' : '✗'} web build (${seconds(Date.now() - t)})`);
if (!built) {
  steps.push({ label: 'web build', passed: 0, failed: 1, skipped: 0 });
  console.log('  the browser journeys were not run: the web did not build');
} else {
  heading(`browser journeys (Chromium, ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
  t = Date.now();
  const e2e = await runVitest('browser journeys', ['--config', 'e2e/vitest.config.ts']);
  e2e.time = Date.now() - t;
  steps.push(e2e);
}

const total = steps.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log('');
for (const s of steps) {
  if (s.label.startsWith('typecheck') && s.failed === 0) continue;
  console.log(`  ${s.label.padEnd(20)} ${summaryLine(s)}${s.time ? ` (${seconds(s.time)})` : ''}`);
}
console.log(`  total time ${seconds(Date.now() - started)}`);
console.log(summaryLine(total));
process.exit(total.failed > 0 ? 1 : 0);
