import { formatPeriod } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { listTours } from '../tours/tours.service.js';
import { addAdjustment, computePeriod, createCompetition, presets, publishPeriod } from './competitions.service.js';

/**
 * The demo county's 擂台赛: 渭南's rules (投资完成率, 开工率, 完成投资位次; 每季前3名红旗、末位黄旗,
 * 连续两次黄旗约谈) plus the towns' last 现场观摩 (20 points in its month) and a bonus and penalty item, for the towns and the two parks, scored on the
 * platform's own project figures. Every complete month of the year is computed and published, and
 * so are the complete quarters and the first half: the overview shows flags, the 龙虎榜 and the
 * flag history on first start; the last month's bonus is entered, the month after it is left to
 * compute. Deterministic for a given day.
 */
export async function seedDemoCompetitions(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const y = Number(today.slice(0, 4));
  const lastMonth = Number(today.slice(5, 7)) - 1;
  if (lastMonth < 1) return;
  const preset = (await presets(ctx)).find((p) => p.key === 'weinan');
  if (!preset || preset.scheme.sequences.length === 0 || preset.gaps.length) return;
  // the last closed 现场观摩 of the year counts 20 points in the month it took place
  const tour = (await listTours(ctx, { status: 'closed' })).find((t) => t.date.startsWith(String(y)));
  const judged = tour ? [{ id: 'tour', name: '现场观摩', indicatorId: null, rule: { kind: 'judged' as const, weight: 20, tourId: tour.id }, sequences: [preset.scheme.sequences[0]!.key], note: `${tour.name}评分（满分100）折合20分` }] : [];
  const scheme = { ...preset.scheme, items: [...preset.scheme.items, ...judged, { id: 'bonus', name: '加减分', indicatorId: null, rule: { kind: 'adjustment' as const, min: -20, max: 30 }, sequences: [], note: '市级通报扣5~20分；组织集中开工加分' }] };
  const c = await createCompetition(ctx, { name: `${y}年重点项目“比学赶超”擂台赛`, year: y, cadence: 'month', description: '每月亮成绩、每季抢红旗、半年一总结、全年列榜单（参照渭南办法）', scheme, public: true });
  const towns = scheme.sequences[0]!.contestants;
  const key = (i: number) => `${towns[i % towns.length]!.unitType}:${towns[i % towns.length]!.unitId}`;
  const bonuses: Array<[number, number, number, string]> = [
    [Math.min(4, lastMonth), 5, 30, '组织重点项目集中开工'],
    [Math.min(8, lastMonth), 4, -5, '重点项目推进不力被市级通报'],
    [lastMonth, 3, 10, '承办全市项目现场推进会'],
  ];
  for (const [month, who, points, reason] of bonuses) await addAdjustment(ctx, c.id, { period: formatPeriod({ year: y, cadence: 'month', index: month }), contestantId: key(who), itemId: 'bonus', points, reason });
  for (let m = 1; m <= lastMonth; m++) {
    const period = formatPeriod({ year: y, cadence: 'month', index: m });
    const r = await computePeriod(ctx, c.id, period);
    if (!r.missing.length) await publishPeriod(ctx, c.id, period);
    if (m % 3 === 0) {
      const q = formatPeriod({ year: y, cadence: 'quarter', index: m / 3 });
      if (!(await computePeriod(ctx, c.id, q)).missing.length) await publishPeriod(ctx, c.id, q);
    }
    if (m === 6) {
      const h = formatPeriod({ year: y, cadence: 'halfYear', index: 1 });
      if (!(await computePeriod(ctx, c.id, h)).missing.length) await publishPeriod(ctx, c.id, h);
    }
  }
}
