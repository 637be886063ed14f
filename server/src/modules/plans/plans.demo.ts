import { and, isNull, notInArray, asc } from 'drizzle-orm';
import type { YearCategory } from '@tiaodu/contracts';
import { projects } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { bulkSave } from './plans.service.js';

/** Month weights of a county's plan: slow around the Spring Festival, heavier mid-year. */
const WEIGHTS = [4, 5, 8, 9, 10, 11, 11, 10, 9, 9, 8, 6];

/** A deterministic number in [0, 1) from a project id. */
function unit(id: number, salt: number): number {
  let x = (id * 2654435761 + salt * 40503) >>> 0;
  x ^= x >>> 15;
  x = Math.imul(x, 2246822519) >>> 0;
  x ^= x >>> 13;
  return ((x >>> 0) % 10000) / 10000;
}

/**
 * The monthly breakdown of an annual figure (万元) along WEIGHTS from `fromMonth` on (a project
 * starting this year plans nothing before its start month), summing to it exactly.
 */
export function monthlyCurve(planned: number, fromMonth = 1): number[] {
  const cents = Math.round(planned * 100);
  const w = WEIGHTS.map((x, i) => (i + 1 >= fromMonth ? x : 0));
  const total = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((cents * x) / total));
  const heavy = Math.max(6, fromMonth - 1);
  parts[heavy]! += cents - parts.reduce((s, p) => s + p, 0);
  return parts.map((c) => c / 100);
}

const round = (n: number, step: number) => Math.round(n / step) * step;

/**
 * The current year's annual plans of the demo county: every project past 谋划/储备 and not
 * terminated, with a plausible share of its total investment planned this year and, for
 * projects started before, the investment completed up to last year.
 */
export async function seedDemoPlans(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const list = await ctx.db
    .select({ id: projects.id, stage: projects.stage, category: projects.category, total: projects.totalInvestment, actualStart: projects.actualStart, plannedStart: projects.plannedStart })
    .from(projects)
    .where(and(isNull(projects.deletedAt), notInArray(projects.stage, ['planning', 'reserve', 'terminated'])))
    .orderBy(asc(projects.id));
  const rows = list.map((p) => {
    const total = Number(p.total);
    const startedBefore = !!p.actualStart && p.actualStart < `${year}-01-01`;
    let category: YearCategory;
    let before = 0;
    let share: number;
    if (p.stage === 'completed' || p.stage === 'production' || p.stage === 'full_production') {
      category = 'completion';
      before = startedBefore ? round(total * (0.6 + 0.2 * unit(p.id, 1)), 10) : 0;
      share = 0.9 * (1 - before / total);
    } else if (p.stage === 'preliminary') {
      category = p.category === 'preparatory' ? 'preparatory' : 'new_start';
      share = category === 'preparatory' ? 0.02 + 0.03 * unit(p.id, 2) : 0.12 + 0.1 * unit(p.id, 2);
    } else if (startedBefore) {
      category = 'continuing';
      before = round(total * (0.2 + 0.3 * unit(p.id, 3)), 10);
      share = 0.25 + 0.15 * unit(p.id, 4);
    } else {
      category = (p.category as YearCategory) === 'continuing' ? 'continuing' : 'new_start';
      share = 0.2 + 0.15 * unit(p.id, 5);
    }
    const planned = Math.max(10, Math.min(round(total * share, 10), Math.max(0, total - before)));
    // a project starting this year plans its investment from its start month (前期 costs from January)
    const start = p.actualStart ?? p.plannedStart;
    const fromMonth = category !== 'preparatory' && start && start.slice(0, 4) === String(year) ? Number(start.slice(5, 7)) : 1;
    const target =
      category === 'completion'
        ? '完成竣工验收并投产'
        : category === 'continuing'
          ? ['主体结构全部完成', '完成主体工程70%', '设备安装调试完成', '完成年度形象进度，主体结顶'][p.id % 4]!
          : category === 'new_start'
            ? ['完成土地摘牌并开工建设', '完成桩基工程', '开工建设，完成基础工程'][p.id % 3]!
            : '完成项目前期手续';
    return { projectId: p.id, category, plannedInvestment: planned, monthly: monthlyCurve(planned, fromMonth), imageTarget: target, completedBeforeYear: before };
  });
  if (rows.length) await bulkSave(ctx, { year, rows });
}
