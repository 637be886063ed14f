import { sql } from 'drizzle-orm';
import { formatPeriod, type UnitRef } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { DEMO_COUNTY } from '../../core/demo.js';
import { ensureCatalogue } from './indicators.catalogue.js';
import { createExternalUnit, createIndicator, createPeerGroup, openPeriod, reportValue, reviewValue, saveTargets, setPublished } from './indicators.service.js';
import { indicatorValues, indicatorValueRevisions } from './indicators.schema.js';

/**
 * The demo county's indicators:
 * - the standard catalogue (computed project indicators read the demo ledger on first read);
 * - 农村户厕改造 (户, monthly, reported by the towns, ranked by completion of the target) with
 *   each town's target for the year, accepted figures for the past months, and the last complete
 *   month open for entry: some towns submitted, one returned, 分水镇 (the demo town login) still owing;
 * - 经济运行对标: four Hangzhou counties outside the platform as peers, the peer group 杭州市各县
 *   （市、区）, and the five macro indicators imported for this year's months (and quarters for GDP),
 *   published, so 桐庐县's ranks show on the dashboard.
 * Deterministic for a given day.
 */
const TOWNS = ['330122001', '330122002', '330122003', '330122101', '330122102', '330122103', '330122104'];
const PEERS = [
  { name: '建德市', parentName: '杭州市' },
  { name: '淳安县', parentName: '杭州市' },
  { name: '富阳区', parentName: '杭州市' },
  { name: '临安区', parentName: '杭州市' },
];

/** Annual level (亿元) and growth (%) of each macro indicator for 桐庐 and the four peers. */
const MACRO: Record<string, { base: number[]; growth: number[] }> = {
  gdp: { base: [520, 560, 430, 980, 760], growth: [6.8, 6.1, 5.4, 7.2, 6.5] },
  fai: { base: [260, 240, 180, 420, 330], growth: [8.5, 3.2, -2.1, 9.4, 5.6] },
  industry_va: { base: [150, 170, 60, 330, 240], growth: [9.1, 7.4, 4.0, 8.2, 10.3] },
  retail: { base: [180, 190, 110, 360, 260], growth: [5.6, 5.9, 4.8, 6.4, 5.1] },
  budget_revenue: { base: [48, 52, 30, 110, 75], growth: [4.2, 3.1, -1.5, 6.0, 5.0] },
};

export async function seedDemoIndicators(ctx: Ctx): Promise<void> {
  await ensureCatalogue(ctx.db);
  const today = chinaToday(ctx.clock.now());
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  // the months with data: this year's complete months, or last year's when it is January
  const year = m === 1 ? y - 1 : y;
  const last = m === 1 ? 12 : m - 1;

  // --- a reported indicator of the towns, with targets
  const toilet = await createIndicator(ctx, {
    code: 'rural_toilet',
    name: '农村户厕改造',
    unit: '户',
    decimals: 0,
    cadence: 'month',
    accumulation: 'cumulative',
    source: 'reported',
    appliesTo: ['town'],
    rankBy: 'completion',
    benchmark: true,
    description: '年内累计完成改造户数，乡镇（街道）每月填报，附现场照片',
    sort: 300,
  });
  const targets = [420, 360, 300, 520, 480, 600, 380];
  await saveTargets(ctx, { year, indicatorId: toilet.id, rows: TOWNS.map((code, i) => ({ unitType: 'region', unitId: code, target: targets[i]!, baseline: null, breakdown: null, note: null })) });
  // accepted figures for the months before the last one (written as reviewed reports, with their history)
  const pace = [1.05, 0.92, 0.78, 1.1, 0.98, 0.85, 0.6];
  const now = ctx.clock.now().toISOString();
  for (let month = 1; month < last; month++) {
    const rows = TOWNS.map((code, i) => {
      const v = String(Math.round((targets[i]! * pace[i]! * month) / 12));
      return { indicatorId: toilet.id, unitType: 'region', unitId: code, period: formatPeriod({ year, cadence: 'month', index: month }), value: v, acceptedValue: v, hasAccepted: true, source: 'reported', status: 'accepted', revision: 1, submittedAt: now, reviewedAt: now, updatedAt: now };
    });
    const ids = await ctx.db.insert(indicatorValues).values(rows).returning({ id: indicatorValues.id, value: indicatorValues.value });
    await ctx.db.insert(indicatorValueRevisions).values(ids.flatMap((r) => [
      { valueId: r.id, revision: 1, action: 'submit', value: r.value, status: 'submitted', at: now },
      { valueId: r.id, revision: 1, action: 'accept', value: r.value, status: 'accepted', at: now },
    ]));
  }
  if (last >= 1) {
    const period = formatPeriod({ year, cadence: 'month', index: last });
    const deadline = m === 1 ? `${y}-01-08` : `${y}-${String(m).padStart(2, '0')}-08`;
    await openPeriod(ctx, { period, indicatorIds: [toilet.id], deadline, note: '请附改造现场照片' });
    for (const [i, code] of TOWNS.entries()) {
      if (code === '330122103') continue; // 分水镇 still owes it
      const unit: UnitRef = { unitType: 'region', unitId: code };
      const value = Math.round((targets[i]! * pace[i]! * last) / 12);
      const rec = await reportValue(ctx, { indicatorId: toilet.id, period, value, note: i === 2 ? '含城南片区集中改造' : null, ...unit });
      if (i < 4) await reviewValue(ctx, rec.id, { action: 'accept' });
      else if (i === 4) await reviewValue(ctx, rec.id, { action: 'return', reason: '缺少现场照片，请补充后重新报送' });
    }
    // the months before are published; the open month is not yet
    for (let month = 1; month < last; month++) await setPublished(ctx, { indicatorId: toilet.id, period: formatPeriod({ year, cadence: 'month', index: month }), published: true });
  }

  // --- 经济运行对标: peers outside the platform, a peer group, the macro indicators imported
  const peers: UnitRef[] = [];
  for (const p of PEERS) peers.push({ unitType: 'external', unitId: String((await createExternalUnit(ctx, { name: p.name, level: 'county', parentName: p.parentName })).id) });
  const members: UnitRef[] = [{ unitType: 'region', unitId: DEMO_COUNTY.code }, ...peers];
  await createPeerGroup(ctx, { name: '杭州市各县（市、区）', members, note: '市统计局月度通报口径' });
  const macro = await ctx.db.execute(sql`SELECT id, code, cadence FROM indicators WHERE code = ANY(${`{${Object.keys(MACRO).join(',')}}`}::text[])`);
  for (const ind of macro.rows as { id: number; code: string; cadence: 'month' | 'quarter' }[]) {
    const spec = MACRO[ind.code]!;
    const periods = ind.cadence === 'quarter' ? Array.from({ length: Math.floor(last / 3) }, (_, k) => k + 1) : Array.from({ length: last }, (_, k) => k + 1);
    for (const idx of periods) {
      const share = ind.cadence === 'quarter' ? idx / 4 : idx / 12;
      const period = formatPeriod({ year, cadence: ind.cadence, index: idx });
      const rows = members.map((u, k) => {
        // growth drifts a little from month to month, so ranks move
        const g = spec.growth[k]! + (((idx * (k + 3)) % 5) - 2) * 0.3;
        const value = (spec.base[k]! * share).toFixed(2);
        const growth = g.toFixed(1);
        return { indicatorId: Number(ind.id), unitType: u.unitType, unitId: u.unitId, period, value, growth, acceptedValue: value, acceptedGrowth: growth, hasAccepted: true, source: 'imported', status: 'imported', revision: 1, updatedAt: now };
      });
      const ids = await ctx.db.insert(indicatorValues).values(rows).returning({ id: indicatorValues.id, value: indicatorValues.value, growth: indicatorValues.growth });
      await ctx.db.insert(indicatorValueRevisions).values(ids.map((r) => ({ valueId: r.id, revision: 1, action: 'import', value: r.value, growth: r.growth, status: 'imported', at: now })));
      await setPublished(ctx, { indicatorId: Number(ind.id), period, published: true });
    }
  }
}
