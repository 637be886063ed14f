/**
 * Bench data for 重点工作督办 (key tasks), generated through SQL (generate_series, no per-row round
 * trips), and the hand-written SQL floors of the 督查 desk and the 办结率 statistics.
 *
 * Everything is of the load day's year (China's date, as the server sees it), with nodes, report
 * periods and 督办 around today, since the overdue view reads the server's clock. Scale: county 200
 * tasks / 2,000 reports, city 2,000 / 20,000, province 20,000 / 200,000.
 *
 * - People: per county two leaders (县长, 副县长: 牵头领导) and two liaisons (跟踪责任人, 责任人);
 *   one region user per county (`bench_county_<code>`, scope its county) who reports for tasks the
 *   county leads, as the department users (bench/load-approvals.ts) do for their departments.
 * - Tasks in blocks of ten: a three-level tree (root; four sub-tasks; two of them with two
 *   sub-tasks each) and one standalone root. Roots are led by one of the county's departments (one
 *   in four by the county itself) with two departments as 配合单位 (the tree's root a town too);
 *   a sub-task's unit is one of its root's units. Types over the six default types, cadences
 *   monthly (55 %), 旬 (25 %), weekly (20 %); deadlines May…December of the year, a sub-task's no
 *   later than its parent's. Of the tasks past their deadline half are done on time, one in six
 *   late, the rest open (overdue); one in ten of the others done early.
 * - Targets: a main quantified target (处, 公里, 万方, 个村, 亿元, 个), one task in four a second one
 *   with a 12-month breakdown, one in three a dated deliverable (done, done late or open). Where
 *   the database has ledger projects (the full bench, not `--suite tasks`), one task in twenty
 *   links three of them with a fromProjects target in 万元.
 * - Nodes: three per root and first-level sub-task, one or two per second-level one, spread from
 *   the task's creation to its deadline; past ones done on time (60 %), late (15 %) or open
 *   (overdue), coming ones one in five done early; one node in four assigned to a co-unit.
 * - Reports: for every period from the task's creation (monthly tasks: January; 旬 and weekly:
 *   about four months before today or their deadline) to today or the task's end, cut to the
 *   profile's count at random (the missing periods), and two tasks in ten leave out their last
 *   one or two closed periods (yellow, red); accepted 72 %, submitted 16 %, returned 12 %, with
 *   cumulative figures for every quantified target (ahead of or behind 序时).
 * - 督办 on one task in eight that is not done: open within its limit, open and past it (the
 *   start-up run of `tasks.escalate` moves those up the ladder, as the server would), answered.
 *
 * Lights, 办结率 and the missing reports are not stored: the server computes them on read.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../server/src/db/client.js';
import { hashPassword } from '../server/src/core/password.js';
import { TODAY } from './load-approvals.js';

export const TASK_PROFILES = { county: { tasks: 200, reports: 2000 }, city: { tasks: 2000, reports: 20_000 }, province: { tasks: 20_000, reports: 200_000 } } as const;

/** A well-spread hash of an integer expression in [0, mod). */
const H = (expr: string, salt: number, mod: number) => `(((hashint4(((${expr}) * 131 + ${salt})::int)::bigint + 2147483648) % ${mod})::int)`;
const Y = `extract(year FROM ${TODAY})::int`;
const TYPES = ['攻坚战役', '改革任务', '重点工作', '领导交办', '建议提案', '民心实事'];
const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(',')}]`;

async function run(db: Db, q: string) {
  return db.execute(sql.raw(q));
}

/** The year and month (China's date) the tasks are generated for, and the periods the bench asks. */
export async function taskPeriods(db: Db): Promise<{ year: number; month: string; quarter: string; today: string }> {
  const r = (await run(db, `SELECT ${TODAY}::text AS today`)).rows[0] as { today: string };
  const today = String(r.today);
  const year = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  // the month before today (its items are all due: done, late or overdue) — January asks its own month
  const month = `${year}-${String(Math.max(1, m - 1)).padStart(2, '0')}`;
  return { year, month, quarter: `${year}-Q${Math.ceil(m / 3)}`, today };
}

/** People, region users, tasks with their units, targets, nodes, reports and 督办. */
export async function loadTasks(db: Db, profile: { tasks: number; reports: number }, dispatcherId: number, password: string): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await run(
      t,
      `INSERT INTO people (name, kind, title, level, region_code)
       SELECT r.name || v.title || v.n, v.kind, v.title, 'county', r.code
       FROM regions r CROSS JOIN (VALUES (1, 'leader', '县长'), (2, 'leader', '副县长'), (3, 'liaison', '督查专员'), (4, 'liaison', '联络员')) v(n, kind, title)
       WHERE r.level = 'county' AND NOT EXISTS (SELECT 1 FROM people p WHERE p.region_code = r.code AND p.title = v.title) ORDER BY r.code, v.n`,
    );
    await t.execute(sql`
      INSERT INTO users (username, display_name, password_hash, role, title, scope_type, region_code, must_change_password)
      SELECT 'bench_county_' || r.code, r.name || '调度员', ${hash}, 'region', r.name || '重点办', 'region', r.code, false
      FROM regions r WHERE r.level = 'county' ON CONFLICT DO NOTHING`);
    // the plan: one row per task (g = 1…n), its place in its block's tree, its units and dates
    await run(
      t,
      `CREATE TEMP TABLE bench_tp ON COMMIT DROP AS
       WITH c AS (SELECT array_agg(code ORDER BY code) AS a FROM regions WHERE level = 'county'),
       base AS (SELECT coalesce(max(id), 0) AS b FROM tasks),
       g AS (
         SELECT g, (g - 1) / 10 AS blk, (g - 1) % 10 AS pos, c.a[1 + ((g - 1) / 10) % array_length(c.a, 1)] AS county, base.b
         FROM generate_series(1, ${profile.tasks}::int) g, c, base),
       u AS (
         SELECT g.*,
           (SELECT array_agg(d.id::text ORDER BY d.sort) FROM departments d WHERE d.region_code = g.county) AS depts,
           (SELECT array_agg(p.id ORDER BY p.id) FROM people p WHERE p.region_code = g.county) AS ppl,
           (SELECT code FROM regions WHERE parent_code = g.county AND level = 'town' ORDER BY code OFFSET blk % 14 LIMIT 1) AS town
         FROM g),
       k AS (
         SELECT u.*, ${H('blk', 1, 4)} = 0 AS county_leads, 1 + (blk + pos) % 7 AS ds,
           CASE WHEN pos IN (0, 9) THEN 0 WHEN pos <= 4 THEN 1 ELSE 2 END AS depth,
           CASE WHEN pos = 9 THEN g WHEN pos = 0 THEN g ELSE g - pos END AS root_g,
           CASE WHEN pos IN (0, 9) THEN NULL WHEN pos <= 4 THEN g - pos WHEN pos <= 6 THEN g - pos + 1 ELSE g - pos + 2 END AS parent_g,
           5 + ${H('blk * 10 + (pos = 9)::int', 2, 8)} AS root_month
         FROM u)
       SELECT k.*, b + g AS id,
         -- the root's units: lead (a department, or the county), co1, co2 (departments), and for the tree's root a town
         CASE WHEN county_leads THEN 'region' ELSE 'department' END AS root_lead_type,
         CASE WHEN county_leads THEN county ELSE depts[1 + (blk + (pos = 9)::int) % 7] END AS root_lead_id,
         depts[1 + (blk + (pos = 9)::int + 1) % 7] AS co1, depts[1 + (blk + (pos = 9)::int + 2) % 7] AS co2,
         greatest(2, root_month - CASE WHEN depth = 0 THEN 0 WHEN depth = 1 THEN pos % 2 ELSE 1 + pos % 2 END) AS month,
         CASE WHEN ${H('g', 3, 20)} < 11 THEN 'monthly' WHEN ${H('g', 3, 20)} < 16 THEN 'xun' ELSE 'weekly' END AS cadence,
         ${H('g', 4, 100)} AS hd
       FROM k`,
    );
    await run(
      t,
      `CREATE TEMP TABLE bench_tt ON COMMIT DROP AS
       SELECT p.*,
         CASE WHEN depth = 0 OR pos = 4 THEN root_lead_type WHEN pos = 3 THEN 'region' ELSE 'department' END AS lead_type,
         CASE WHEN depth = 0 OR pos = 4 THEN root_lead_id WHEN pos = 3 THEN town WHEN pos IN (1, 5, 6) THEN co1 ELSE co2 END AS lead_id,
         (make_date(${Y}, month, 1) + interval '1 month' - interval '1 day')::date AS deadline,
         -- created: in January (monthly), about four months before today or the deadline (旬, weekly), not before the year
         greatest(make_date(${Y}, 1, 5) + depth * 3,
           CASE cadence WHEN 'monthly' THEN make_date(${Y}, 1, 5) ELSE least(${TODAY}, (make_date(${Y}, month, 1) + interval '1 month' - interval '1 day')::date) - CASE cadence WHEN 'xun' THEN 125 ELSE 88 END END) AS created
       FROM bench_tp p`,
    );
    await run(
      t,
      `ALTER TABLE bench_tt ADD COLUMN done date, ADD COLUMN submitter int`);
    await run(
      t,
      `UPDATE bench_tt SET done = CASE
         WHEN deadline < ${TODAY} AND hd < 50 THEN deadline - hd % 20
         WHEN deadline < ${TODAY} AND hd < 66 THEN least(${TODAY} - 1, deadline + 1 + hd % 25)
         WHEN deadline >= ${TODAY} AND hd >= 90 THEN least(${TODAY} - 1, deadline - 10 - hd % 10)
         END`,
    );
    await run(t, `UPDATE bench_tt SET done = NULL WHERE done < created`);
    // who reports: the lead department's user, or the county's region user
    await run(
      t,
      `UPDATE bench_tt SET submitter = s.uid FROM (
         SELECT 'department' AS ut, department_id::text AS ui, min(id) AS uid FROM users WHERE role = 'department' GROUP BY department_id
         UNION ALL SELECT 'region', region_code, min(id) FROM users WHERE username LIKE 'bench_county_%' GROUP BY region_code) s
       WHERE s.ut = bench_tt.lead_type AND s.ui = CASE WHEN bench_tt.lead_type = 'region' THEN bench_tt.county ELSE bench_tt.lead_id END`,
    );
    await run(
      t,
      `INSERT INTO tasks (id, parent_id, root_id, depth, title, type, year, lead_leader_id, lead_unit_type, lead_unit_id, person_id, follower_id,
         benchmark, description, cadence, deadline, public_commitment, done_date, created_by, created_at, updated_at)
       SELECT id, CASE WHEN parent_g IS NULL THEN NULL ELSE b + parent_g END, b + root_g, depth,
         CASE depth WHEN 0 THEN (${arr(['推进', '攻坚', '落实', '深化'])})[1 + blk % 4] || (${arr(['老旧小区改造', '农村公路提质', '污水管网建设', '营商环境优化', '乡村振兴示范', '城市更新', '数字政府建设', '河湖综合治理'])})[1 + (blk + pos) % 8] || '任务' || g
           ELSE '子任务' || g || '：' || (${arr(['完成年度分解目标', '推进片区实施', '落实资金保障', '开展现场督查'])})[1 + g % 4] END,
         (${arr(TYPES)})[1 + blk % 6], ${Y}, ppl[1 + blk % 2], lead_type, lead_id,
         CASE WHEN depth > 0 THEN ppl[4] END, ppl[3],
         CASE WHEN g % 5 = 0 THEN '对标先进地区同类任务' END, '按年度目标分解推进，按期报送进展', cadence, deadline, g % 7 = 0, done, ${dispatcherId},
         (created::timestamp + interval '9 hour') AT TIME ZONE 'Asia/Shanghai', (created::timestamp + interval '9 hour') AT TIME ZONE 'Asia/Shanghai'
       FROM bench_tt ORDER BY g`,
    );
    await run(t, `SELECT setval(pg_get_serial_sequence('tasks', 'id'), (SELECT max(id) FROM tasks))`);
    await run(
      t,
      `INSERT INTO task_units (task_id, unit_type, unit_id, role, sort)
       SELECT id, lead_type, lead_id, 'lead', 0 FROM bench_tt
       UNION ALL SELECT id, 'department', co1, 'co', 1 FROM bench_tt WHERE depth = 0 AND co1 <> lead_id
       UNION ALL SELECT id, 'department', co2, 'co', 2 FROM bench_tt WHERE depth = 0 AND co2 <> lead_id
       UNION ALL SELECT id, 'region', town, 'co', 3 FROM bench_tt WHERE pos = 0 AND town IS NOT NULL
       UNION ALL SELECT id, 'region', town, 'co', 1 FROM bench_tt WHERE pos = 1 AND town IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    // targets: the main quantified one; a second with a 12-month breakdown (1 in 4); a deliverable (1 in 3)
    await run(
      t,
      `INSERT INTO task_targets (task_id, sort, name, kind, value, unit, due_date, done_date, breakdown, from_projects, main)
       SELECT id, 0, (${arr(['改造完成', '建成里程', '完成土方', '覆盖村数', '完成投资', '建成个数'])})[1 + g % 6], 'quantity',
         ((5 + ${H('g', 5, 95)}) * 12)::text, (${arr(['处', '公里', '万方', '个村', '亿元', '个'])})[1 + g % 6], NULL::date, NULL::date, NULL::jsonb, false, true FROM bench_tt
       UNION ALL
       SELECT id, 1, '年度分解目标', 'quantity', ((10 + ${H('g', 6, 90)}) * 12)::text, '处', NULL::date, NULL::date,
         jsonb_build_object('by', 'month', 'values', to_jsonb(array_fill((10 + ${H('g', 6, 90)})::text, ARRAY[12]))), false, false FROM bench_tt WHERE g % 4 = 0
       UNION ALL
       SELECT id, 2, (${arr(['实施方案印发', '验收报告', '考核办法出台'])})[1 + g % 3], 'deliverable', NULL::text, '',
         created + (deadline - created) / 2,
         CASE WHEN done IS NOT NULL THEN least(done, created + (deadline - created) / 2)
              WHEN created + (deadline - created) / 2 < ${TODAY} AND hd % 3 = 0 THEN created + (deadline - created) / 2 - 2
              WHEN created + (deadline - created) / 2 < ${TODAY} AND hd % 3 = 1 THEN least(${TODAY} - 1, created + (deadline - created) / 2 + 5) END,
         NULL::jsonb, false, false FROM bench_tt WHERE g % 3 = 0`,
    );
    // linked ledger projects and a fromProjects target (when the database has projects)
    await run(
      t,
      `WITH np AS (SELECT count(*)::int AS n, min(id) AS lo FROM projects WHERE deleted_at IS NULL)
       INSERT INTO task_projects (task_id, project_id)
       SELECT tt.id, p.id FROM bench_tt tt CROSS JOIN np CROSS JOIN generate_series(0, 2) j
       JOIN projects p ON p.id = np.lo + (tt.g * 7 + j * 13) % np.n
       WHERE np.n > 0 AND tt.g % 20 = 0 AND p.deleted_at IS NULL ON CONFLICT DO NOTHING`,
    );
    await run(
      t,
      `INSERT INTO task_targets (task_id, sort, name, kind, value, unit, from_projects, main)
       SELECT DISTINCT tp.task_id, 3, '关联项目完成投资', 'quantity', '5000', '万元', true, false FROM task_projects tp JOIN bench_tt tt ON tt.id = tp.task_id`,
    );
    // nodes: spread from creation to the deadline (the last on the deadline)
    await run(
      t,
      `INSERT INTO task_nodes (task_id, seq, name, due_date, unit_type, unit_id, person_id, done_date)
       SELECT id, k, (${arr(['方案编制', '招标采购', '开工建设', '主体完工', '验收销号'])})[1 + (g + k) % 5], due,
         CASE WHEN (g + k) % 4 = 0 AND depth = 0 THEN 'department' END, CASE WHEN (g + k) % 4 = 0 AND depth = 0 THEN co1 END, NULL,
         CASE WHEN done IS NOT NULL THEN least(done, due)
              WHEN due < ${TODAY} AND h < 60 THEN due - h % 5
              WHEN due < ${TODAY} AND h < 75 THEN least(${TODAY} - 1, due + 1 + h % 10)
              WHEN due >= ${TODAY} AND h < 20 THEN least(${TODAY} - 1, due - 3) END
       FROM (SELECT tt.*, k.k, CASE WHEN depth = 2 THEN 1 + g % 2 ELSE 3 END AS nn, ${H('g * 5 + k.k', 7, 100)} AS h,
               created + ((deadline - created) * k.k) / (CASE WHEN depth = 2 THEN 1 + g % 2 ELSE 3 END) AS due
             FROM bench_tt tt CROSS JOIN generate_series(1, 3) k(k)) x
       WHERE k <= nn`,
    );
    await run(t, `UPDATE task_nodes SET done_date = NULL WHERE done_date IS NOT NULL AND done_date > ${TODAY}`);
    // report periods from creation to today or the task's end, cut to the profile's count at random
    await run(
      t,
      `CREATE TEMP TABLE bench_rp ON COMMIT DROP AS
       WITH per AS (
         SELECT tt.id, tt.g, tt.cadence, x.period, x.period_end
         FROM bench_tt tt CROSS JOIN LATERAL (
           SELECT to_char(d, 'YYYY-MM') AS period, (d + interval '1 month' - interval '1 day')::date AS period_end
             FROM generate_series(date_trunc('month', tt.created::timestamp)::date, least(${TODAY}, coalesce(tt.done, tt.deadline)), interval '1 month') d WHERE tt.cadence = 'monthly'
           UNION ALL
           SELECT to_char(d, 'YYYY-MM') || '-x' || x, CASE x WHEN 1 THEN d::date + 9 WHEN 2 THEN d::date + 19 ELSE (d + interval '1 month' - interval '1 day')::date END
             FROM generate_series(date_trunc('month', tt.created::timestamp)::date, least(${TODAY}, coalesce(tt.done, tt.deadline)), interval '1 month') d CROSS JOIN generate_series(1, 3) x WHERE tt.cadence = 'xun'
           UNION ALL
           SELECT to_char(d, 'IYYY-"W"IW'), d::date + 6
             FROM generate_series(date_trunc('week', tt.created::timestamp)::date, least(${TODAY}, coalesce(tt.done, tt.deadline)), interval '1 week') d WHERE tt.cadence = 'weekly'
         ) x),
       ranked AS (
         SELECT per.*, row_number() OVER (PARTITION BY id ORDER BY period_end DESC) AS back, ${H('g', 8, 10)} AS skip
         FROM per WHERE period_end - CASE cadence WHEN 'monthly' THEN 27 WHEN 'xun' THEN 8 ELSE 6 END <= ${TODAY} AND left(period, 4)::int = ${Y})
       SELECT id, g, period, period_end, ${H('g * 61 + back', 9, 100)} AS h FROM ranked
       -- two tasks in ten leave out their last one or two closed periods (the current one is open)
       WHERE NOT (skip = 0 AND back <= 3 AND period_end < ${TODAY}) AND NOT (skip = 1 AND back <= 2 AND period_end < ${TODAY})
       ORDER BY ${H('g * 61 + back', 10, 1000000)} LIMIT ${profile.reports}::int`,
    );
    await run(
      t,
      `INSERT INTO task_reports (task_id, period, period_end, status, figures, text, node_ids_done, submitted_by, submitted_at, reviewed_by, reviewed_at, return_reason, created_at, updated_at)
       SELECT rp.id, rp.period, rp.period_end, s.status,
         coalesce((SELECT jsonb_agg(jsonb_build_object('targetId', tg.id, 'value', round(tg.value::numeric * least(1.2, extract(month FROM rp.period_end) / 12.0 * (0.6 + (${H('rp.g', 11, 60)})::numeric / 100)), 2)::text, 'unit', tg.unit) ORDER BY tg.sort)
                   FROM task_targets tg WHERE tg.task_id = rp.id AND tg.kind = 'quantity' AND NOT tg.from_projects), '[]'::jsonb),
         '本期按计划推进，完成阶段性工作' || rp.period, '{}',
         coalesce(tt.submitter, ${dispatcherId}),
         s.sub, CASE WHEN s.status <> 'submitted' THEN ${dispatcherId} END, CASE WHEN s.status <> 'submitted' THEN least(now(), s.sub + interval '1 day') END,
         CASE WHEN s.status = 'returned' THEN '进展描述不具体，请补充量化数据和佐证材料' END, s.sub, s.sub
       FROM bench_rp rp JOIN bench_tt tt ON tt.id = rp.id
       CROSS JOIN LATERAL (SELECT CASE WHEN rp.h < 72 THEN 'accepted' WHEN rp.h < 88 THEN 'submitted' ELSE 'returned' END AS status,
         least(now() - interval '1 hour', ((rp.period_end + 1 + rp.h % 3)::timestamp + interval '10 hour') AT TIME ZONE 'Asia/Shanghai') AS sub) s`,
    );
    // 督办 on one open task in eight: within its limit, past it (escalated by the server's start-up run), answered
    await run(
      t,
      `INSERT INTO task_urges (task_id, reason, limit_days, due_date, level, holder_ids, status, answer, answered_by, answered_at, history, created_by, created_at)
       SELECT id, '进度滞后，请于时限内说明原因并提出整改措施', 5,
         CASE k WHEN 0 THEN ${TODAY} + 2 + hd % 5 WHEN 1 THEN ${TODAY} - 1 - hd % 12 ELSE ${TODAY} - 20 END, 0, '{}',
         CASE k WHEN 2 THEN 'answered' ELSE 'open' END, CASE k WHEN 2 THEN '已制定整改措施，倒排工期推进' END,
         CASE k WHEN 2 THEN ${dispatcherId} END, CASE k WHEN 2 THEN ((${TODAY} - 22)::timestamp + interval '15 hour') AT TIME ZONE 'Asia/Shanghai' END, '[]'::jsonb, ${dispatcherId},
         ((${TODAY} - CASE k WHEN 0 THEN 3 WHEN 1 THEN 10 + hd % 12 ELSE 27 END)::timestamp + interval '9 hour') AT TIME ZONE 'Asia/Shanghai'
       FROM (SELECT tt.*, ${H('g', 12, 3)} AS k FROM bench_tt tt WHERE done IS NULL AND g % 8 = 0) x`,
    );
  });
}

/**
 * The raw-SQL floors: the rows the 督查 desk and the statistics are made of, by hand-written
 * queries (overdue nodes with their tasks; open 督办; each task's latest reported periods; the items
 * due in the period counted per unit), without lights, 序时 or working days.
 */
export function taskFloors(p: { month: string; quarter: string; countyUserScope: string | null }): Record<string, string[]> {
  const range = (per: string) => {
    const y = Number(per.slice(0, 4));
    const q = per.includes('Q') ? Number(per.slice(6)) : null;
    const from = q ? `make_date(${y}, ${q * 3 - 2}, 1)` : `make_date(${y}, ${Number(per.slice(5, 7))}, 1)`;
    const to = `(${from} + interval '${q ? 3 : 1} month' - interval '1 day')::date`;
    return { from, to };
  };
  const stats = (per: string) => {
    const { from, to } = range(per);
    return [
      `SELECT unit_type, unit_id, count(*) AS total, count(done) AS done, count(*) FILTER (WHERE done <= due) AS on_time FROM (
         SELECT t.lead_unit_type AS unit_type, t.lead_unit_id AS unit_id, t.deadline AS due, t.done_date AS done FROM tasks t WHERE t.deadline BETWEEN ${from} AND ${to}
         UNION ALL SELECT coalesce(n.unit_type, t.lead_unit_type), coalesce(n.unit_id, t.lead_unit_id), n.due_date, n.done_date FROM task_nodes n JOIN tasks t ON t.id = n.task_id WHERE n.due_date BETWEEN ${from} AND ${to}) x
       GROUP BY 1, 2`,
      `SELECT count(*) FILTER (WHERE done_date IS NOT NULL), count(*) FROM tasks`,
    ];
  };
  const overdue = (scope: string) => [
    `SELECT n.id, n.task_id, t.title, n.name, n.due_date FROM task_nodes n JOIN tasks t ON t.id = n.task_id WHERE n.done_date IS NULL AND t.done_date IS NULL AND n.due_date < ${TODAY} AND ${scope} ORDER BY n.due_date`,
    `SELECT g.id, g.task_id, t.title, g.due_date, g.level FROM task_urges g JOIN tasks t ON t.id = g.task_id WHERE g.status = 'open' AND ${scope} ORDER BY g.due_date`,
    `SELECT t.id, t.cadence, t.created_at, (SELECT max(r.period_end) FROM task_reports r WHERE r.task_id = t.id AND r.status IN ('submitted', 'accepted')) FROM tasks t WHERE t.done_date IS NULL AND ${scope}`,
  ];
  const out: Record<string, string[]> = { taskOverdue: overdue('true'), taskStats: stats(p.month), taskStatsQuarter: stats(p.quarter) };
  if (p.countyUserScope) {
    const c = p.countyUserScope;
    out.taskOverdueCounty = overdue(
      `EXISTS (SELECT 1 FROM task_units tu WHERE tu.task_id = t.id AND ((tu.unit_type = 'region' AND tu.unit_id LIKE '${c}%') OR (tu.unit_type = 'department' AND tu.unit_id IN (SELECT id::text FROM departments WHERE region_code LIKE '${c}%'))))`,
    );
  }
  return out;
}
