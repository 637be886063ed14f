/**
 * Bench data for 手续办理 (approvals) and 问题清单 (problems), generated through SQL
 * (generate_series, no per-row round trips), and the hand-written SQL floors of their answers.
 *
 * - Departments: seven 职能部门 per county (发改局, 自然资源局, 住建局, 生态环境分局, 水利局 handle
 *   approvals; 交通运输局 and 经信局 take problems too), one user of role `department` each,
 *   and one dispatcher (scope all) who applies for the projects (代办) and raises problems.
 * - The approval catalogue of each county: the demo county's fourteen items (phase 1–4,
 *   statutory and promised days, limits per step), coded BM<county>-….
 * - project_approvals in every status of domain/state.ts, each with the approval_events that
 *   replay to it (statuses before and after as `actionOf` reads them, times increasing, acts
 *   on weekdays; bench/check-data.ts replays them): finished items (办结, 不予受理) over 2025,
 *   so every 2025 month's efficiency table has accepted, completed, late and rated items; open
 *   items for a quarter stuck since 2025-Q4 (red today), for the rest with their last act 1–8
 *   days before the load (on time, due soon or late today). Step times are drawn around each
 *   step's limit (about one step in seventeen late, one item in twelve stalled in 承办), one
 *   finished item in ten went through
 *   退回补正, seven in ten finished items are rated. Row columns the service writes are filled;
 *   derived columns (promised_due_date, the stored signal schedule) are left NULL for the
 *   server, which computes them itself (ensureSchedules) on its first approvals read.
 * - problems in every status with their problem_events, dated relative to the load day: open
 *   ones within their limits (two thirds), escalated to levels 1–2 within the new limit, at the
 *   top (level 3, 调度会) and overdue there, and one in twelve just past its limit at level 0
 *   or 1 (what the next escalation run moves); answered, deferred and closed (rated) ones
 *   before, one in ten of them escalated once on the way.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/src/db/client.js';
import { hashPassword } from '../server/src/core/password.js';

/** The demo county's catalogue (server/src/modules/approvals/approvals.demo.ts), department by number (1 发改, 2 自然资源, 3 住建, 4 生态环境, 5 水利). */
const CATALOGUE: Array<[code: string, name: string, dept: number, phase: number, statutory: number, promised: number, steps: [number, number, number, number, number]]> = [
  ['FG-01', '企业投资项目备案', 1, 1, 3, 2, [1, 1, 0, 0, 0]],
  ['FG-02', '政府投资项目可行性研究报告审批', 1, 1, 20, 8, [1, 3, 2, 1, 1]],
  ['FG-03', '固定资产投资项目节能审查', 1, 1, 20, 10, [1, 5, 2, 1, 1]],
  ['ZR-01', '建设项目用地预审与选址意见书核发', 2, 1, 20, 7, [1, 3, 1, 1, 1]],
  ['ZR-02', '建设用地规划许可证核发', 2, 1, 20, 5, [1, 2, 1, 1, 0]],
  ['ST-01', '建设项目环境影响报告书（表）审批', 4, 1, 60, 15, [1, 8, 3, 2, 1]],
  ['SL-01', '生产建设项目水土保持方案审批', 5, 1, 20, 10, [1, 5, 2, 1, 1]],
  ['ZR-03', '建设工程规划许可证核发', 2, 2, 20, 7, [1, 3, 1, 1, 1]],
  ['ZJ-01', '施工图设计文件联合审查', 3, 2, 20, 10, [1, 5, 2, 1, 1]],
  ['ZJ-03', '建设工程消防设计审查', 3, 2, 15, 7, [1, 3, 1, 1, 1]],
  ['ZJ-02', '建筑工程施工许可证核发', 3, 3, 15, 3, [1, 1, 1, 0, 0]],
  ['ZJ-04', '建设工程消防验收', 3, 4, 15, 7, [1, 3, 1, 1, 1]],
  ['ZR-04', '建设工程规划核实', 2, 4, 15, 5, [1, 2, 1, 1, 0]],
  ['ZJ-05', '房屋建筑和市政基础设施工程竣工联合验收', 3, 4, 20, 10, [1, 5, 2, 1, 1]],
];
const DEPARTMENTS: Array<[n: number, name: string, short: string]> = [
  [1, '发展和改革局', '发改局'],
  [2, '自然资源和规划局', '自然资源局'],
  [3, '住房和城乡建设局', '住建局'],
  [4, '生态环境分局', '生态环境局'],
  [5, '水利局', '水利局'],
  [6, '交通运输局', '交通局'],
  [7, '经济和信息化局', '经信局'],
];
const CATEGORIES: Array<[value: string, title: string]> = [
  ['land', '项目用地指标未落实'],
  ['demolition', '征地拆迁未完成'],
  ['funding', '建设资金未到位'],
  ['approval', '前期手续办理滞后'],
  ['utilities', '施工用电接入滞后'],
  ['construction', '施工环境受阻'],
  ['policy', '政策处理口径未明确'],
  ['other', '其他需协调事项'],
];

const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
/** A well-spread hash of an integer expression in [0, mod). */
const H = (expr: string, salt: number, mod: number) => `(((hashint4(((${expr}) * 97 + ${salt})::int)::bigint + 2147483648) % ${mod})::int)`;
/** China's date today, as the server sees it. */
export const TODAY = `((now() AT TIME ZONE 'Asia/Shanghai')::date)`;
/** The step an item waits for in a status (domain/state.ts STEP_OF). */
const STEP_OF = (s: string) => `(CASE ${s} WHEN 'pending' THEN 'accept' WHEN 'accepted' THEN 'undertake' WHEN 'undertaken' THEN 'review' WHEN 'reviewed' THEN 'approve' WHEN 'approved' THEN 'finish' END)`;
/** The step an act completes, by the status it leads to. */
const ACT_STEP = (to: string) => `(CASE ${to} WHEN 'accepted' THEN 'accept' WHEN 'undertaken' THEN 'undertake' WHEN 'reviewed' THEN 'review' WHEN 'approved' THEN 'approve' WHEN 'done' THEN 'finish' END)`;
/** A weekday on or after a date (acts are done on weekdays; holidays are not avoided). */
const WEEKDAY = (d: string) => `((${d}) + CASE extract(isodow FROM (${d})) WHEN 6 THEN 2 WHEN 7 THEN 1 ELSE 0 END)`;
/** A China date and an hour as a timestamptz. */
const AT = (d: string, hour: string) => `(((${d})::timestamp + interval '1 hour' * (${hour})) AT TIME ZONE 'Asia/Shanghai')`;
/** Weekdays in (a, b] for two dates (holidays not excluded): the floors' working-day count. */
export const WD = (a: string, b: string) =>
  `(CASE WHEN (${b}) <= (${a}) THEN 0 ELSE ((${b}) - (${a})) / 7 * 5 + (SELECT count(*)::int FROM generate_series(1, ((${b}) - (${a})) % 7) wd_i WHERE extract(isodow FROM (${a}) + wd_i) < 6) END)`;
const CN = (ts: string) => `((${ts}) AT TIME ZONE 'Asia/Shanghai')::date`;

async function run(db: Db, q: string) {
  return db.execute(sql.raw(q));
}

/** Departments, their users, the dispatcher and the catalogue of every county. Returns the dispatcher's id. */
export async function loadOrganisation(db: Db, password: string): Promise<number> {
  const hash = await hashPassword(password);
  await run(
    db,
    `INSERT INTO departments (name, short_name, kind, region_code, sort)
     SELECT r.name || d.name, d.short, 'department', r.code, d.n
     FROM regions r CROSS JOIN (VALUES ${DEPARTMENTS.map(([n, name, short]) => `(${n}, ${lit(name)}, ${lit(short)})`).join(', ')}) d(n, name, short)
     WHERE r.level = 'county' ON CONFLICT DO NOTHING`,
  );
  await db.execute(sql`
    INSERT INTO users (username, display_name, password_hash, role, title, scope_type, department_id, must_change_password)
    SELECT 'bench_dept_' || d.id, d.short_name || '经办人' || d.id, ${hash}, 'department', d.name || '审批科', 'department', d.id, false
    FROM departments d WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.department_id = d.id AND u.role = 'department')`);
  await db.execute(sql`
    INSERT INTO users (username, display_name, password_hash, role, title, scope_type, must_change_password)
    VALUES ('bench_diaodu', '基准调度员', ${hash}, 'dispatcher', '重点项目调度', 'all', false) ON CONFLICT DO NOTHING`);
  await run(
    db,
    `INSERT INTO approval_items (code, name, department_id, statutory_days, promised_days, phase, step_limits, sort)
     SELECT 'BM' || r.code || '-' || v.code, v.name, d.id, v.statutory, v.promised, v.phase, v.steps::jsonb, v.k
     FROM (VALUES ${CATALOGUE.map(
       ([code, name, dept, phase, statutory, promised, s], k) =>
         `(${lit(code)}, ${lit(name)}, ${dept}, ${phase}, ${statutory}, ${promised}, ${lit(JSON.stringify({ accept: s[0], undertake: s[1], review: s[2], approve: s[3], finish: s[4] }))}, ${k})`,
     ).join(', ')}) v(code, name, dept, phase, statutory, promised, steps, k)
     JOIN regions r ON r.level = 'county'
     JOIN departments d ON d.region_code = r.code AND d.sort = v.dept
     ON CONFLICT DO NOTHING`,
  );
  const r = await run(db, `SELECT id FROM users WHERE username = 'bench_diaodu'`);
  return Number((r.rows[0] as { id: number }).id);
}

const OPEN = `('pending', 'accepted', 'undertaken', 'reviewed', 'approved', 'returned')`;
const HANDLING = `('pending', 'accepted', 'undertaken', 'reviewed', 'approved')`;

/** project_approvals and approval_events: `count` items spread over the projects (items distinct per project). */
export async function loadApprovals(db: Db, count: number, dispatcherId: number): Promise<void> {
  const F = `ARRAY['pending','accepted','undertaken','reviewed','approved','done']`;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await run(t, `CREATE TEMP TABLE bench_items ON COMMIT DROP AS SELECT substr(code, 3, 6) AS county, sort AS k, id, department_id, promised_days, step_limits FROM approval_items WHERE code LIKE 'BM%'`);
    await run(t, `CREATE TEMP TABLE bench_du ON COMMIT DROP AS SELECT department_id, min(id) AS user_id FROM users WHERE role = 'department' GROUP BY department_id`);
    // the plan: project, item, final status and the statuses its acts lead to
    await run(
      t,
      `CREATE TEMP TABLE bench_pa ON COMMIT DROP AS
       WITH proj AS (SELECT id, (row_number() OVER (ORDER BY id))::int AS rn, left(region_code, 6) AS county FROM projects WHERE deleted_at IS NULL),
       np AS (SELECT count(*)::int AS n FROM proj),
       b AS (
         SELECT g, proj.id AS project_id, proj.county, (((g - 1) / np.n) + proj.rn * 5) % 14 AS k,
           ${H('g', 1, 1000)} AS hs, ${H('g', 2, 1000)} AS ht, ${H('g', 3, 1000)} AS he, ${H('g', 4, 1000)} AS hr, ${H('g', 5, 1000)} AS hq, ${H('g', 7, 100)} AS hl
         FROM generate_series(1, ${count}) g CROSS JOIN np JOIN proj ON proj.rn = 1 + (g - 1) % np.n
       ),
       s AS (
         SELECT b.*,
           CASE WHEN hs < 80 THEN 'not_started' WHEN hs < 150 THEN 'pending' WHEN hs < 220 THEN 'accepted' WHEN hs < 300 THEN 'undertaken'
                WHEN hs < 360 THEN 'reviewed' WHEN hs < 410 THEN 'approved' WHEN hs < 460 THEN 'returned' WHEN hs < 500 THEN 'rejected' ELSE 'done' END AS status,
           (ARRAY['pending','accepted','undertaken','reviewed','approved'])[1 + hr % 5] AS resume
         FROM b
       )
       SELECT s.g AS id, s.project_id, i.id AS item_id, i.department_id, i.promised_days, i.step_limits, s.status, s.he, s.hq, s.hl,
         CASE WHEN s.status = 'returned' THEN s.resume END AS resume,
         CASE
           WHEN s.status = 'not_started' THEN ARRAY[]::text[]
           WHEN s.status = 'rejected' THEN ARRAY['pending','rejected']
           WHEN s.status = 'returned' THEN (${F})[1:array_position(${F}, s.resume)] || ARRAY['returned']
           WHEN s.status = 'done' AND s.hr >= 900 THEN ARRAY['pending','accepted','returned','accepted','undertaken','reviewed','approved','done']
           ELSE (${F})[1:array_position(${F}, s.status)]
         END AS path,
         CASE WHEN s.status IN ('done', 'rejected') THEN 'past' WHEN s.status = 'not_started' THEN 'none' WHEN s.ht % 4 = 0 THEN 'q4' ELSE 'recent' END AS era
       FROM s JOIN bench_items i ON i.county = s.county AND i.k = s.k`,
    );
    // the acts: step, days taken (working days drawn around the step's limit, about one in five late), then dates
    await run(
      t,
      `CREATE TEMP TABLE bench_ev ON COMMIT DROP AS
       WITH e AS (
         SELECT pa.id AS pa_id, x.k::int AS k, x.to_status, CASE WHEN x.k = 1 THEN 'not_started' ELSE pa.path[(x.k - 1)::int] END AS from_status,
           pa.step_limits, pa.era, pa.he, pa.hl, pa.department_id, array_length(pa.path, 1) AS n
         FROM bench_pa pa CROSS JOIN LATERAL unnest(pa.path) WITH ORDINALITY AS x(to_status, k)
       ), st AS (
         SELECT e.*,
           CASE WHEN k = 1 THEN 'accept' WHEN to_status = 'returned' THEN ${STEP_OF('from_status')} WHEN from_status = 'returned' THEN ${STEP_OF('to_status')}
                WHEN to_status = 'rejected' THEN 'accept' ELSE ${ACT_STEP('to_status')} END AS step,
           (step_limits ->> ${STEP_OF('from_status')})::int AS lim,
           ${H('pa_id * 16 + k', 6, 1000)} AS hg
         FROM e
       ), g AS (
         SELECT st.*,
           -- w working days drawn in [0, 1.06 (limit + 1)), as calendar days (two more per five)
           CASE WHEN k = 1 THEN 0
                WHEN from_status = 'returned' THEN 2 + hg % 9
                WHEN to_status = 'returned' THEN (lim * hg) / 1000 + 2 * ((lim * hg) / 5000)
                -- one item in twelve stalls in 承办: twice its limit and three days more (past the promised limit)
                WHEN to_status = 'undertaken' AND hl < 8 THEN 2 * lim + 3 + 2 * ((2 * lim + 3) / 5)
                ELSE ((lim + 1) * hg * 106) / 100000 + 2 * (((lim + 1) * hg * 106) / 500000) END AS gap
         FROM st
       ), o AS (
         SELECT g.*, (sum(gap) OVER (PARTITION BY pa_id ORDER BY k))::int AS off FROM g
       ), a AS (
         SELECT o.*, (CASE era WHEN 'past' THEN date '2025-01-15' + he % 350 WHEN 'q4' THEN date '2025-10-01' + he % 92 ELSE ${TODAY} - 1 - he % 8 END) AS last_day
         FROM o
       ), b AS (
         -- the last act on the weekday on or before that day; the others before it
         SELECT a.*, a.last_day - CASE extract(isodow FROM a.last_day) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END - (max(off) OVER (PARTITION BY pa_id)) AS base
         FROM a
       )
       SELECT pa_id, k, n, from_status, to_status, step,
         ${AT(WEEKDAY('base + off'), `8 + k + (hg % 50) / 60.0`)} AS at,
         CASE WHEN k = 1 OR from_status = 'returned' THEN ${dispatcherId} ELSE du.user_id END AS actor_id,
         CASE WHEN to_status = 'returned' THEN '申请材料不齐全，请补正后重新提交' WHEN to_status = 'rejected' THEN '不符合受理条件，不予受理' END AS reason
       FROM b LEFT JOIN bench_du du ON du.department_id = b.department_id`,
    );
    await run(
      t,
      `INSERT INTO project_approvals (id, project_id, item_id, department_id, status, current_step, started_at, step_started_at, promised_days, step_limits,
         done_at, handler_id, reason, rating, rated_at, version, created_at, updated_at)
       SELECT pa.id, pa.project_id, pa.item_id, pa.department_id, pa.status,
         CASE WHEN pa.status = 'returned' THEN ${STEP_OF('pa.resume')} ELSE ${STEP_OF('pa.status')} END,
         a.started_at,
         CASE WHEN pa.status IN ${HANDLING} THEN a.last_at WHEN pa.status = 'returned' THEN a.prev_at END,
         pa.promised_days, pa.step_limits,
         CASE WHEN pa.status IN ('done', 'rejected') THEN a.last_at END,
         a.last_actor, a.reason, r.rating, r.rated_at,
         1 + coalesce(a.n, 0) + CASE WHEN r.rating IS NULL THEN 0 ELSE 1 END,
         coalesce(a.first_at - interval '1 day', ${AT(`date '2025-01-15' + pa.he % 350`, '9')}),
         coalesce(greatest(a.last_at, r.rated_at), a.first_at, ${AT(`date '2025-01-15' + pa.he % 350`, '9')})
       FROM bench_pa pa
       LEFT JOIN (
         SELECT pa_id, count(*)::int AS n, min(at) AS first_at, max(at) AS last_at, max(at) FILTER (WHERE k = n - 1) AS prev_at,
           min(at) FILTER (WHERE to_status = 'accepted' AND from_status <> 'returned') AS started_at,
           max(actor_id) FILTER (WHERE k = n) AS last_actor, max(reason) AS reason
         FROM bench_ev GROUP BY pa_id
       ) a ON a.pa_id = pa.id
       LEFT JOIN LATERAL (
         SELECT CASE WHEN pa.hq % 10 < 6 THEN 'satisfied' WHEN pa.hq % 10 < 9 THEN 'basic' ELSE 'unsatisfied' END AS rating,
           a.last_at + make_interval(days => 1 + pa.hq % 3) AS rated_at
         WHERE pa.status = 'done' AND pa.hq < 700
       ) r ON true`,
    );
    await run(
      t,
      `INSERT INTO approval_events (project_approval_id, from_status, to_status, step, actor_id, at, reason)
       SELECT pa_id, from_status, to_status, step, actor_id, at, reason FROM bench_ev ORDER BY pa_id, k`,
    );
    await run(t, `SELECT setval(pg_get_serial_sequence('project_approvals', 'id'), (SELECT max(id) FROM project_approvals))`);
  });
}

/** problems and problem_events: `count` problems spread over the projects, dated relative to today. */
export async function loadProblems(db: Db, count: number, dispatcherId: number): Promise<void> {
  const T = TODAY;
  // ladder (DEFAULT_LADDER): 承办部门 (limit given on assignment) → 分管领导 5 → 包保领导 5 → 调度会 10 working days; in calendar days 7, 7, 14
  const CUM = `(ARRAY[0, 7, 14, 28])`;
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await run(t, `CREATE TEMP TABLE bench_du ON COMMIT DROP AS SELECT department_id, min(id) AS user_id FROM users WHERE role = 'department' GROUP BY department_id`);
    await run(
      t,
      `CREATE TEMP TABLE bench_pb ON COMMIT DROP AS
       WITH proj AS (SELECT id, (row_number() OVER (ORDER BY id))::int AS rn, left(region_code, 6) AS county FROM projects WHERE deleted_at IS NULL),
       np AS (SELECT count(*)::int AS n FROM proj),
       b AS (
         SELECT g, proj.id AS project_id, proj.county, (g - 1) / np.n AS round,
           ${H('g', 11, 1000)} AS hs, ${H('g', 12, 1000)} AS hc, ${H('g', 13, 1000)} AS hd, ${H('g', 14, 1000)} AS hx
         FROM generate_series(1, ${count}) g CROSS JOIN np JOIN proj ON proj.rn = 1 + (g - 1) % np.n
       ),
       s AS (
         SELECT b.*,
           CASE WHEN hs < 80 THEN 'unassigned' WHEN hs < 200 THEN 'pending' WHEN hs < 400 THEN 'handling' WHEN hs < 550 THEN 'answered_solved'
                WHEN hs < 650 THEN 'deferred' ELSE 'closed' END AS kind,
           (ARRAY[5, 5, 10, 15])[1 + hd % 4] AS limit_days
         FROM b
       ),
       l AS (
         SELECT s.*, (limit_days * 7) / 5 AS limit_cal,
           CASE WHEN kind IN ('pending', 'handling') THEN
                  CASE WHEN hx % 100 < 70 THEN 0 WHEN hx % 100 < 85 THEN 1 + hx % 2 WHEN hx % 100 < 97 THEN 3 ELSE 1 END
                WHEN kind IN ('answered_solved', 'deferred', 'closed') AND hx % 10 = 0 THEN 1 ELSE 0 END AS level,
           -- the due date at the current level (open problems), relative to today
           CASE WHEN kind IN ('pending', 'handling') THEN
                  CASE WHEN hx % 100 < 65 THEN NULL                    -- within the limit (from the assignment day below)
                       WHEN hx % 100 < 70 THEN ${T} - 3 - hx % 6       -- just past it at level 0: the next escalation run moves it
                       WHEN hx % 100 < 85 THEN ${T} + hx % 5           -- escalated, within the new limit
                       WHEN hx % 100 < 97 THEN ${T} - 1 - hx % 30      -- at the top of the ladder and overdue there
                       ELSE ${T} - 3 - hx % 4 END                      -- just past it at level 1
           END AS due_open
         FROM s
       ),
       d AS (
         SELECT l.*,
           CASE WHEN kind = 'unassigned' THEN NULL
                WHEN kind IN ('pending', 'handling') AND hx % 100 < 65 THEN ${T} - 2 - hx % (limit_cal - 2)
                WHEN kind IN ('pending', 'handling') THEN due_open - ${CUM}[level + 1] - limit_cal
                WHEN kind = 'closed' THEN ${T} - 45 - hx % 330 + hd % 3
                ELSE ${T} - 35 - hx % 120 + hd % 3 END AS assigned_on
         FROM l
       )
       SELECT d.g AS id, d.project_id, d.kind, d.level, d.limit_days, d.hc, d.hd, d.hx,
         CASE WHEN d.kind = 'unassigned' THEN 'pending' ELSE d.kind END AS status,
         CASE WHEN d.kind = 'unassigned' THEN ${T} - 1 - hx % 10 ELSE d.assigned_on - hd % 3 END AS raised_on,
         d.assigned_on,
         d.assigned_on + d.limit_cal AS due0,
         CASE WHEN d.kind = 'unassigned' THEN NULL ELSE d.assigned_on + d.limit_cal + ${CUM}[d.level + 1] END AS due,
         CASE WHEN d.kind = 'handling' OR (d.kind IN ('answered_solved', 'deferred', 'closed') AND d.hd % 2 = 0) THEN d.assigned_on + 1 END AS accepted_on,
         CASE WHEN d.kind IN ('answered_solved', 'deferred', 'closed') THEN
                CASE WHEN d.level = 1 THEN d.assigned_on + d.limit_cal + 2 + d.hx % 5 ELSE d.assigned_on + 2 + d.hx % (d.limit_cal - 1) END END AS answered_on,
         dep.id AS dept_id, CASE WHEN d.kind <> 'unassigned' AND d.hd % 2 = 0 THEN du.user_id END AS person_id, du.user_id AS dept_user,
         CASE WHEN d.hd % 10 < 3 THEN mr.id END AS report_id
       FROM d
       JOIN departments dep ON dep.region_code = d.county AND dep.sort = 1 + d.hc % 7
       JOIN bench_du du ON du.department_id = dep.id
       LEFT JOIN monthly_reports mr ON mr.project_id = d.project_id AND mr.year = 2025 - (d.round / 12) % 3 AND mr.month = 1 + d.round % 12`,
    );
    const cat = `(ARRAY[${CATEGORIES.map(([v]) => lit(v)).join(', ')}])[1 + pb.hc % ${CATEGORIES.length}]`;
    const title = `(ARRAY[${CATEGORIES.map(([, x]) => lit(x)).join(', ')}])[1 + pb.hc % ${CATEGORIES.length}] || '（' || pb.id || '）'`;
    await run(
      t,
      `INSERT INTO problems (id, project_id, source, report_id, category, title, description, raised_by, raised_at, status, level, responsible_dept_id,
         responsible_user_id, holder_ids, limit_days, due_date, assigned_at, accepted_at, answer, answered_at, answered_by, deferral_condition, deferral_date,
         rating, rating_note, rated_at, closed_at, version, created_at, updated_at)
       SELECT pb.id, pb.project_id, CASE WHEN pb.report_id IS NULL THEN 'dispatcher' ELSE 'report' END, pb.report_id, ${cat}, ${title},
         '基准数据：' || ${title} || '，影响项目按计划推进，请协调解决。', ${dispatcherId}, ${AT('pb.raised_on', '9')}, pb.status, pb.level,
         CASE WHEN pb.kind <> 'unassigned' THEN pb.dept_id END, pb.person_id,
         CASE WHEN pb.level > 0 THEN ARRAY[${dispatcherId}] ELSE '{}'::int[] END,
         CASE WHEN pb.kind <> 'unassigned' THEN pb.limit_days END, pb.due,
         CASE WHEN pb.kind <> 'unassigned' THEN ${AT('pb.assigned_on', '15')} END,
         CASE WHEN pb.accepted_on IS NOT NULL THEN ${AT('pb.accepted_on', '10')} WHEN pb.answered_on IS NOT NULL THEN ${AT('pb.answered_on', '16')} END,
         CASE WHEN pb.answered_on IS NOT NULL THEN CASE WHEN pb.kind = 'deferred' OR (pb.kind = 'closed' AND pb.hx % 5 = 0) THEN '受客观条件限制暂缓解决，已明确解决条件和时间。' ELSE '已协调解决，相关手续已办结。' END END,
         CASE WHEN pb.answered_on IS NOT NULL THEN ${AT('pb.answered_on', '16')} END,
         CASE WHEN pb.answered_on IS NOT NULL THEN pb.dept_user END,
         CASE WHEN pb.kind = 'deferred' OR (pb.kind = 'closed' AND pb.hx % 5 = 0) THEN '上级年度指标下达后解决' END,
         CASE WHEN pb.kind = 'deferred' OR (pb.kind = 'closed' AND pb.hx % 5 = 0) THEN pb.answered_on + 30 + pb.hx % 60 END,
         CASE WHEN pb.kind = 'closed' THEN CASE WHEN pb.hd % 5 < 3 THEN 'satisfied' ELSE 'basic' END END,
         NULL,
         CASE WHEN pb.kind = 'closed' THEN ${AT('pb.answered_on + 1 + pb.hd % 5', '11')} END,
         CASE WHEN pb.kind = 'closed' THEN ${AT('pb.answered_on + 1 + pb.hd % 5', '11')} END,
         1 + CASE WHEN pb.kind <> 'unassigned' THEN 1 ELSE 0 END + CASE WHEN pb.accepted_on IS NOT NULL THEN 1 ELSE 0 END + pb.level
           + CASE WHEN pb.answered_on IS NOT NULL THEN 1 ELSE 0 END + CASE WHEN pb.kind = 'closed' THEN 1 ELSE 0 END,
         ${AT('pb.raised_on', '9')},
         ${AT(`CASE WHEN pb.kind = 'closed' THEN pb.answered_on + 1 + pb.hd % 5 WHEN pb.answered_on IS NOT NULL THEN pb.answered_on
                    WHEN pb.level > 0 THEN pb.due0 + ${CUM}[pb.level] + 1 WHEN pb.accepted_on IS NOT NULL THEN pb.accepted_on
                    WHEN pb.kind <> 'unassigned' THEN pb.assigned_on ELSE pb.raised_on END`, '17')}
       FROM bench_pb pb`,
    );
    // the events, in time order: raised, assigned, accepted, escalated (one per level), answered or deferred, rated and closed
    await run(
      t,
      `INSERT INTO problem_events (problem_id, kind, actor_id, at, from_status, to_status, from_level, to_level, due_date, note, data)
       SELECT problem_id, kind, actor_id, at, from_status, to_status, from_level, to_level, due_date, note, data FROM (
         SELECT pb.id AS problem_id, 1 AS ord, 'raised' AS kind, ${dispatcherId} AS actor_id, ${AT('pb.raised_on', '9')} AS at, NULL AS from_status, 'pending' AS to_status,
           NULL::int AS from_level, 0 AS to_level, NULL::date AS due_date, '提出问题' AS note, NULL::jsonb AS data FROM bench_pb pb
         UNION ALL
         SELECT pb.id, 2, 'assigned', ${dispatcherId}, ${AT('pb.assigned_on', '15')}, 'pending', 'pending', 0, 0, pb.due0,
           '交办，' || pb.limit_days || '个工作日内办结', jsonb_build_object('deptId', pb.dept_id, 'userId', pb.person_id, 'limitDays', pb.limit_days)
         FROM bench_pb pb WHERE pb.kind <> 'unassigned'
         UNION ALL
         SELECT pb.id, 3, 'accepted', pb.dept_user, ${AT('pb.accepted_on', '10')}, 'pending', 'handling', NULL, NULL, NULL, '已受理', NULL
         FROM bench_pb pb WHERE pb.accepted_on IS NOT NULL
         UNION ALL
         SELECT pb.id, 3 + j, 'escalated', NULL, ${AT(`pb.due0 + ${CUM}[j] + 1`, '8')},
           CASE WHEN pb.accepted_on IS NOT NULL THEN 'handling' ELSE 'pending' END, CASE WHEN pb.accepted_on IS NOT NULL THEN 'handling' ELSE 'pending' END,
           j - 1, j, pb.due0 + ${CUM}[j + 1], '超过办理时限，升级办理',
           jsonb_build_object('holderIds', jsonb_build_array(${dispatcherId}), 'effectiveDate', (pb.due0 + ${CUM}[j] + 1)::text)
         FROM bench_pb pb CROSS JOIN LATERAL generate_series(1, pb.level) j
         UNION ALL
         SELECT pb.id, 10, CASE WHEN pb.kind = 'deferred' OR (pb.kind = 'closed' AND pb.hx % 5 = 0) THEN 'deferred' ELSE 'answered' END, pb.dept_user, ${AT('pb.answered_on', '16')},
           CASE WHEN pb.accepted_on IS NOT NULL THEN 'handling' ELSE 'pending' END,
           CASE WHEN pb.kind = 'deferred' OR (pb.kind = 'closed' AND pb.hx % 5 = 0) THEN 'deferred' ELSE 'answered_solved' END, NULL, NULL, NULL, '答复', NULL
         FROM bench_pb pb WHERE pb.answered_on IS NOT NULL
         UNION ALL
         SELECT pb.id, 11, 'rated', ${dispatcherId}, ${AT('pb.answered_on + 1 + pb.hd % 5', '11')},
           CASE WHEN pb.hx % 5 = 0 THEN 'deferred' ELSE 'answered_solved' END, 'closed', NULL, NULL, NULL, CASE WHEN pb.hd % 5 < 3 THEN '满意' ELSE '基本满意' END,
           jsonb_build_object('rating', CASE WHEN pb.hd % 5 < 3 THEN 'satisfied' ELSE 'basic' END)
         FROM bench_pb pb WHERE pb.kind = 'closed'
         UNION ALL
         SELECT pb.id, 12, 'closed', ${dispatcherId}, ${AT('pb.answered_on + 1 + pb.hd % 5', '11')}, 'closed', 'closed', NULL, NULL, NULL, '已销号', NULL
         FROM bench_pb pb WHERE pb.kind = 'closed'
       ) ev ORDER BY problem_id, at, ord`,
    );
    await run(t, `SELECT setval(pg_get_serial_sequence('problems', 'id'), (SELECT max(id) FROM problems))`);
  });
}

/* ------------------------------------------------------------------ floors */

const PERIOD = { from: `date '2025-12-01'`, to: `date '2025-12-31'` };

/**
 * The raw-SQL floors of the approvals and problems answers (admin, scope all): hand-written
 * queries that answer the same question. The list and the efficiency table read the stored
 * timing the server keeps on project_approvals (so they are timed after the server ran); the
 * overdue view and the problems' working days are computed from the events, working days
 * counted as weekdays (holidays and 补正 pauses not taken out).
 */
export function approvalFloors(adminId: number): Record<string, string[]> {
  const paRows = `FROM project_approvals pa JOIN projects p ON p.id = pa.project_id JOIN approval_items ai ON ai.id = pa.item_id LEFT JOIN departments d ON d.id = pa.department_id
    WHERE p.deleted_at IS NULL AND pa.status IN ${OPEN}`;
  // the signal of today from the stored schedule (approvals.repository.ts signalSql)
  const signal = `(CASE WHEN pa.signal_fixed = 'red' OR pa.red_on <= ${TODAY} THEN 'red' WHEN pa.signal_fixed = 'yellow' OR pa.yellow_on <= ${TODAY} THEN 'yellow'
    WHEN pa.prompt_on <= ${TODAY} THEN 'prompt' ELSE 'none' END)`;
  const pageOrder = `ORDER BY CASE ${signal} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'prompt' THEN 2 ELSE 3 END, pa.promised_due_date ASC NULLS LAST, pa.id LIMIT 20`;
  const stepDays = `${WD('ev.day', `coalesce(ev.next_day, ${TODAY})`)}`;
  const pSelect = `SELECT p.id, p.project_id, projects.name AS project_name, projects.region_code, p.source, p.category, p.title, p.status, p.level,
      p.responsible_dept_id, d.name AS dept_name, p.responsible_user_id, ru.display_name, p.holder_ids, p.raised_by, rb.display_name, p.raised_at, p.limit_days,
      p.due_date, p.assigned_at, p.report_id, mr.year, mr.month, p.rating, p.version
    FROM problems p JOIN projects ON projects.id = p.project_id LEFT JOIN departments d ON d.id = p.responsible_dept_id
    LEFT JOIN users ru ON ru.id = p.responsible_user_id LEFT JOIN users rb ON rb.id = p.raised_by LEFT JOIN monthly_reports mr ON mr.id = p.report_id`;
  const overdue = `(p.status IN ('pending', 'handling') AND p.due_date < ${TODAY})`;
  const counts = `SELECT count(*)::int AS all, count(*) FILTER (WHERE p.raised_by = ${adminId})::int AS mine,
      count(*) FILTER (WHERE (p.status IN ('pending', 'handling') AND (p.responsible_user_id = ${adminId} OR ${adminId} = ANY(p.holder_ids) OR p.responsible_dept_id IS NULL))
        OR (p.status IN ('answered_solved', 'deferred') AND p.raised_by = ${adminId}))::int AS todo,
      count(*) FILTER (WHERE ${overdue})::int AS overdue
    FROM problems p JOIN projects ON projects.id = p.project_id WHERE projects.deleted_at IS NULL`;
  const order = `ORDER BY (p.status IN ('pending', 'handling')) DESC, p.due_date ASC NULLS LAST, p.raised_at DESC, p.id DESC LIMIT 20`;
  return {
    // the page the server-side paging answers: 20 open items, worst stored signal of today first, then by due date, with the
    // number of matches (one sort), the 20 items with their events, and the count per signal
    approvalsList: [
      `WITH page AS MATERIALIZED (SELECT pa.id, count(*) OVER () AS total ${paRows} ${pageOrder})
       SELECT page.total, pa.id, pa.project_id, p.name, ai.name, ai.phase, pa.department_id, d.name, pa.status, pa.promised_days, pa.step_limits, pa.started_at,
         pa.rating, pa.version, e.from_status, e.to_status, e.step, e.at, u.display_name
       FROM page JOIN project_approvals pa ON pa.id = page.id JOIN projects p ON p.id = pa.project_id JOIN approval_items ai ON ai.id = pa.item_id
       LEFT JOIN departments d ON d.id = pa.department_id LEFT JOIN approval_events e ON e.project_approval_id = pa.id LEFT JOIN users u ON u.id = e.actor_id
       ORDER BY pa.id, e.at, e.id`,
      `SELECT ${signal} AS signal, count(*) ${paRows} GROUP BY 1`,
    ],
    // every open item with all its events: what the list read before it was paged, and about what the signals job and the
    // efficiency table read for their computation
    approvalsOpenRead: [
      `SELECT pa.id, pa.project_id, p.name, p.owner_enterprise_id, p.region_code, pa.item_id, ai.code, ai.name, ai.phase, ai.statutory_days, pa.department_id, d.name,
         pa.status, pa.promised_days, pa.step_limits, pa.started_at, pa.done_at, pa.rating, pa.rated_at, pa.version ${paRows}
        ORDER BY pa.project_id, ai.phase, ai.sort, pa.id`,
      `SELECT e.id, e.project_approval_id, e.from_status, e.to_status, e.step, e.at, e.actor_id, u.display_name, e.reason FROM approval_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.project_approval_id IN (SELECT pa.id FROM project_approvals pa WHERE pa.status IN ${OPEN}) ORDER BY e.project_approval_id, e.at, e.id`,
    ],
    // 督查: steps past their own limit and items past the promised limit, among open items, computed in SQL
    approvalsOverdue: [
      `WITH ev AS (
         SELECT e.project_approval_id AS id, e.to_status, e.from_status, ${CN('e.at')} AS day, lead(${CN('e.at')}) OVER w AS next_day
         FROM approval_events e JOIN project_approvals pa ON pa.id = e.project_approval_id WHERE pa.status IN ${OPEN}
         WINDOW w AS (PARTITION BY e.project_approval_id ORDER BY e.at, e.id)
       ), steps AS (
         SELECT ev.id, ${STEP_OF('ev.to_status')} AS step, ${stepDays} AS used, (pa.step_limits ->> ${STEP_OF('ev.to_status')})::int AS lim
         FROM ev JOIN project_approvals pa ON pa.id = ev.id WHERE ev.to_status IN ${HANDLING} AND ev.from_status <> 'returned'
       ), items AS (
         SELECT pa.id, NULL AS step, ${WD(CN('pa.started_at'), TODAY)} AS used, pa.promised_days AS lim FROM project_approvals pa
         WHERE pa.status IN ${OPEN} AND pa.started_at IS NOT NULL
       )
       SELECT o.id, o.step, o.used, o.lim, o.used - o.lim AS over, p.name, ai.name, d.name
       FROM (SELECT * FROM steps WHERE used > lim UNION ALL SELECT * FROM items WHERE used > lim) o
       JOIN project_approvals pa ON pa.id = o.id JOIN projects p ON p.id = pa.project_id JOIN approval_items ai ON ai.id = pa.item_id LEFT JOIN departments d ON d.id = pa.department_id
       WHERE p.deleted_at IS NULL ORDER BY over DESC, o.id`,
    ],
    // 部门效能月度表 2025-12 from the stored timing (受理 and 办结 dates, days used, 超时 date), as the server reads it,
    // with the figures, the satisfaction and the rank computed in SQL
    efficiencyMonthly: [
      `WITH f AS (
         SELECT pa.department_id, pa.accepted_on, pa.completed_on, pa.used_days, pa.promised_days, CASE WHEN pa.red_on <= ${TODAY} THEN pa.red_on END AS overdue_on,
           pa.rating, ${CN('pa.rated_at')} AS rated_on
         FROM project_approvals pa JOIN projects p ON p.id = pa.project_id
         WHERE p.deleted_at IS NULL AND (pa.accepted_on BETWEEN ${PERIOD.from} AND ${PERIOD.to} OR pa.completed_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}
           OR pa.red_on BETWEEN ${PERIOD.from} AND ${PERIOD.to} OR ${CN('pa.rated_at')} BETWEEN ${PERIOD.from} AND ${PERIOD.to})
       ), t AS (
         SELECT d.id, d.name,
           count(f.*) FILTER (WHERE accepted_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}) AS accepted,
           count(f.*) FILTER (WHERE completed_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}) AS completed,
           round(avg(used_days) FILTER (WHERE completed_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}), 1) AS avg_days,
           round(1 - sum(used_days) FILTER (WHERE completed_on BETWEEN ${PERIOD.from} AND ${PERIOD.to})::numeric
             / nullif(sum(promised_days) FILTER (WHERE completed_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}), 0), 4) AS speed_up,
           count(f.*) FILTER (WHERE overdue_on BETWEEN ${PERIOD.from} AND ${PERIOD.to}) AS overdue,
           round(count(f.*) FILTER (WHERE rated_on BETWEEN ${PERIOD.from} AND ${PERIOD.to} AND rating IN ('satisfied', 'basic'))::numeric
             / nullif(count(f.*) FILTER (WHERE rated_on BETWEEN ${PERIOD.from} AND ${PERIOD.to} AND rating IS NOT NULL), 0), 4) AS satisfaction
         FROM departments d LEFT JOIN f ON f.department_id = d.id
         WHERE d.id IN (SELECT department_id FROM approval_items WHERE department_id IS NOT NULL)
         GROUP BY d.id, d.name
       )
       SELECT t.*, CASE WHEN speed_up IS NOT NULL THEN rank() OVER (ORDER BY speed_up IS NULL, speed_up DESC, overdue, completed DESC) END AS rank
       FROM t ORDER BY rank NULLS LAST, overdue DESC`,
    ],
    problemsList: [`${pSelect} WHERE projects.deleted_at IS NULL ${order}`, counts],
    problemsOverdue: [`${pSelect} WHERE projects.deleted_at IS NULL AND ${overdue} ${order}`, counts],
    problemStats: [
      `SELECT p.responsible_dept_id, d.name, count(*) AS raised,
         count(*) FILTER (WHERE p.status = 'answered_solved' OR (p.status = 'closed' AND p.deferral_condition IS NULL)) AS solved,
         count(*) FILTER (WHERE p.status = 'deferred' OR (p.status = 'closed' AND p.deferral_condition IS NOT NULL)) AS deferred,
         count(*) FILTER (WHERE p.status IN ('pending', 'handling')) AS open,
         count(*) FILTER (WHERE p.level > 0 OR ${overdue}) AS overdue,
         round(avg(${WD(CN('p.assigned_at'), CN('p.answered_at'))}) FILTER (WHERE p.status NOT IN ('pending', 'handling') AND p.assigned_at IS NOT NULL AND p.answered_at IS NOT NULL), 1) AS avg_days
       FROM problems p JOIN projects ON projects.id = p.project_id LEFT JOIN departments d ON d.id = p.responsible_dept_id
       WHERE projects.deleted_at IS NULL GROUP BY p.responsible_dept_id, d.name, d.sort ORDER BY d.sort, p.responsible_dept_id`,
    ],
  };
}
