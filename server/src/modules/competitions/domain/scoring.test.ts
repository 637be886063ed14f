import { describe, expect, it } from 'vitest';
import { CompetitionSchemeSchema, type CompetitionItem, type CompetitionScheme } from '@tiaodu/contracts';
import { dec, fixedQ, q, type Q } from '../../../core/exact.js';
import { deviationPoints, efficacyPoints, rankBandPoints, scorePeriod, scoreItem, sumPeriods, type ContestantFigures, type ItemFigure, type ItemMeta } from './scoring.js';
import { schemeIssues } from './validate.js';

const f = (value: number | null, extra: Partial<ItemFigure> = {}): ItemFigure => ({ value: value === null ? null : dec(value), target: null, completion: null, met: null, period: '2026-09', display: null, ...extra });
const pct = (value: number, target?: number): ItemFigure =>
  target === undefined ? f(value, { completion: dec(value) }) : f(value, { target: dec(target), completion: q(BigInt(Math.round(value * 100)) * 100n, BigInt(Math.round(target * 100))), met: value >= target });
const s = (x: Q) => fixedQ(x, 2);

const DEV = { kind: 'deviation', full: 40, perPointShort: 0.1, perPointOver: 0.2, knee: 130, perPointBeyond: 0.1, cap: 10, basis: 'auto' } as const;

describe('deviation rule (计划完成 40 分)', () => {
  it.each([
    [100, '40.00'],
    [99.8, '39.98'], // pro rata: −0.02
    [92.4, '39.24'],
    [0, '30.00'], // −10 capped
    [120, '44.00'],
    [130, '46.00'], // the knee: +0.2 per point up to and including 130%
    [130.1, '46.01'], // +0.1 per point beyond
    [140, '47.00'],
    [170, '50.00'], // 6 + 4 = 10: exactly the cap
    [200, '50.00'], // 6 + 7 = 13 → +10
  ])('%s%% → %s', (c, expected) => {
    expect(s(deviationPoints(DEV, dec(c)))).toBe(expected);
  });
});

describe('rank bands and efficacy', () => {
  const bands = [
    { from: 1, to: 3, points: 7 },
    { from: 4, to: 6, points: 5 },
    { from: 7, to: 10, points: 3 },
  ];
  it('1–3 → 7, 4–6 → 5, 7–10 → 3, beyond and unranked → 0', () => {
    expect([1, 3, 4, 6, 7, 10, 11].map((r) => s(rankBandPoints(bands, r)))).toEqual(['7.00', '7.00', '5.00', '5.00', '3.00', '3.00', '0.00']);
    expect(s(rankBandPoints(bands, null))).toBe('0.00');
  });
  it('功效系数 60/40 over the sequence; full marks when all are equal; lower is better mirrored', () => {
    expect(s(efficacyPoints(40, 0.6, dec(80), dec(50), dec(100), 'higher'))).toBe('33.60'); // 24 + 16 × 0.6
    expect(s(efficacyPoints(40, 0.6, dec(50), dec(50), dec(100), 'higher'))).toBe('24.00');
    expect(s(efficacyPoints(40, 0.6, dec(7), dec(7), dec(7), 'higher'))).toBe('40.00');
    expect(s(efficacyPoints(40, 0.6, dec(50), dec(50), dec(100), 'lower'))).toBe('40.00');
  });
});

const item = (over: Partial<CompetitionItem> & Pick<CompetitionItem, 'id' | 'rule'>): CompetitionItem => ({ name: over.id, indicatorId: 1, sequences: [], note: null, ...over });
const meta = (it: CompetitionItem, unit = '%'): ItemMeta => ({ item: it, direction: 'higher', unit });
const contestants = (rows: Array<[string, Record<string, ItemFigure>]>): ContestantFigures[] => rows.map(([key, figs]) => ({ key, name: key, figures: new Map(Object.entries(figs)) }));

describe('per-item scoring', () => {
  it('proportional: 延安 进度 = 60 × 完成投资 ÷ 年度计划, capped at the cap', () => {
    const it = item({ id: 'p', rule: { kind: 'proportional', weight: 60, cap: 1, basis: 'auto' } });
    const out = scoreItem(meta(it), contestants([['a', { p: pct(92.4) }], ['b', { p: pct(150) }], ['c', { p: f(null) }]]));
    expect(out.map((x) => s(x.points))).toEqual(['55.44', '60.00', '0.00']);
    expect(out[2]!.missing).toBe(true);
    expect(out[1]!.text).toContain('封顶');
  });
  it('per unit with caps: +5 per 新开工, capped', () => {
    const it = item({ id: 'n', rule: { kind: 'perUnit', points: 5, min: null, max: 30 } });
    const out = scoreItem(meta(it, '个'), contestants([['a', { n: f(3) }], ['b', { n: f(8) }], ['c', { n: f(0) }]]));
    expect(out.map((x) => s(x.points))).toEqual(['15.00', '30.00', '0.00']);
  });
  it('rank rule ranks within the sequence with ties sharing a rank', () => {
    const it = item({ id: 'r', rule: { kind: 'rank', by: 'value', bands: [{ from: 1, to: 3, points: 7 }, { from: 4, to: 6, points: 5 }] } });
    const vals = [90, 90, 80, 70, 70, 60, 50];
    const out = scoreItem(meta(it, '万元'), contestants(vals.map((v, i) => [`u${i}`, { r: f(v) }])));
    expect(out.map((x) => x.rank)).toEqual([1, 1, 3, 4, 4, 6, 7]);
    expect(out.map((x) => s(x.points))).toEqual(['7.00', '7.00', '7.00', '5.00', '5.00', '5.00', '0.00']);
  });
  it('judged: weight × tour score ÷ 100; adjustment: the sum clamped to [min, max]', () => {
    const j = item({ id: 'j', indicatorId: null, rule: { kind: 'judged', weight: 20, tourId: 1 } });
    expect(s(scoreItem(meta(j, '分'), contestants([['a', { j: f(95.71) }]]))[0]!.points)).toBe('19.14');
    const a = item({ id: 'x', indicatorId: null, rule: { kind: 'adjustment', min: -20, max: 30 } });
    const out = scoreItem(meta(a, '分'), contestants([['a', { x: f(-25, { display: '市级通报−25' }) }], ['b', { x: f(null) }]]));
    expect(out.map((x) => s(x.points))).toEqual(['-20.00', '0.00']);
    expect(out[1]!.missing).toBe(false);
  });
});

function scheme(over: Partial<CompetitionScheme> & { items: CompetitionItem[] }): CompetitionScheme {
  return CompetitionSchemeSchema.parse({ sequences: [{ key: 'towns', name: '乡镇', contestants: [{ unitType: 'region', unitId: '1' }] }], ...over });
}

describe('a period: totals, ranks, flags, lists, streaks', () => {
  const p = item({ id: 'p', rule: { kind: 'proportional', weight: 100, cap: 2, basis: 'auto' } });
  const metas = new Map([['p', meta(p)]]);
  // completion of the target (and met) per contestant
  const units: Array<[string, number, number]> = [
    ['甲', 150, 100],
    ['乙', 140, 100],
    ['丙', 130, 100],
    ['丁', 120, 100],
    ['戊', 95, 100], // 5th, target missed → not on the red list
    ['己', 90, 100],
    ['庚', 110, 100], // met, in the bottom 4 by rank? no: 5th by score is 戊 … see below
    ['辛', 60, 100],
    ['壬', 50, 100],
  ];
  const seqs = [{ key: 'towns', name: '乡镇', contestants: contestants(units.map(([k, v, t]) => [k, { p: pct(v, t) }])) }];

  it('top N red and bottom M yellow (渭南: top 3 red, last 1 yellow)', () => {
    const sc = scheme({ items: [p], flags: { period: 'quarter', red: 3, yellow: 1, yellowStreak: 2 } });
    const [seq] = scorePeriod(sc, metas, seqs, { flags: true, lists: false, label: '第三季度' });
    expect(seq!.rows.map((r) => [r.name, r.rank, r.flag])).toEqual([
      ['甲', 1, 'red'],
      ['乙', 2, 'red'],
      ['丙', 3, 'red'],
      ['丁', 4, null],
      ['庚', 5, null],
      ['戊', 6, null],
      ['己', 7, null],
      ['辛', 8, null],
      ['壬', 9, 'yellow'],
    ]);
    expect(seq!.rows[0]!.explanation).toContain('红旗');
    expect(seq!.rows[0]!.explanation).toMatch(/^甲第三季度：/);
  });

  it('gated lists (绵阳): red = met AND top 5, black = missed AND bottom 4; the 5th is out because it missed; nobody moves up', () => {
    const order: Array<[string, number]> = [
      ['A', 150],
      ['B', 140],
      ['C', 130],
      ['D', 120],
      ['E', 99.9], // 5th by score, missed its target
      ['F', 99],
      ['G', 101], // … ordering below is by score
      ['H', 101.5],
      ['I', 98],
    ];
    const seq2 = [{ key: 'towns', name: '乡镇', contestants: contestants(order.map(([k, v]) => [k, { p: pct(v, 100) }])) }];
    const sc = scheme({ items: [p], flags: { period: 'quarter', red: 0, yellow: 0, yellowStreak: 0 }, lists: { period: 'quarter', red: 5, black: 4, metItems: ['p'] } });
    const [seq] = scorePeriod(sc, metas, seq2, { flags: false, lists: true, label: '第三季度' });
    const byName = Object.fromEntries(seq!.rows.map((r) => [r.name, r]));
    // ranks: A150 B140 C130 D120 H101.5 G101 E99.9 F99 I98
    expect(seq!.rows.map((r) => r.name)).toEqual(['A', 'B', 'C', 'D', 'H', 'G', 'E', 'F', 'I']);
    expect(seq!.rows.filter((r) => r.list === 'red').map((r) => r.name)).toEqual(['A', 'B', 'C', 'D', 'H']);
    // bottom 4: G (met → never black), E, F, I (missed)
    expect(byName.G!.list).toBeNull();
    expect(seq!.rows.filter((r) => r.list === 'black').map((r) => r.name)).toEqual(['E', 'F', 'I']);
  });

  it('the gated red list leaves the place of a 5th that missed its target empty', () => {
    const order: Array<[string, number, number]> = [
      ['A', 150, 100],
      ['B', 140, 100],
      ['C', 130, 100],
      ['D', 120, 100],
      ['E', 95, 90], // 5th by score? no — scored on completion; E has 105.6%
    ];
    const seq3 = [{ key: 'towns', name: '乡镇', contestants: contestants(order.map(([k, v, t]) => [k, { p: pct(v, t) }])) }];
    const sc = scheme({ items: [p], lists: { period: 'quarter', red: 5, black: 0, metItems: ['p'] } });
    const [seq] = scorePeriod(sc, metas, seq3, { flags: false, lists: true, label: 'Q' });
    expect(seq!.rows.filter((r) => r.list === 'red').length).toBe(5);
    // now the 5th misses: value 85 of 90
    const seq4 = [{ key: 'towns', name: '乡镇', contestants: contestants(order.map(([k, v, t]) => [k, { p: pct(k === 'E' ? 85 : v, t) }])) }];
    const [seqB] = scorePeriod(sc, metas, seq4, { flags: false, lists: true, label: 'Q' });
    expect(seqB!.rows.map((r) => [r.name, r.rank, r.list])).toEqual([
      ['A', 1, 'red'],
      ['B', 2, 'red'],
      ['C', 3, 'red'],
      ['D', 4, 'red'],
      ['E', 5, null],
    ]);
  });

  it('ties share a rank (1, 1, 3) and all tied across the line get the flag; a named tie-break item splits them', () => {
    const a = item({ id: 'a', rule: { kind: 'perUnit', points: 1, min: null, max: null } });
    const b = item({ id: 'b', rule: { kind: 'perUnit', points: 1, min: null, max: null } });
    const m = new Map([
      ['a', meta(a, '个')],
      ['b', meta(b, '个')],
    ]);
    const cs = contestants([
      ['X', { a: f(10), b: f(0) }],
      ['Y', { a: f(4), b: f(6) }],
      ['Z', { a: f(3), b: f(1) }],
      ['W', { a: f(2), b: f(1) }],
    ]);
    const noTie = scheme({ items: [a, b], flags: { period: 'quarter', red: 1, yellow: 1, yellowStreak: 2 } });
    const [s1] = scorePeriod(noTie, m, [{ key: 'towns', name: '乡镇', contestants: cs }], { flags: true, lists: false, label: 'Q' });
    expect(s1!.rows.map((r) => [r.name, r.rank, r.flag])).toEqual([
      ['X', 1, 'red'],
      ['Y', 1, 'red'],
      ['Z', 3, null],
      ['W', 4, 'yellow'],
    ]);
    const tie = scheme({ items: [a, b], tieBreak: 'b', flags: { period: 'quarter', red: 1, yellow: 1, yellowStreak: 2 } });
    const [s2] = scorePeriod(tie, m, [{ key: 'towns', name: '乡镇', contestants: cs }], { flags: true, lists: false, label: 'Q' });
    expect(s2!.rows.map((r) => [r.name, r.rank, r.flag])).toEqual([
      ['Y', 1, 'red'],
      ['X', 2, null],
      ['Z', 3, null],
      ['W', 4, 'yellow'],
    ]);
  });

  it('two yellow flags in consecutive quarters → 约谈 on the second; rank change = previous − current', () => {
    const sc = scheme({ items: [p], flags: { period: 'quarter', red: 1, yellow: 1, yellowStreak: 2 } });
    const [seq] = scorePeriod(sc, metas, seqs, { flags: true, lists: false, label: 'Q3', previousYellowRun: new Map([['壬', 1]]), previousRanks: new Map([['甲', 3], ['壬', 9]]) });
    const last = seq!.rows.find((r) => r.name === '壬')!;
    expect(last.flag).toBe('yellow');
    expect(last.interview).toBe(true);
    expect(last.explanation).toContain('约谈');
    expect(seq!.rows.find((r) => r.name === '甲')!.rankChange).toBe(2);
    expect(seq!.rows.find((r) => r.name === '乙')!.rankChange).toBeNull();
    expect(last.rankChange).toBe(0);
  });

  it('totals are the sums of the item points shown (each rounded once)', () => {
    const a = item({ id: 'a', rule: { kind: 'proportional', weight: 10, cap: 1, basis: 'auto' } });
    const b = item({ id: 'b', rule: { kind: 'proportional', weight: 10, cap: 1, basis: 'auto' } });
    const m = new Map([
      ['a', meta(a)],
      ['b', meta(b)],
    ]);
    // 10 × 33.335% = 3.3335 → 3.33 (shown); twice → 6.66, not round(6.667) = 6.67
    const [seq] = scorePeriod(scheme({ items: [a, b] }), m, [{ key: 'towns', name: '乡镇', contestants: contestants([['A', { a: pct(33.335), b: pct(33.335) }]]) }], { flags: false, lists: false, label: 'M' });
    expect(s(seq!.rows[0]!.items[0]!.points)).toBe('3.33');
    expect(s(seq!.rows[0]!.score)).toBe('6.66');
  });

  it('a quarter is the sum of its three monthly totals, item by item', () => {
    const sc = scheme({ items: [p], flags: { period: 'quarter', red: 1, yellow: 1, yellowStreak: 2 } });
    const month = (vals: number[]) => scorePeriod(sc, metas, [{ key: 'towns', name: '乡镇', contestants: contestants(['A', 'B', 'C'].map((k, i) => [k, { p: pct(vals[i]!) }])) }], { flags: false, lists: false, label: 'm' });
    const parts = [
      { period: '2026-07', label: '7月', sequences: month([50, 60, 70]) },
      { period: '2026-08', label: '8月', sequences: month([80, 60, 70]) },
      { period: '2026-09', label: '9月', sequences: month([90, 60, 60]) },
    ];
    const [q3] = sumPeriods(sc, parts, { flags: true, lists: false, label: '第三季度' });
    expect(q3!.rows.map((r) => [r.name, s(r.score), r.rank, r.flag])).toEqual([
      ['A', '220.00', 1, 'red'],
      ['C', '200.00', 2, null],
      ['B', '180.00', 3, 'yellow'],
    ]);
    expect(q3!.rows[0]!.items[0]!.text).toBe('7月50分+8月80分+9月90分=220分');
  });
});

describe('scheme checks name the field', () => {
  const base = { sequences: [{ key: 's', name: '乡镇', contestants: [{ unitType: 'region', unitId: '1' }] }] };
  it('overlapping or inverted rank bands, inverted caps, unknown tie-break, a unit in two sequences', () => {
    const sc = CompetitionSchemeSchema.parse({
      ...base,
      sequences: [...base.sequences, { key: 't', name: '园区', contestants: [{ unitType: 'region', unitId: '1' }] }],
      items: [
        { id: 'r', name: '位次', indicatorId: 1, rule: { kind: 'rank', bands: [{ from: 1, to: 3, points: 7 }, { from: 3, to: 6, points: 5 }, { from: 9, to: 7, points: 1 }] } },
        { id: 'a', name: '加减分', rule: { kind: 'adjustment', min: 10, max: -5 } },
        { id: 'u', name: '个数', indicatorId: 2, rule: { kind: 'perUnit', points: 5, min: 10, max: 5 } },
      ],
      tieBreak: 'zz',
    });
    const paths = schemeIssues(sc).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['scheme.items.0.rule.bands.1.from', 'scheme.items.0.rule.bands.2.to', 'scheme.items.1.rule.max', 'scheme.items.2.rule.max', 'scheme.tieBreak', 'scheme.sequences.1.contestants.0']));
  });
  it('negative weights are refused by the schema with the field named', () => {
    const r = CompetitionSchemeSchema.safeParse({ ...base, items: [{ id: 'p', name: '进度', indicatorId: 1, rule: { kind: 'proportional', weight: -60 } }] });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path.join('.')).toBe('items.0.rule.weight');
  });
});

describe('a measure that does not apply', () => {
  it('scores nothing, is not a missing input, and leaves the contestant unranked on the item', () => {
    const it = item({ id: 'r', rule: { kind: 'rank', by: 'value', bands: [{ from: 1, to: 3, points: 7 }] } });
    const out = scoreItem(meta(it), contestants([['a', { r: f(50) }], ['b', { r: f(null, { notApplicable: '「开工率」无计划开工项目' }) }]]));
    expect(out[1]).toMatchObject({ missing: false, rank: null });
    expect(s(out[1]!.points)).toBe('0.00');
    expect(out[1]!.text).toContain('不适用');
  });
});
