#!/usr/bin/env node
/**
 * npm run bench -- [--profile county|city|province] [--db pglite|postgres] [--url postgres://…] [--duration 10] [--connections 10]
 *
 * 1. loads the QUALITY.md profile through SQL (bench/load.ts), rebuilds roll-ups, computes lights
 *    and times the raw-SQL floor of each answer in-process;
 * 2. starts the server as a child process on that database;
 * 3. measures from outside with autocannon (throughput, p50/p90/p97.5/p99) and with an exact
 *    sample of concurrent fetches (p50/p95/p99) for: dashboard summary, filtered project list,
 *    project detail, warning list;
 * 4. writes bench/results/<date>-<profile>-<db>.json and .md.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]] : acc), []),
);
const profile = args.profile ?? 'county';
const dbKind = args.db ?? 'pglite';
const duration = Number(args.duration ?? (profile === 'province' ? 20 : 10));
const connections = Number(args.connections ?? 10);
const port = Number(args.port ?? 3990);
const date = new Date().toISOString().slice(0, 10);
const dataDir = `/tmp/tiaodu-bench-${profile}`;
let target;
if (dbKind === 'postgres') {
  const base = args.url ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `tiaodu_bench_${profile}`;
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  if (args.fresh === 'true') await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  const ex = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
  if (!ex.rowCount) await c.query(`CREATE DATABASE ${dbName}`);
  await c.end();
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  target = u.toString();
} else {
  if (args.fresh === 'true') rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  target = path.join(dataDir, 'pglite');
}
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
const loadOut = path.join(dataDir + '-load.json');
mkdirSync(path.dirname(loadOut), { recursive: true });
console.log(`[bench] ${profile} on ${dbKind}: loading…`);
execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'bench/load.ts'), profile, target, loadOut], { stdio: 'inherit', cwd: root });
const load = JSON.parse(readFileSync(loadOut, 'utf8'));

console.log(`[bench] starting the server on :${port}`);
const env = { ...process.env, PORT: String(port), TIAODU_DATA_DIR: dataDir, TIAODU_ADMIN_PASSWORD: 'Bench@2026ok', TIAODU_DEMO: '0', LOG_LEVEL: 'warn', DATABASE_URL: dbKind === 'postgres' ? target : '' };
const server = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/src/main.ts')], { env, cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    if (i > 240) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench@2026ok' }) });
  if (!login.ok) throw new Error(`login failed ${login.status} ${await login.text()}`);
  const sid = login.headers.getSetCookie().find((c) => c.startsWith('tiaodu_sid='))?.split(';')[0];
  const headers = { cookie: sid };
  // steady state: the scheduler runs every job once at start (lights of recent months for all
  // projects, escalations, signals); measure after those runs, not during them
  for (let i = 0; ; i++) {
    const jobs = await (await fetch(`${base}/api/scheduler/jobs`, { headers })).json().catch(() => []);
    if (Array.isArray(jobs) && jobs.length && jobs.every((j) => j.lastRunAt || j.lastStatus)) break;
    if (i > 600) throw new Error('the start-up jobs did not finish within 10 minutes');
    await new Promise((r) => setTimeout(r, 1000));
  }
  const endpoints = {
    dashboard: `/api/dashboard?year=2025&month=12`,
    projectList: `/api/projects?stage=construction&page=1&pageSize=20`,
    projectDetail: `/api/projects/${load.sampleId}`,
    warnings: `/api/warnings?year=2025&month=12&light=red&page=1`,
  };
  const results = {};
  for (const [name, url] of Object.entries(endpoints)) {
    const check = await fetch(base + url, { headers });
    if (!check.ok) throw new Error(`${name} ${check.status} ${await check.text()}`);
    // exact percentiles from a sample of concurrent requests
    const lat = [];
    const n = profile === 'province' ? 200 : 400;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < n && performance.now() - started < 15_000) {
          next++;
          const s = performance.now();
          const r = await fetch(base + url, { headers });
          await r.arrayBuffer();
          lat.push(performance.now() - s);
        }
      }),
    );
    lat.sort((a, b) => a - b);
    const at = (p) => Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] * 100) / 100;
    const ac = await autocannon({ url: base + url, headers, connections, duration });
    results[name] = {
      url,
      sample: { requests: lat.length, p50: at(50), p95: at(95), p99: at(99) },
      autocannon: { rps: Math.round(ac.requests.average * 10) / 10, p50: ac.latency.p50, p90: ac.latency.p90, p97_5: ac.latency.p97_5, p99: ac.latency.p99, errors: ac.errors, non2xx: ac.non2xx, requests: ac.requests.total },
      floor: load.floor[name] ?? null,
    };
    console.log(`[bench] ${name}: p50 ${results[name].sample.p50} ms, p95 ${results[name].sample.p95} ms, p99 ${results[name].sample.p99} ms, ${results[name].autocannon.rps} req/s; floor p50 ${results[name].floor?.p50} ms`);
  }
  // Uncached: the dashboard and the warning list are served from a cache that every write
  // clears (server/src/core/read-cache.ts). One client asks questions nobody asked before
  // (other months, filters and pages), so every answer is computed from the database.
  const pct = (lat, p) => Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] * 100) / 100;
  const uncachedUrls = {
    dashboard: [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, i) => `/api/dashboard?year=${y}&month=${i + 1}`)),
    warnings: [11, 12].flatMap((m) => ['red', 'yellow', 'green', ''].flatMap((l) => [1, 2, 3].map((pg) => `/api/warnings?year=2025&month=${m}&page=${pg}${l ? `&light=${l}` : ''}`))),
  };
  for (const [name, urls] of Object.entries(uncachedUrls)) {
    const lat = [];
    for (const url of urls) {
      const s = performance.now();
      const r = await fetch(base + url, { headers });
      if (!r.ok) throw new Error(`${name} ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    results[name].uncached = { requests: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.round(lat[lat.length - 1] * 100) / 100 };
    console.log(`[bench] ${name} uncached (1 client): p50 ${results[name].uncached.p50} ms, p95 ${results[name].uncached.p95} ms`);
  }
  const meta = { date: new Date().toISOString(), profile, db: dbKind, connections, duration, cpus: cpus().length, loadavg: loadavg(), node: process.version, rows: load.counts, loadTimings: load.timings, note: 'shared machine (2 cores, other work running at the time): numbers are indicative' };
  const file = path.join(root, `bench/results/${date}-${profile}-${dbKind}`);
  writeFileSync(`${file}.json`, JSON.stringify({ meta, results, floorDashboardRawScan: load.floor.dashboardRawScan }, null, 2) + '\n');
  const md = [
    `# Bench ${profile} / ${dbKind} — ${meta.date}`,
    '',
    `Rows: ${JSON.stringify(load.counts)}. ${connections} concurrent connections, autocannon ${duration} s per endpoint; ${meta.cpus} CPUs, load average ${meta.loadavg.map((x) => x.toFixed(2)).join(' ')}. ${meta.note}.`,
    '',
    '| endpoint | p50 ms | p95 ms | p99 ms | req/s (autocannon) | ac p97.5 ms | raw-SQL floor p50 / p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(results).map(([k, r]) => `| ${k} | ${r.sample.p50} | ${r.sample.p95} | ${r.sample.p99} | ${r.autocannon.rps} | ${r.autocannon.p97_5} | ${r.floor ? `${r.floor.p50} / ${r.floor.p95}` : '—'} |`),
    '',
    'Dashboard and warning list are cached until the next write; uncached, one client, questions not asked before:',
    '',
    '| endpoint | requests | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(results).filter(([, r]) => r.uncached).map(([k, r]) => `| ${k} | ${r.uncached.requests} | ${r.uncached.p50} | ${r.uncached.p95} | ${r.uncached.max} |`),
    '',
    `Dashboard from raw reports instead of roll-ups (scan floor): p50 ${load.floor.dashboardRawScan.p50} ms, p95 ${load.floor.dashboardRawScan.p95} ms.`,
    `Load timings (ms): ${JSON.stringify(load.timings)}`,
    '',
  ].join('\n');
  writeFileSync(`${file}.md`, md);
  console.log(md);
} finally {
  server.kill('SIGTERM');
}
