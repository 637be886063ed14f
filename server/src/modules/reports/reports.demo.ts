import { sql } from 'drizzle-orm';
import { monthlyReports, reportWindows } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { rebuildRollups } from '../dashboard/rollups.js';
import { owesReport } from './reports.repository.js';
import { lastDayOfMonth } from '../warnings/domain/progress.js';

/** A deterministic number in [0, 1) from a project id, month and salt. */
function unit(id: number, month: number, salt: number): number {
  let x = (id * 2654435761 + month * 97 + salt * 40503) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822519) >>> 0;
  x ^= x >>> 13;
  return ((x >>> 0) % 10000) / 10000;
}

const pad = (n: number) => String(n).padStart(2, '0');
const PROGRESS = ['完成场地平整及临时设施搭建', '基础桩基施工', '地下室结构施工', '主体结构施工', '主体结构封顶', '砌体及二次结构施工', '外立面装饰施工', '设备安装调试', '室外配套工程施工', '竣工验收准备'];
const BEFORE_START = ['办理用地、规划及施工许可等开工前期手续', '施工图设计及审查', '施工招标及进场准备'];
const SUSPENDED = '项目停缓建，暂停施工';
const AFTER_COMPLETION = '已竣工验收，进行工程结算及配套收尾';
const PROBLEMS = ['用工紧张，需协调劳务队伍', '雨季影响土方施工进度', '电力增容手续办理中', '钢材价格上涨，资金压力较大', '施工图变更待审查'];

/**
 * Report windows and monthly reports of the demo county for January up to the last
 * complete month of the current year, for every project and month it owes a report under
 * the reports module's rule (owesReport: from the month it starts to the month it is
 * completed) — the same rule the report light and the missing list use, so the demo shows
 * no project "连续N个月未按期报送" by accident and no report before a project started. Most
 * reports are accepted; in the last month a few are, on purpose, returned, late or missing
 * (the demo's examples of a unit behind with its report). Investment follows the project's
 * annual plan for the month (±15%) or, without a plan, a share of its total investment;
 * a suspended project reports 0. The progress text follows the project's state in the
 * month (前期 before its start, 停缓建, 竣工 after completion). Written directly (the demo has
 * no users filling forms); roll-ups are rebuilt.
 */
export async function seedDemoReports(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7)) - 1;
  if (lastMonth < 1) return;
  const res = await ctx.db.execute(sql`
    SELECT projects.id, projects.total_investment, projects.stage, projects.actual_start::text AS actual_start, projects.actual_completion::text AS actual_completion,
      (SELECT max(e.date)::text FROM project_stage_events e WHERE e.project_id = projects.id AND e.to_stage = 'suspended') AS suspended_on, ap.monthly,
      ARRAY(SELECT gm FROM generate_series(1, ${lastMonth}::int) AS gm WHERE ${owesReport(year, sql`gm`)}) AS owed
    FROM projects LEFT JOIN annual_plans ap ON ap.project_id = projects.id AND ap.year = ${year}
    WHERE projects.deleted_at IS NULL AND projects.stage <> 'terminated' ORDER BY projects.id`);
  const list = res.rows as Array<{
    id: number;
    total_investment: string;
    stage: string;
    actual_start: string | null;
    actual_completion: string | null;
    suspended_on: string | null;
    monthly: Array<string | number> | string | null;
    owed: Array<string | number> | string;
  }>;
  for (let m = 1; m <= lastMonth; m++) {
    const deadline = m === 12 ? `${year + 1}-01-05` : `${year}-${pad(m + 1)}-05`;
    await ctx.db
      .insert(reportWindows)
      .values({ year, month: m, deadline, status: m === lastMonth ? 'open' : 'closed', openedAt: `${year}-${pad(m)}-25T01:00:00Z`, closedAt: m === lastMonth ? null : `${deadline}T10:00:00Z` })
      .onConflictDoNothing();
  }
  const rows: Array<typeof monthlyReports.$inferInsert> = [];
  for (const p of list) {
    const id = Number(p.id);
    const monthly = typeof p.monthly === 'string' ? p.monthly.replace(/[{}]/g, '').split(',').map(Number) : p.monthly?.map(Number);
    const owed = new Set((typeof p.owed === 'string' ? p.owed.replace(/[{}]/g, '').split(',').filter(Boolean) : p.owed).map(Number));
    for (let m = 1; m <= lastMonth; m++) {
      if (!owed.has(m)) continue;
      const first = `${year}-${pad(m)}-01`;
      const end = lastDayOfMonth(year, m);
      const suspended = p.stage === 'suspended' && p.suspended_on !== null && p.suspended_on <= end;
      const base = suspended ? 0 : monthly ? (monthly[m - 1] ?? 0) : (Number(p.total_investment) * 0.5) / 12;
      const investment = Math.max(0, Math.round(base * (0.85 + unit(id, m, 1) * 0.3)));
      const phase = suspended ? 'suspended' : !p.actual_start || p.actual_start > end ? 'before' : p.actual_completion && p.actual_completion <= end ? 'completed' : 'building';
      const progressText =
        phase === 'suspended'
          ? SUSPENDED
          : phase === 'before'
            ? BEFORE_START[Math.floor(unit(id, m, 5) * BEFORE_START.length)]!
            : phase === 'completed'
              ? AFTER_COMPLETION
              : PROGRESS[Math.min(PROGRESS.length - 1, Math.floor(((m - 1) / 12) * PROGRESS.length + unit(id, m, 5) * 2))]!;
      const r = unit(id, m, 2);
      const last = m === lastMonth;
      if (last && r < 0.08) continue; // missing (应报未报)
      const status = last && r < 0.16 ? 'returned' : last && r < 0.3 ? 'submitted' : 'accepted';
      const late = last ? r > 0.9 : r > 0.95;
      const deadline = m === 12 ? `${year + 1}-01-05` : `${year}-${pad(m + 1)}-05`;
      const day = late ? 7 : 1 + Math.floor(unit(id, m, 3) * 4);
      const submittedAt = `${deadline.slice(0, 8)}${pad(day)}T0${1 + Math.floor(unit(id, m, 4) * 8)}:30:00Z`;
      const reviewedAt = status === 'submitted' ? null : `${deadline.slice(0, 8)}${pad(day + 1)}T03:00:00Z`;
      rows.push({
        projectId: id,
        year,
        month: m,
        status,
        investment: investment.toFixed(2),
        progressText,
        problemsText: phase === 'building' && unit(id, m, 6) < 0.3 ? PROBLEMS[Math.floor(unit(id, m, 7) * PROBLEMS.length)]! : null,
        submittedAt,
        reviewedAt,
        returnReason: status === 'returned' ? '本月完成投资与形象进度不匹配，请核实后重新报送' : null,
        createdAt: submittedAt,
        updatedAt: reviewedAt ?? submittedAt,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(monthlyReports).values(rows.slice(i, i + 500)).onConflictDoNothing();
  await ctx.db.transaction((tx) => rebuildRollups(tx, year));
}
