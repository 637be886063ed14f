#!/usr/bin/env node
/**
 * npm run bench -- [--profile county|city|province] [--db pglite|postgres] [--url postgres://…] [--duration 10] [--connections 10] [--suite all|tasks]
 *
 * --suite tasks: loads only what the key tasks need (regions, departments and users, the tasks with
 * their reports) into its own database (`tiaodu_bench_<profile>_tasks`, PGlite /tmp/tiaodu-bench-<profile>-tasks)
 * and measures only the task rows (results <date>-<profile>-<db>-tasks).
 *
 * 1. loads the QUALITY.md profile through SQL (bench/load.ts), rebuilds roll-ups, computes lights;
 * 2. starts the server as a child process on that database;
 * 3. times the scheduler's start-up run of each job and one more run of approvals.signals,
 *    indicators.refresh and problems.escalate, and reads the resident memory of the server and database processes;
 * 4. measures from outside with autocannon (throughput, p50/p90/p97.5/p99) and with an exact
 *    sample of concurrent fetches (p50/p95/p99) for: dashboard summary, filtered project list,
 *    project detail, warning list, approvals list, overdue approvals (督查), monthly department
 *    efficiency, problems list (all, overdue), problem counts per unit, indicator league tables
 *    (imported, reported with targets, computed — its first read, which computes, timed on its
 *    own) and the benchmark of a quarter with its trend; an answer slower than
 *    250 ms is sampled by one client in sequence instead (a queue of ten would only multiply it);
 * 4b. 考核与擂台赛: as the dispatcher, times through the API the compute of 2025-11 of the competition
 *    bench/load-competitions.ts created (the first, which computes the indicator figures it needs,
 *    and a second), the compute and publish of 2025-01…2025-11 (in total and each), the compute and
 *    publish of 2025-Q3 (the sum of its months), then samples the month's results and the 2025
 *    leaderboard like the answers above;
 * 4c. 重点工作督办: the 督查 desk (`/api/tasks/overdue`) as the dispatcher and as a county user, and the
 *    办结率 statistics of the month before today and of the current quarter, sampled like the rows above
 *    (their first read, which computes, reported apart), then statistics of the year's other months uncached;
 * 5. stops the server and times the raw-SQL floor of each answer in-process (bench/load.ts floors),
 *    on the data as the server left it, and reads which computed indicator periods the first
 *    compute of the 擂台赛 month computed;
 * 6. writes bench/results/<date>-<profile>-<db>.json and .md (-2, -3… for another run of the same day).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]?.startsWith('--') || all[i + 1] === undefined ? 'true' : all[i + 1]]] : acc), []),
);
const profile = args.profile ?? 'county';
const suite = args.suite ?? 'all';
if (!['all', 'tasks'].includes(suite)) throw new Error(`unknown suite ${suite} (all | tasks)`);
const suffix = suite === 'all' ? '' : `-${suite}`;
const dbKind = args.db ?? 'pglite';
const duration = Number(args.duration ?? (profile === 'province' ? 20 : 10));
const connections = Number(args.connections ?? 10);
const port = Number(args.port ?? 3990);
const date = new Date().toISOString().slice(0, 10);
const dataDir = `/tmp/tiaodu-bench-${profile}${suffix}`;
const loadSamples = [{ at: 'start', loadavg: loadavg() }];
const sampleLoad = (at) => loadSamples.push({ at, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) });
const git = (...a) => {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};
// the code measured: the commit, and whether server/ or contracts/ differ from it
const commit = process.env.BENCH_COMMIT ?? git('rev-parse', 'HEAD');
const dirty = process.env.BENCH_COMMIT ? false : Boolean(git('status', '--porcelain', '--', 'server', 'contracts'));

/** Resident memory (MB, now and peak) of a process and its descendants: the tsx wrapper, esbuild, the server, the PGlite child. */
function memoryOf(rootPid) {
  const parent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) for (const [pid, pp] of parent) if (pp === tree[i]) tree.push(pid);
  const out = [];
  for (const pid of tree) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (k) => Number(status.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? 0);
      const role = cmd.includes('pglite-child') ? 'pglite' : cmd.includes('esbuild') ? 'esbuild' : /\.bin\/tsx |tsx\/dist\/cli/.test(cmd) ? 'tsx' : 'server';
      out.push({ pid, role, rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) });
    } catch {}
  }
  return out;
}
let target;
if (dbKind === 'postgres') {
  const base = args.url ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `tiaodu_bench_${profile}${suffix.replace('-', '_')}`;
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
console.log(`[bench] ${profile} on ${dbKind}${suite === 'all' ? '' : ` (suite ${suite})`}: loading…`);
execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'bench/load.ts'), profile, target, loadOut, 'load', suite], { stdio: 'inherit', cwd: root });
const load = JSON.parse(readFileSync(loadOut, 'utf8'));

console.log(`[bench] starting the server on :${port}`);
sampleLoad('loaded');
// the scheduler makes its start-up pass (every job once), then no tick within the bench: the
// runs are timed on their own below and do not land in the middle of an endpoint's sample
const env = {
  ...process.env,
  PORT: String(port),
  TIAODU_DATA_DIR: dataDir,
  TIAODU_ADMIN_PASSWORD: 'Bench@2026ok',
  TIAODU_DEMO: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: dbKind === 'postgres' ? target : '',
  TIAODU_SCHEDULER_TICK_SECONDS: '86400',
};
const server = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'server/src/main.ts')], { env, cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
const base = `http://127.0.0.1:${port}`;
let serverTree = [];
/** Stops the server and waits until it and its database child are gone (PGlite: one process per data directory). */
async function stopServer() {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const pids = serverTree.length ? serverTree : [server.pid];
  server.kill('SIGTERM');
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 120 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 250));
  for (const pid of pids.filter(alive)) process.kill(pid, 'SIGKILL');
}
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
  const { csrfToken } = await login.json();
  const headers = { cookie: sid };
  // steady state: the scheduler runs every job once at start (lights of recent months for all
  // projects, escalations, signals and the stored signal schedules); measure after those runs.
  // The pass runs the jobs one after the other in name order, so a job's run lasts from its
  // start to the next one's start; the last one until the bench saw it finished (0.5 s polls).
  const seen = {};
  let jobs;
  for (let i = 0; ; i++) {
    jobs = await (await fetch(`${base}/api/scheduler/jobs`, { headers })).json().catch(() => []);
    for (const j of Array.isArray(jobs) ? jobs : []) if ((j.lastRunAt || j.lastStatus) && !seen[j.name]) seen[j.name] = Date.now();
    if (Array.isArray(jobs) && jobs.length && jobs.every((j) => j.lastRunAt || j.lastStatus)) break;
    if (i > 2400) throw new Error('the start-up jobs did not finish within 20 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const startup = {};
  jobs.forEach((j, i) => {
    const from = Date.parse(j.lastStartedAt);
    const to = i + 1 < jobs.length ? Date.parse(jobs[i + 1].lastStartedAt) : seen[j.name];
    startup[j.name] = { ms: to - from, status: j.lastStatus, result: j.lastResult, error: j.lastError ?? undefined };
  });
  console.log('[bench] start-up run of the jobs:', JSON.stringify(startup));
  sampleLoad('start-up jobs done');
  // Planner statistics after the start-up pass wrote (stored timing, lights, computed indicator
  // figures): a PostgreSQL server analyzes such tables by autovacuum within a minute; where the
  // cluster runs without it (this machine's CI cluster: autovacuum = off), do what it would do,
  // by its default rule (rows changed since the last analysis > 50 + 10 % of the rows). PGlite:
  // the server's own auto-analyze does the same.
  let analyzed = null;
  if (dbKind === 'postgres') {
    const pg = (await import('pg')).default;
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    try {
      const on = (await c.query(`SELECT current_setting('autovacuum') AS v`)).rows[0].v === 'on';
      if (!on) {
        await c.query('SELECT pg_stat_force_next_flush()');
        const stale = await c.query(`SELECT quote_ident(relname) AS name FROM pg_stat_user_tables
          WHERE schemaname = 'public' AND n_mod_since_analyze > 50 + 0.1 * n_live_tup ORDER BY relname`);
        analyzed = [];
        for (const { name } of stale.rows) {
          await c.query(`ANALYZE ${name}`);
          analyzed.push(name);
        }
        console.log(`[bench] autovacuum is off on this cluster: analyzed as it would ${analyzed.join(', ') || 'nothing'}`);
      }
    } finally {
      await c.end();
    }
  }
  const memory = { afterStartup: memoryOf(server.pid) };
  serverTree = memory.afterStartup.map((m) => m.pid);
  // one more run of each, on demand (the steady state: nothing new since the start-up run)
  const rerun = {};
  for (const job of suite === 'tasks' ? ['tasks.escalate'] : ['approvals.signals', 'indicators.refresh', 'problems.escalate', 'tasks.escalate']) {
    const s = performance.now();
    const r = await fetch(`${base}/api/scheduler/run`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify({ jobs: [job] }) });
    if (!r.ok) throw new Error(`scheduler run ${job}: ${r.status} ${await r.text()}`);
    const run = (await r.json()).runs[0];
    rerun[job] = { ms: Math.round(performance.now() - s), status: run.status, result: run.result, error: run.error };
    console.log(`[bench] ${job} again: ${rerun[job].ms} ms ${JSON.stringify(run.result ?? run.error)}`);
  }
  memory.afterJobs = memoryOf(server.pid);
  const allEndpoints = {
    dashboard: `/api/dashboard?year=2025&month=12`,
    projectList: `/api/projects?stage=construction&page=1&pageSize=20`,
    projectDetail: `/api/projects/${load.sampleId}`,
    warnings: `/api/warnings?year=2025&month=12&light=red&page=1`,
    approvalsList: `/api/approvals?status=open&page=1&pageSize=20`,
    approvalsOverdue: `/api/approvals/overdue`,
    efficiencyMonthly: `/api/efficiency/monthly?year=2025&month=12`,
    problemsList: `/api/problems?tab=all&page=1&pageSize=20`,
    problemsOverdue: `/api/problems?tab=overdue&page=1&pageSize=20`,
    problemStats: `/api/problems/stats`,
    // indicators (指标): league tables of all counties for a month, and the 对标 of a quarter with its trend
    indicatorValues: `/api/indicator-values?indicatorId=${load.indicators.values.id}&period=2025-12&unitType=county`,
    indicatorTarget: `/api/indicator-values?indicatorId=${load.indicators.target.id}&period=2025-12&unitType=county`,
    indicatorComputed: `/api/indicator-values?indicatorId=${load.indicators.computed.id}&period=2025-12&unitType=county`,
    benchmark: `/api/benchmarks?indicatorId=${load.indicators.benchmark.id}&period=2025-Q4`,
  };
  const endpoints = suite === 'tasks' ? {} : allEndpoints;
  /** Signs a bench user in: its headers, and its CSRF token for writes. */
  async function signIn(username) {
    const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Bench@2026ok' }) });
    if (!r.ok) throw new Error(`${username} login failed ${r.status} ${await r.text()}`);
    const sid = r.headers.getSetCookie().find((x) => x.startsWith('tiaodu_sid='))?.split(';')[0];
    return { headers: { cookie: sid }, csrf: (await r.json()).csrfToken };
  }
  /** Rows whose first read computes what it needs (computed indicators): the first read is reported on its own. */
  const computesOnFirstRead = new Set(['indicatorComputed', 'taskOverdue', 'taskOverdueCounty', 'taskStats', 'taskStatsQuarter']);
  /** What an answer holds: its size, and how many rows or matches it says it has. */
  const answerOf = (buf) => {
    const body = JSON.parse(Buffer.from(buf).toString('utf8'));
    const rows = Array.isArray(body)
      ? body.length
      : Array.isArray(body.items)
        ? body.items.length
        : Array.isArray(body.rows)
          ? body.rows.length
          : Array.isArray(body.sequences)
            ? body.sequences.reduce((n, q) => n + (q.rows?.length ?? 0), 0)
            : undefined;
    return { bytes: buf.byteLength, rows, total: typeof body.total === 'number' ? body.total : undefined };
  };
  const results = {};
  const firstReadAt = {};
  /** Measures one answer (the first read, then the sample; autocannon when fast) as the user whose headers are given (default: admin). */
  async function measure(name, url, as = headers) {
    const timed = async () => {
      const s = performance.now();
      const r = await fetch(base + url, { headers: as });
      if (!r.ok) throw Object.assign(new Error(`${name} ${r.status}`), { status: r.status, ms: performance.now() - s, body: (await r.text()).slice(0, 300) });
      const buf = await r.arrayBuffer();
      return { ms: performance.now() - s, buf };
    };
    let first;
    try {
      if (computesOnFirstRead.has(name)) firstReadAt[name] = Date.now();
      first = await timed();
    } catch (err) {
      // an answer that fails is recorded as such, and the bench goes on
      if (!err.status) throw err;
      results[name] = { url, error: { status: err.status, ms: Math.round(err.ms), body: err.body }, floor: null };
      console.log(`[bench] ${name}: HTTP ${err.status} after ${Math.round(err.ms)} ms: ${err.body}`);
      sampleLoad(name);
      return;
    }
    const answer = answerOf(first.buf);
    if (computesOnFirstRead.has(name)) console.log(`[bench] ${name}: first read (computes) ${Math.round(first.ms)} ms`);
    // a first read that computes is no sample of the steady state: probe again
    const probe = first.ms > 250 || computesOnFirstRead.has(name) ? Math.min(computesOnFirstRead.has(name) ? Infinity : first.ms, (await timed()).ms) : first.ms;
    const slow = probe > 250;
    // exact percentiles from a sample of concurrent requests (slow answers: one client, in sequence)
    const lat = [];
    const n = slow ? 20 : profile === 'province' ? 200 : 400;
    const clients = slow ? 1 : connections;
    const budget = slow ? 30_000 : 15_000;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < n && (performance.now() - started < budget || lat.length < (slow ? 3 : 0))) {
          next++;
          lat.push((await timed()).ms);
        }
      }),
    );
    lat.sort((a, b) => a - b);
    const at = (p) => Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] * 100) / 100;
    const ac = slow ? null : await autocannon({ url: base + url, headers: as, connections, duration });
    sampleLoad(name);
    results[name] = {
      url,
      first: { ms: Math.round(first.ms * 100) / 100, computes: computesOnFirstRead.has(name) || undefined, ...answer },
      sample: { clients, requests: lat.length, p50: at(50), p95: at(95), p99: at(99), max: Math.round(lat[lat.length - 1] * 100) / 100 },
      autocannon: ac && { rps: Math.round(ac.requests.average * 10) / 10, p50: ac.latency.p50, p90: ac.latency.p90, p97_5: ac.latency.p97_5, p99: ac.latency.p99, errors: ac.errors, non2xx: ac.non2xx, requests: ac.requests.total },
      floor: null,
      load1: loadavg()[0],
    };
    const r = results[name];
    console.log(
      `[bench] ${name}: p50 ${r.sample.p50} ms, p95 ${r.sample.p95} ms (${r.sample.requests} requests, ${clients} client${clients > 1 ? 's' : ''})${ac ? `, ${r.autocannon.rps} req/s` : ''}; ${answer.bytes} bytes`,
    );
  }
  for (const [name, url] of Object.entries(endpoints)) await measure(name, url);
  // 重点工作督办 (the tasks of the load day's year): the 督查 desk as the dispatcher (scope all) and as a
  // county user (its county's tasks), the statistics of the month before today and of the quarter
  const taskRows = load.tasks ? { dispatcher: (await signIn('bench_diaodu')).headers, county: load.tasks.countyUser ? (await signIn(load.tasks.countyUser)).headers : null } : null;
  if (taskRows) {
    await measure('taskOverdue', '/api/tasks/overdue', taskRows.dispatcher);
    if (taskRows.county) await measure('taskOverdueCounty', '/api/tasks/overdue', taskRows.county);
    await measure('taskStats', `/api/tasks/stats?period=${load.tasks.month}`, taskRows.dispatcher);
    await measure('taskStatsQuarter', `/api/tasks/stats?period=${load.tasks.quarter}`, taskRows.dispatcher);
  }
  memory.afterEndpoints = memoryOf(server.pid);
  // Uncached: the dashboard and the warning list are served from a cache that every write
  // clears (server/src/core/read-cache.ts). One client asks questions nobody asked before
  // (other months, filters and pages), so every answer is computed from the database.
  const pct = (lat, p) => Math.round(lat[Math.min(lat.length - 1, Math.ceil((p / 100) * lat.length) - 1)] * 100) / 100;
  const uncachedUrls = {
    dashboard: [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, i) => `/api/dashboard?year=${y}&month=${i + 1}`)),
    warnings: [11, 12].flatMap((m) => ['red', 'yellow', 'green', ''].flatMap((l) => [1, 2, 3].map((pg) => `/api/warnings?year=2025&month=${m}&page=${pg}${l ? `&light=${l}` : ''}`))),
    // the leagues of other months (2024-01 … 2025-11); the computed one in 2026, whose periods and those a year before
    // the start-up run of indicators.refresh computed (so no read computes); the benchmark of other quarters and of a monthly indicator
    ...Object.fromEntries(
      ['indicatorValues', 'indicatorTarget'].map((k) => [
        k,
        [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`)).filter((p) => p !== '2025-12').map((p) => allEndpoints[k].replace('period=2025-12', `period=${p}`)),
      ]),
    ),
    indicatorComputed: Array.from({ length: 12 }, (_, i) => allEndpoints.indicatorComputed.replace('period=2025-12', `period=2026-${String(i + 1).padStart(2, '0')}`)),
    benchmark: [
      ...['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3'].map((p) => allEndpoints.benchmark.replace('period=2025-Q4', `period=${p}`)),
      ...Array.from({ length: 11 }, (_, i) => `/api/benchmarks?indicatorId=${load.indicators.values.id}&period=2025-${String(i + 1).padStart(2, '0')}`),
    ],
  };
  if (suite === 'tasks') for (const k of Object.keys(uncachedUrls)) delete uncachedUrls[k];
  // the statistics of the year's other months, not asked before (each computes its answer)
  if (taskRows) {
    const [y, m] = load.tasks.month.split('-').map(Number);
    uncachedUrls.taskStats = Array.from({ length: m - 1 }, (_, i) => `/api/tasks/stats?period=${y}-${String(i + 1).padStart(2, '0')}`);
  }
  const uncachedAs = { taskStats: taskRows?.dispatcher };
  for (const [name, urls] of Object.entries(uncachedUrls)) {
    const lat = [];
    if (!urls.length || !results[name]?.sample) continue;
    for (const url of urls) {
      const s = performance.now();
      const r = await fetch(base + url, { headers: uncachedAs[name] ?? headers });
      if (!r.ok) throw new Error(`${name} ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
      lat.push(performance.now() - s);
    }
    lat.sort((a, b) => a - b);
    results[name].uncached = { requests: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.round(lat[lat.length - 1] * 100) / 100 };
    console.log(`[bench] ${name} uncached (1 client): p50 ${results[name].uncached.p50} ms, p95 ${results[name].uncached.p95} ms`);
  }
  // 考核与擂台赛: the competition bench/load-competitions.ts created, its periods computed and
  // published through the API as the dispatcher (what a user waits for), then its two reads sampled
  // like the answers above. The first compute of the month also computes the computed indicator
  // figures it needs that are not computed yet (the months a year before).
  const competition = await (async () => {
    const c = load.competition;
    if (!c) return null;
    const dl = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_diaodu', password: 'Bench@2026ok' }) });
    if (!dl.ok) throw new Error(`dispatcher login failed ${dl.status} ${await dl.text()}`);
    const dsid = dl.headers.getSetCookie().find((x) => x.startsWith('tiaodu_sid='))?.split(';')[0];
    const dcsrf = (await dl.json()).csrfToken;
    const dispatcher = { cookie: dsid };
    const post = async (label, url, body) => {
      const s = performance.now();
      const r = await fetch(base + url, {
        method: 'POST',
        headers: { ...dispatcher, 'x-csrf-token': dcsrf, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await r.text();
      const ms = Math.round((performance.now() - s) * 10) / 10;
      const out = { ms, status: r.status, load1: Math.round(loadavg()[0] * 100) / 100 };
      if (r.ok) {
        const x = JSON.parse(text);
        Object.assign(out, { rows: x.sequences.reduce((n, q) => n + q.rows.length, 0), missing: x.missing.length, revision: x.revision, state: x.status, parts: x.parts.length ? x.parts : undefined });
      } else out.error = text.slice(0, 300);
      console.log(`[bench] competition ${label}: ${ms} ms (HTTP ${r.status}${out.missing ? `, ${out.missing} missing` : ''}${out.error ? `: ${out.error}` : ''})`);
      return out;
    };
    const at = (p) => `/api/competitions/${c.id}/periods/${p}`;
    const month = '2025-11';
    const quarter = '2025-Q3';
    const computes = {};
    sampleLoad('competition: before compute');
    const firstAt = Date.now();
    computes.firstCompute = await post(`compute ${month} (first)`, `${at(month)}/compute`, {});
    const firstEnd = Date.now();
    computes.secondCompute = await post(`compute ${month} (again)`, `${at(month)}/compute`, {});
    // every month of the year to November: compute and publish, in order (07–09 before the quarter)
    const months = {};
    const s = performance.now();
    for (let m = 1; m <= 11; m++) {
      const p = `2025-${String(m).padStart(2, '0')}`;
      months[p] = { compute: await post(`compute ${p}`, `${at(p)}/compute`, {}) };
      months[p].publish = await post(`publish ${p}`, `${at(p)}/publish`);
    }
    computes.publishYear = { ms: Math.round(performance.now() - s), periods: Object.keys(months).length, published: Object.values(months).filter((x) => x.publish.status === 200).length };
    console.log(`[bench] competition: 2025-01…2025-11 computed and published in ${computes.publishYear.ms} ms`);
    computes.quarterCompute = await post(`compute ${quarter} (sums 07, 08, 09)`, `${at(quarter)}/compute`, {});
    computes.quarterPublish = await post(`publish ${quarter}`, `${at(quarter)}/publish`);
    sampleLoad('competition: computed');
    // the reads: the month's results and the year's 龙虎榜, as the dispatcher (scope all)
    await measure('competitionResults', `${at(month)}/results`, dispatcher);
    await measure('competitionLeaderboard', `/api/competitions/${c.id}/leaderboard?year=2025`, dispatcher);
    return { ...c, month, quarter, computes, months, firstCompute: { from: firstAt, to: firstEnd } };
  })();
  // the raw-SQL floors, on the data as the server left it (stored timings computed, escalations
  // done), with the server stopped
  await stopServer();
  sampleLoad('server stopped');
  const floorsOut = path.join(dataDir + '-floors.json');
  execFileSync(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'bench/load.ts'), profile, target, floorsOut, 'floors', suite], { stdio: 'inherit', cwd: root });
  const { floor, computed, allComputed } = JSON.parse(readFileSync(floorsOut, 'utf8'));
  // the computed indicator periods the first compute of the 擂台赛 month computed on its way
  if (competition) competition.firstCompute.computedPeriods = (allComputed ?? []).filter((x) => Date.parse(x.computedAt) >= competition.firstCompute.from && Date.parse(x.computedAt) <= competition.firstCompute.to).map((x) => `${x.code} ${x.period}`);
  // the periods of the computed indicator asked, and who computed them: the start-up refresh job, or the first read
  const computedPeriods = (computed ?? []).map((c) => ({ ...c, by: firstReadAt.indicatorComputed && Date.parse(c.computedAt) >= firstReadAt.indicatorComputed ? 'first read' : 'start-up job' }));
  for (const [name, r] of Object.entries(results)) r.floor = floor[name] ?? null;
  sampleLoad('end');
  const meta = {
    date: new Date().toISOString(),
    profile,
    suite,
    tasks: load.tasks,
    db: dbKind,
    commit,
    dirty,
    connections,
    duration,
    cpus: cpus().length,
    loadavg: loadavg(),
    loadSamples,
    node: process.version,
    rows: load.counts,
    spread: load.spread,
    loadTimings: load.timings,
    note: 'shared machine (2 cores, other work running at the time): numbers are indicative',
    analyzedAfterStartup: analyzed,
  };
  const jobsOut = { startup, rerun };
  // a second run of the same day does not overwrite the first one's results: <date>-<profile>-<db>-2, -3…
  const stem = path.join(root, `bench/results/${date}-${profile}-${dbKind}${suffix}`);
  let file = stem;
  for (let i = 2; existsSync(`${file}.json`) || existsSync(`${file}.md`); i++) file = `${stem}-${i}`;
  writeFileSync(
    `${file}.json`,
    JSON.stringify(
      { meta, results, jobs: jobsOut, memory, floorDashboardRawScan: floor.dashboardRawScan, floorApprovalsOpenRead: floor.approvalsOpenRead, indicators: { asked: load.indicators, computedPeriods }, competition },
      null,
      2,
    ) + '\n',
  );
  const mem = (list) =>
    list
      .filter((m) => m.role === 'server' || m.role === 'pglite')
      .map((m) => `${m.role} ${m.rssMB} MB (peak ${m.peakMB})`)
      .join(', ');
  const short = (text) => (text.length > 140 ? `${text.slice(0, 140)}…` : text).replace(/\|/g, '/').replace(/\s+/g, ' ');
  const jobLine = (name, j) => `| ${name} | ${j.ms} | ${j.status}${j.error ? `: ${short(j.error)}` : ''} | ${j.result ? JSON.stringify(j.result).replace(/\|/g, '/') : '—'} |`;
  /** 考核与擂台赛: the competition's scale, the compute and publish times, and the two reads against the issue's limits. */
  function competitionLines(c) {
    if (!c) return [];
    const x = c.computes;
    const cell = (o) => (o.error ? `HTTP ${o.status}: ${short(o.error)}` : `${o.rows} rows, ${o.missing} missing, revision ${o.revision}, ${o.state}`);
    const read = (k) => results[k]?.sample ? `p50 ${results[k].sample.p50} ms, p95 ${results[k].sample.p95} ms, p99 ${results[k].sample.p99} ms` : `HTTP ${results[k]?.error?.status}`;
    const bad = Object.entries(c.months).filter(([, m]) => m.compute.status !== 200 || m.publish.status !== 200);
    const perMonth = Object.entries(c.months).map(([p, m]) => `${p.slice(5)} ${Math.round(m.compute.ms)}+${Math.round(m.publish.ms)}`);
    return [
      `考核与擂台赛 (competition ${c.id}, year 2025, monthly): ${c.contestants} ${c.level === 'county' ? 'counties' : 'towns'} in ${c.sequences.length} sequences (${c.sequences.join('/')}), ${c.items} items (${c.ruleKinds.join(', ')}) over the computed project indicators, ${c.adjustments} adjustments; computed and published through the API as the dispatcher. Issue limits: a month's compute ≤ 2 s at 100 contestants, 12 items; results and leaderboard p95 ≤ 100 ms.`,
      '',
      '| step | ms | answer | load1 |',
      '|---|---:|---|---:|',
      `| compute ${c.month}, first (computes the indicator figures it needs: ${c.firstCompute.computedPeriods?.length ? c.firstCompute.computedPeriods.join(', ') : 'none'}) | ${x.firstCompute.ms} | ${cell(x.firstCompute)} | ${x.firstCompute.load1} |`,
      `| compute ${c.month}, again | ${x.secondCompute.ms} | ${cell(x.secondCompute)} | ${x.secondCompute.load1} |`,
      `| compute + publish 2025-01…2025-11, in total | ${x.publishYear.ms} | ${x.publishYear.published} of ${x.publishYear.periods} published${bad.length ? `; refused: ${bad.map(([p, m]) => `${p} ${short(m.publish.error ?? m.compute.error ?? '')}`).join('; ')}` : ''} | |`,
      `| compute ${c.quarter} (sums ${x.quarterCompute.parts?.join(', ') ?? '—'}) | ${x.quarterCompute.ms} | ${cell(x.quarterCompute)} | ${x.quarterCompute.load1} |`,
      `| publish ${c.quarter} | ${x.quarterPublish.ms} | ${cell(x.quarterPublish)} | ${x.quarterPublish.load1} |`,
      '',
      `Per month, compute + publish ms: ${perMonth.join(', ')}.`,
      `Reads as the dispatcher: results of ${c.month} ${read('competitionResults')}; leaderboard 2025 ${read('competitionLeaderboard')} (rows above, with their floors).`,
      '',
    ];
  }
  const md = [
    `# Bench ${profile} / ${dbKind}${suite === 'all' ? '' : ` (suite ${suite})`} — ${meta.date}`,
    '',
    `Commit ${commit?.slice(0, 7) ?? 'unknown'}${dirty ? ' (server or contracts changed since)' : ''}. Rows: ${JSON.stringify(load.counts)}. ${connections} concurrent connections, autocannon ${duration} s per endpoint; ${meta.cpus} CPUs, load average ${meta.loadavg.map((x) => x.toFixed(2)).join(' ')} at the end (during the run: ${loadSamples.map((x) => x.loadavg[0].toFixed(1)).join(', ')}). ${meta.note}.`,
    '',
    'Answers above 250 ms are sampled by one client in sequence (clients = 1, no autocannon).',
    ...(analyzed ? ['', `The cluster runs without autovacuum: after the start-up pass the bench analyzed what autovacuum would have (${analyzed.join(', ') || 'nothing'}).`] : []),
    '',
    '| endpoint | p50 ms | p95 ms | p99 ms | requests × clients | req/s (autocannon) | ac p97.5 ms | answer bytes / rows | raw-SQL floor p50 / p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(results).map(([k, r]) =>
      r.error
        ? `| ${k} | HTTP ${r.error.status} after ${r.error.ms} ms: ${short(r.error.body)} | | | | | | | ${r.floor ? `${r.floor.p50} / ${r.floor.p95}` : '—'} |`
        : `| ${k} | ${r.sample.p50} | ${r.sample.p95} | ${r.sample.p99} | ${r.sample.requests} × ${r.sample.clients} | ${r.autocannon?.rps ?? '—'} | ${r.autocannon?.p97_5 ?? '—'} | ${r.first.bytes} / ${r.first.rows ?? '—'}${r.first.total != null ? ` of ${r.first.total}` : ''} | ${r.floor ? `${r.floor.p50} / ${r.floor.p95}` : '—'} |`,
    ),
    '',
    'Dashboard, warning list, the indicator leagues (values, benchmark) and the task statistics are cached until the next write; uncached, one client, questions not asked before:',
    '',
    '| endpoint | requests | p50 ms | p95 ms | max ms |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(results).filter(([, r]) => r.uncached).map(([k, r]) => `| ${k} | ${r.uncached.requests} | ${r.uncached.p50} | ${r.uncached.p95} | ${r.uncached.max} |`),
    '',
    ...(floor.dashboardRawScan ? [`Dashboard from raw reports instead of roll-ups (scan floor): p50 ${floor.dashboardRawScan.p50} ms, p95 ${floor.dashboardRawScan.p95} ms.`] : []),
    ...(floor.approvalsOpenRead ? [`Every open approval with all its events (what the list read before paging): p50 ${floor.approvalsOpenRead.p50} ms, p95 ${floor.approvalsOpenRead.p95} ms.`] : []),
    ...(load.tasks ? [`Key tasks of ${load.tasks.year} as of ${load.tasks.today} (China): taskOverdue and taskStats as the dispatcher (bench_diaodu, scope all), taskOverdueCounty as ${load.tasks.countyUser}; statistics of ${load.tasks.month} and ${load.tasks.quarter}. Spread: ${JSON.stringify({ tasks: load.spread.taskCadenceDepthState, reports: load.spread.taskReportStatus, nodes: load.spread.taskNodeState, urges: load.spread.taskUrgeState })}.`] : []),
    'Floors are timed in-process after the server stopped, on the data as it left it (indicators: the stored rows of the answer, without the league).',
    '',
    ...Object.entries(results)
      .filter(([, r]) => r.first?.computes)
      .map(([k, r]) => {
        if (k !== 'indicatorComputed') return `${k}: first read (computes the answer, cached until the next write) ${Math.round(r.first.ms)} ms.`;
        const by = (who) => computedPeriods.filter((c) => c.by === who).map((c) => c.period);
        const list = (ps) => (ps.length > 4 ? `${ps[0]} … ${ps[ps.length - 1]}` : ps.join(', ') || 'none');
        return `${k}: first read (computes) ${Math.round(r.first.ms)} ms; of \`${load.indicators.computed.code}\`, ${by('first read').length} periods were computed by that read (${list(by('first read'))}), ${by('start-up job').length} by the start-up run of indicators.refresh (${list(by('start-up job'))}).`;
      }),
    '',
    ...competitionLines(competition),
    'Scheduler jobs: the start-up pass (every job once, on the freshly loaded data), then one more run on demand (`POST /api/scheduler/run`):',
    '',
    '| job | ms | status | result |',
    '|---|---:|---|---|',
    ...Object.entries(startup).map(([k, j]) => jobLine(`${k} (start-up)`, j)),
    ...Object.entries(rerun).map(([k, j]) => jobLine(`${k} (again)`, j)),
    '',
    `Resident memory: after the start-up jobs ${mem(memory.afterStartup)}; after the runs on demand ${mem(memory.afterJobs)}; after the endpoints ${mem(memory.afterEndpoints)}${dbKind === 'postgres' ? ' (the PostgreSQL server processes not included)' : ''}.`,
    '',
    `Load timings (ms): ${JSON.stringify(load.timings)}`,
    '',
  ].join('\n');
  writeFileSync(`${file}.md`, md);
  console.log(md);
} finally {
  await stopServer();
}
