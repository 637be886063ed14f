/**
 * Presets: published competition rules (REFERENCES.md A.1, DOMAIN.md §6) as starting schemes,
 * filled with this platform's indicators (by code) and units (the counties, or the towns of a
 * county, and the parks as a second sequence). Every number stays editable in the scheme editor.
 * Indicators a preset needs that the standard catalogue lacks (新开工项目个数, 续建项目个数) are
 * created when a competition is made from it.
 */
import type { CompetitionItem, CompetitionPreset, CompetitionScheme, Indicator, IndicatorInput } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { createIndicator } from '../indicators/indicators.service.js';
import { listUnits } from '../indicators/indicators.units.js';

type ItemSpec = Omit<CompetitionItem, 'indicatorId' | 'sequences' | 'note'> & { indicator?: string; note?: string };

export interface PresetSpec {
  key: string;
  name: string;
  place: string;
  description: string;
  cadence: 'month' | 'quarter';
  items: ItemSpec[];
  flags: CompetitionScheme['flags'];
  lists: CompetitionScheme['lists'];
  tieBreak?: string;
}

const AREAS: IndicatorInput['appliesTo'] = ['county', 'town', 'park'];
/** Indicators a preset may create (project counts over the ledger). */
const EXTRA: Record<string, IndicatorInput> = {
  new_starts: {
    code: 'new_starts',
    name: '新开工项目个数',
    unit: '个',
    decimals: 0,
    direction: 'higher',
    kind: 'expected',
    cadence: 'month',
    accumulation: 'cumulative',
    source: 'computed',
    formula: 'projectCount',
    filter: { startedInYear: true },
    appliesTo: AREAS,
    benchmark: false,
    description: '本年新开工的重点项目个数（延安积分制：每个+5分）',
    sort: 72,
    rankBy: 'value',
    ruleSetId: null,
  },
  continuing_projects: {
    code: 'continuing_projects',
    name: '续建项目个数',
    unit: '个',
    decimals: 0,
    direction: 'higher',
    kind: 'expected',
    cadence: 'month',
    accumulation: 'cumulative',
    source: 'computed',
    formula: 'projectCount',
    filter: { stages: ['construction'] },
    appliesTo: AREAS,
    benchmark: false,
    description: '在建（续建）重点项目个数（延安积分制：每个+2分）',
    sort: 74,
    rankBy: 'value',
    ruleSetId: null,
  },
};

const DEVIATION_40 = { kind: 'deviation', full: 40, perPointShort: 0.1, perPointOver: 0.2, knee: 130, perPointBeyond: 0.1, cap: 10, basis: 'auto' } as const;

export const PRESETS: PresetSpec[] = [
  {
    key: 'yanan',
    name: '重点项目月度积分',
    place: '延安',
    description: '每月积分：新开工项目每个+5分，续建项目每个+2分，亿元以上项目开工每个+6分（封顶30分），投资进度 = 60 × 完成投资 ÷ 年度计划；每季度前3名红旗、末位黄旗。',
    cadence: 'month',
    items: [
      { id: 'starts', name: '新开工项目', indicator: 'new_starts', rule: { kind: 'perUnit', points: 5, min: null, max: null } },
      { id: 'continuing', name: '续建项目', indicator: 'continuing_projects', rule: { kind: 'perUnit', points: 2, min: null, max: null } },
      { id: 'big', name: '亿元以上项目开工', indicator: 'big_project_starts', rule: { kind: 'perUnit', points: 6, min: null, max: 30 } },
      { id: 'progress', name: '投资进度', indicator: 'investment_rate', rule: { kind: 'proportional', weight: 60, cap: 1, basis: 'auto' } },
    ],
    flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'quarter', red: 0, black: 0, metItems: [] },
  },
  {
    key: 'award40',
    name: '重点工程综合奖',
    place: '某市',
    description: '计划完成40分：完成100%得满分，每少1个百分点扣0.1分，每超1个百分点加0.2分（至130%），130%以上每超1个百分点加0.1分，加减分以±10分为限；开工25分（按开工率）；工程管理15分；市级通报扣5~20分、组织集中开工加分。',
    cadence: 'month',
    items: [
      { id: 'plan', name: '计划完成', indicator: 'investment_rate', rule: DEVIATION_40 },
      { id: 'starts', name: '项目开工', indicator: 'start_rate', rule: { kind: 'proportional', weight: 25, cap: 1, basis: 'auto' } },
      { id: 'management', name: '工程管理', rule: { kind: 'adjustment', min: 0, max: 15 } },
      { id: 'bonus', name: '加减分', rule: { kind: 'adjustment', min: -20, max: 30 } },
    ],
    flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'year', red: 0, black: 0, metItems: [] },
    tieBreak: 'plan',
  },
  {
    key: 'weinan',
    name: '重点项目季度红黄旗',
    place: '渭南',
    description: '每月亮成绩、每季抢红旗：投资完成率60分、开工率40分，完成投资位次1–3名加7分、4–6名加5分、7–10名加3分；每季度各序列前3名发红旗、最后1名亮黄旗，连续两次黄旗约谈。',
    cadence: 'month',
    items: [
      { id: 'investment', name: '投资完成率', indicator: 'investment_rate', rule: { kind: 'proportional', weight: 60, cap: 1.2, basis: 'auto' } },
      { id: 'starts', name: '开工率', indicator: 'start_rate', rule: { kind: 'proportional', weight: 40, cap: 1, basis: 'auto' } },
      { id: 'rank', name: '完成投资位次', indicator: 'investment_completed', rule: { kind: 'rank', by: 'value', bands: [{ from: 1, to: 3, points: 7 }, { from: 4, to: 6, points: 5 }, { from: 7, to: 10, points: 3 }] } },
    ],
    flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'quarter', red: 0, black: 0, metItems: [] },
  },
  {
    key: 'mianyang',
    name: '重点项目红黑榜',
    place: '绵阳',
    description: '红榜 = 完成目标任务且排名前5；黑榜 = 未完成目标任务且排名后4；完成目标的单位不进黑榜，名额空缺不递补。计划完成按40分偏差法，开工率30分。',
    cadence: 'month',
    items: [
      { id: 'plan', name: '计划完成', indicator: 'investment_rate', rule: DEVIATION_40 },
      { id: 'starts', name: '开工率', indicator: 'start_rate', rule: { kind: 'proportional', weight: 30, cap: 1, basis: 'auto' } },
    ],
    flags: { period: 'quarter', red: 0, yellow: 0, yellowStreak: 0 },
    lists: { period: 'quarter', red: 5, black: 4, metItems: ['plan'] },
  },
  {
    key: 'sanming',
    name: '功效系数法考评',
    place: '三明',
    description: '得分 = 60% × 分值 + 40% × 分值 × (该项数值 − 最低数值) ÷ (最高数值 − 最低数值)，四舍五入两位小数：完成投资40分、开工率30分、亿元以上项目开工30分。',
    cadence: 'quarter',
    items: [
      { id: 'investment', name: '完成投资', indicator: 'investment_completed', rule: { kind: 'efficacy', weight: 40, floor: 0.6, by: 'value' } },
      { id: 'starts', name: '开工率', indicator: 'start_rate', rule: { kind: 'efficacy', weight: 30, floor: 0.6, by: 'value' } },
      { id: 'big', name: '亿元以上项目开工', indicator: 'big_project_starts', rule: { kind: 'efficacy', weight: 30, floor: 0.6, by: 'value' } },
    ],
    flags: { period: 'halfYear', red: 3, yellow: 1, yellowStreak: 2 },
    lists: { period: 'year', red: 0, black: 0, metItems: [] },
  },
];

const ALL = { all: true, regionPrefix: null, departmentId: null };

/** The preset with this platform's indicators and units; `create` makes the indicators it needs that are missing. */
export async function buildPreset(ctx: Ctx, p: PresetSpec, indicators: Indicator[], create = false): Promise<CompetitionPreset> {
  const gaps: string[] = [];
  const byCode = new Map(indicators.map((i) => [i.code.toLowerCase(), i]));
  const items: CompetitionItem[] = [];
  for (const it of p.items) {
    let indicatorId: number | null = null;
    if (it.indicator) {
      let ind = byCode.get(it.indicator);
      if (!ind && create && EXTRA[it.indicator]) {
        ind = await createIndicator(ctx, EXTRA[it.indicator]!);
        byCode.set(it.indicator, ind);
      }
      if (!ind && EXTRA[it.indicator]) gaps.push(`将新建指标「${EXTRA[it.indicator]!.name}」`);
      else if (!ind) {
        gaps.push(`指标库中没有「${it.name}」所需的指标（${it.indicator}），已略去该项`);
        continue;
      }
      indicatorId = ind ? ind.id : null;
    }
    items.push({ id: it.id, name: it.name, indicatorId, rule: it.rule as CompetitionItem['rule'], sequences: [], note: it.note ?? null });
  }
  const counties = await listUnits(ctx.db, 'county', ALL);
  const towns = await listUnits(ctx.db, 'town', ALL);
  const parks = await listUnits(ctx.db, 'park', ALL);
  const first = counties.length >= 2 ? { key: 'counties', name: '县（市、区）', units: counties } : { key: 'towns', name: '乡镇（街道）', units: towns };
  const sequences = [first, { key: 'parks', name: '园区', units: parks }]
    .filter((s) => s.units.length)
    .map((s) => ({ key: s.key, name: s.name, contestants: s.units.map((u) => ({ unitType: u.unitType, unitId: u.unitId, name: u.unitName })) }));
  if (!sequences.length) gaps.push('尚未设置乡镇（街道）或园区，请先在初始化向导中设置本地区的行政区划');
  return {
    key: p.key,
    name: `${p.place}·${p.name}`,
    place: p.place,
    description: p.description,
    cadence: p.cadence,
    scheme: {
      sequences,
      items,
      flags: p.flags,
      lists: p.lists,
      tieBreak: p.tieBreak ?? null,
      leaderboard: { dragon: 3, tiger: 3 },
    },
    gaps,
  };
}
