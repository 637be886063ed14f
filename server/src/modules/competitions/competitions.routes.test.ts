import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestEnv, type Agent, type TestEnv } from '../../../test/helpers.js';
import { indicatorValues } from '../indicators/indicators.schema.js';

/**
 * 擂台赛 through the API on the fixture county with six towns, on 2026-10-15 (China): an
 * imported 投资完成率 (%), an imported 完成投资 (万元) with targets, scored monthly for July to
 * September, summed into the third quarter with flags and gated lists.
 */
let env: TestEnv;
let admin: Agent, disp: Agent, town1: Agent, county: Agent, countyB: Agent, dept: Agent, unit: Agent, leader: Agent, sup: Agent, promo: Agent;
let rate: number, amount: number, deptOnly: number, compId: number;
const towns: string[] = [];
const put = (a: Agent, url: string, payload: unknown) => env.app.inject({ method: 'PUT', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: payload as object });

// completion of 投资完成率 per town and month (%), and 完成投资 (万元) against a year target of 1,000
const RATE: Record<string, number[]> = { a: [60, 70, 80], b: [55, 65, 75], c: [50, 60, 70], d: [45, 55, 65], e: [40, 50, 60], f: [35, 45, 55] };
const AMOUNT: Record<string, number[]> = { a: [700, 900, 1100], b: [650, 850, 1050], c: [600, 800, 990], d: [500, 700, 900], e: [400, 600, 1000], f: [300, 500, 700] };
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

async function putValue(indicatorId: number, unitId: string, period: string, value: number | null) {
  await env.ctx.db
    .insert(indicatorValues)
    .values({ indicatorId, unitType: 'region', unitId, period, value: value === null ? null : String(value), source: 'imported', status: 'accepted', updatedAt: '2026-10-01T00:00:00Z' })
    .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.period, indicatorValues.unitType, indicatorValues.unitId], set: { value: value === null ? null : String(value) } });
}

const scheme = () => ({
  sequences: [{ key: 'towns', name: '乡镇（街道）', contestants: towns.map((t) => ({ unitType: 'region', unitId: t })) }],
  items: [
    { id: 'progress', name: '投资进度', indicatorId: rate, rule: { kind: 'proportional', weight: 60, cap: 1, basis: 'rate' } },
    { id: 'plan', name: '计划完成', indicatorId: amount, rule: { kind: 'deviation', full: 40, perPointShort: 0.1, perPointOver: 0.2, knee: 130, perPointBeyond: 0.1, cap: 10, basis: 'target' } },
    { id: 'rank', name: '完成投资位次', indicatorId: amount, rule: { kind: 'rank', by: 'value', bands: [{ from: 1, to: 2, points: 7 }, { from: 3, to: 4, points: 5 }] } },
    { id: 'bonus', name: '加减分', rule: { kind: 'adjustment', min: -20, max: 30 } },
  ],
  flags: { period: 'quarter', red: 2, yellow: 1, yellowStreak: 2 },
  lists: { period: 'quarter', red: 3, black: 2, metItems: ['plan'] },
  tieBreak: 'plan',
});

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-10-15T02:00:00Z' });
  [admin, disp, town1, county, countyB, dept, unit, leader, sup, promo] = (await Promise.all(['admin1', 'disp', 'townA1', 'regionA', 'regionB', 'deptA', 'unitA', 'leader1', 'super', 'promo'].map((u) => env.login(u)))) as Agent[] as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  towns.push(env.fx.townA1, env.fx.townA2);
  for (const [i, name] of ['甲镇', '乙镇', '丙镇', '丁镇'].entries()) {
    const code = `${env.fx.countyA}${String(201 + i)}`;
    await env.ctx.db.execute(sql`INSERT INTO regions (code, name, level, parent_code, sort) VALUES (${code}, ${name}, 'town', ${env.fx.countyA}, ${10 + i})`);
    towns.push(code);
  }
  const mk = async (body: object) => {
    const r = await admin.post('/api/indicators', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  rate = await mk({ code: 'town_inv_rate', name: '乡镇投资完成率', unit: '%', decimals: 1, cadence: 'month', source: 'imported', appliesTo: ['town'], rankBy: 'value' });
  amount = await mk({ code: 'town_inv_amount', name: '乡镇完成投资', unit: '万元', decimals: 0, cadence: 'month', source: 'imported', appliesTo: ['town'], rankBy: 'value' });
  deptOnly = (await admin.get('/api/indicators')).json().find((i: { code: string }) => i.code === 'problems_on_time_rate').id;
  for (const [i, t] of towns.entries()) {
    const k = KEYS[i]!;
    for (const [m, month] of ['2026-07', '2026-08', '2026-09'].entries()) {
      await putValue(rate, t, month, RATE[k]![m]!);
      await putValue(amount, t, month, AMOUNT[k]![m]!);
    }
  }
  const tg = await put(disp, '/api/targets', { year: 2026, indicatorId: amount, rows: towns.map((t) => ({ unitType: 'region', unitId: t, target: 1000 })) });
  expect(tg.statusCode, tg.body).toBe(200);
});
afterAll(() => env.close());

describe('schemes', () => {
  it('only the admin defines a competition; bad schemes are refused with the field named', async () => {
    const body = { name: '2026年乡镇重点项目擂台赛', year: 2026, cadence: 'month', scheme: scheme() };
    expect((await disp.post('/api/competitions', body)).statusCode).toBe(403);
    expect((await town1.post('/api/competitions', body)).statusCode).toBe(403);

    const neg = structuredClone(body);
    (neg.scheme.items[0]!.rule as { weight: number }).weight = -60;
    const r1 = await admin.post('/api/competitions', neg);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details.map((d: { path: string }) => d.path).join()).toContain('items.0.rule.weight');

    const bands = structuredClone(body);
    (bands.scheme.items[2]!.rule as { bands: unknown[] }).bands = [
      { from: 1, to: 3, points: 7 },
      { from: 3, to: 4, points: 5 },
    ];
    const r2 = await admin.post('/api/competitions', bands);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details[0]).toMatchObject({ path: 'scheme.items.2.rule.bands.1.from' });
    expect(r2.json().error.message).toContain('重叠');

    const caps = structuredClone(body);
    caps.scheme.items[3]!.rule = { kind: 'adjustment', min: 10, max: -5 } as never;
    const r3 = await admin.post('/api/competitions', caps);
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.details[0].path).toBe('scheme.items.3.rule.max');

    const wrong = structuredClone(body);
    wrong.scheme.items[0]!.indicatorId = deptOnly;
    const r4 = await admin.post('/api/competitions', wrong);
    expect(r4.statusCode).toBe(400);
    expect(r4.json().error.details[0].path).toBe('scheme.items.0.indicatorId');
    expect(r4.json().error.message).toContain('不适用于序列');

    expect((await admin.get('/api/competitions')).json()).toHaveLength(0);
    const ok = await admin.post('/api/competitions', body);
    expect(ok.statusCode, ok.body).toBe(201);
    compId = ok.json().id;
    expect(ok.json()).toMatchObject({ version: 1, sequenceCount: 1, contestantCount: 6, itemCount: 4 });
    expect(ok.json().names.units[`region:${env.fx.townA1}`]).toBe('桐君街道');
  });

  it('presets come filled with this platform’s indicators and units', async () => {
    const res = await admin.get('/api/competitions/presets');
    expect(res.statusCode).toBe(200);
    const weinan = res.json().find((p: { key: string }) => p.key === 'weinan');
    expect(weinan.scheme.flags).toMatchObject({ period: 'quarter', red: 3, yellow: 1 });
    // two counties on the platform: the counties are the first sequence (a county alone would field its towns)
    expect(weinan.scheme.sequences[0]).toMatchObject({ key: 'counties', contestants: [expect.objectContaining({ unitId: env.fx.countyA }), expect.objectContaining({ unitId: env.fx.countyB })] });
    expect(weinan.scheme.items.map((i: { indicatorId: number | null }) => i.indicatorId).every(Boolean)).toBe(true);
    const yanan = res.json().find((p: { key: string }) => p.key === 'yanan');
    expect(yanan.gaps).toEqual(expect.arrayContaining(['将新建指标「新开工项目个数」']));
    expect((await disp.get('/api/competitions/presets')).statusCode).toBe(403);
  });
});

describe('monthly scores, the quarter, flags and lists', () => {
  it('computes a month as a draft with every item’s points and inputs; only those who compute see it', async () => {
    const res = await disp.post(`/api/competitions/${compId}/periods/2026-07/compute`, {});
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ status: 'draft', schemeVersion: 1, revision: 1, flagsAwarded: false, missing: [] });
    const rows = r.sequences[0].rows;
    // a: 60 × 60% = 36; 700 of 1,000 = 70% → 40 − 3 = 37; rank 1 → 7 → 80
    expect(rows[0]).toMatchObject({ name: '桐君街道', rank: 1, score: 80, flag: null });
    expect(rows[0].items.map((i: { points: number }) => i.points)).toEqual([36, 37, 7, 0]);
    expect(rows[0].items[1].input).toMatchObject({ value: 700, target: 1000, completion: 70, period: '2026-07' });
    expect(rows[0].explanation).toContain('合计80分');
    expect((await town1.get(`/api/competitions/${compId}/periods/2026-07/results`)).statusCode).toBe(404);
    expect((await leader.get(`/api/competitions/${compId}/periods/2026-07/results`)).statusCode).toBe(404);
    expect((await town1.post(`/api/competitions/${compId}/periods/2026-07/compute`, {})).statusCode).toBe(403);
  });

  it('publishing with missing inputs lists them and publishes nothing', async () => {
    await putValue(amount, towns[5]!, '2026-08', null);
    const c = await disp.post(`/api/competitions/${compId}/periods/2026-08/compute`, {});
    expect(c.json().missing.map((m: { name: string; itemId: string }) => `${m.name}:${m.itemId}`)).toEqual(['丁镇:plan', '丁镇:rank']);
    const p = await disp.post(`/api/competitions/${compId}/periods/2026-08/publish`, {});
    expect(p.statusCode).toBe(400);
    expect(p.json().error.message).toContain('丁镇「计划完成」');
    expect(p.json().error.details).toHaveLength(2);
    expect((await disp.get(`/api/competitions/${compId}/periods/2026-08/results`)).json().status).toBe('draft');
    await putValue(amount, towns[5]!, '2026-08', AMOUNT.f![1]!);
  });

  it('publishes July to September; a quarter is their sum with red and yellow flags and gated lists', async () => {
    // a bonus for 乙镇 in September, with its reason
    const adj = await disp.post(`/api/competitions/${compId}/adjustments`, { period: '2026-09', contestantId: `region:${towns[3]}`, itemId: 'bonus', points: 30, reason: '组织集中开工' });
    expect(adj.statusCode, adj.body).toBe(201);
    const over = await disp.post(`/api/competitions/${compId}/adjustments`, { period: '2026-09', contestantId: `region:${towns[3]}`, itemId: 'bonus', points: 40, reason: '超限' });
    expect(over.statusCode).toBe(400);
    for (const m of ['2026-07', '2026-08', '2026-09']) {
      const c = await disp.post(`/api/competitions/${compId}/periods/${m}/compute`, {});
      expect(c.json().missing, m).toEqual([]);
      const p = await disp.post(`/api/competitions/${compId}/periods/${m}/publish`, {});
      expect(p.statusCode, p.body).toBe(200);
      expect(p.json().status).toBe('published');
    }
    const sep = (await town1.get(`/api/competitions/${compId}/periods/2026-09/results`)).json();
    const bing = sep.sequences[0].rows.find((r: { name: string }) => r.name === '乙镇');
    expect(bing.items.find((i: { itemId: string }) => i.itemId === 'bonus')).toMatchObject({ points: 30 });
    expect(bing.explanation).toContain('组织集中开工');

    const q = await disp.post(`/api/competitions/${compId}/periods/2026-Q3/compute`, {});
    expect(q.statusCode, q.body).toBe(200);
    const res = q.json();
    expect(res).toMatchObject({ flagsAwarded: true, listsAwarded: true, parts: ['2026-07', '2026-08', '2026-09'], missing: [] });
    const rows = res.sequences[0].rows as Array<{ name: string; score: number; rank: number; flag: string | null; list: string | null; met: boolean; items: Array<{ points: number }> }>;
    // the quarter's score is the sum of the three published monthly totals
    for (const r of rows) {
      let sum = 0;
      for (const m of ['2026-07', '2026-08', '2026-09']) sum += (await disp.get(`/api/competitions/${compId}/periods/${m}/results`)).json().sequences[0].rows.find((x: { name: string }) => x.name === r.name).score;
      expect(r.score).toBeCloseTo(sum, 2);
    }
    const by = Object.fromEntries(rows.map((r) => [r.name, r]));
    // 桐君 265, 横村 254, 乙镇 250 (with its +30), 甲镇 236.9, 丙镇 205, 丁镇 186
    expect(rows.map((r) => [r.name, r.score, r.rank])).toEqual([
      ['桐君街道', 265, 1],
      ['横村镇', 254, 2],
      ['乙镇', 250, 3],
      ['甲镇', 236.9, 4],
      ['丙镇', 205, 5],
      ['丁镇', 186, 6],
    ]);
    expect(rows.filter((r) => r.flag === 'red').map((r) => r.name)).toEqual(['桐君街道', '横村镇']);
    expect(rows.filter((r) => r.flag === 'yellow').map((r) => r.name)).toEqual(['丁镇']);
    // met = 完成投资 ≥ 1,000 at September: a 1,100, b 1,050, 丙 1,000; 甲 990 missed
    expect(by['桐君街道']!.met).toBe(true);
    expect(by['甲镇']!.met).toBe(false);
    // 红榜 = met AND top 3: 乙镇 (3rd) missed, its place stays empty
    expect(rows.filter((r) => r.list === 'red').map((r) => r.name)).toEqual(['桐君街道', '横村镇']);
    // 黑榜 = missed AND bottom 2: 丙镇 met its target (1,000 of 1,000) and is never on it
    expect(rows.filter((r) => r.list === 'black').map((r) => r.name)).toEqual(['丁镇']);
    expect(by['丙镇']!.list).toBeNull();
    const pub = await disp.post(`/api/competitions/${compId}/periods/2026-Q3/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
  });

  it('the public page shows published periods and flags without a login', async () => {
    const list = await env.app.inject({ method: 'GET', url: '/api/public/competitions' });
    expect(list.statusCode).toBe(200);
    expect(list.json()[0].periods.map((p: { period: string }) => p.period)).toContain('2026-Q3');
    const q = await env.app.inject({ method: 'GET', url: `/api/public/competitions/${compId}/2026-Q3` });
    expect(q.statusCode).toBe(200);
    expect(q.json().sequences[0].rows.some((r: { flag: string }) => r.flag === 'red')).toBe(true);
    const draft = await disp.post(`/api/competitions/${compId}/periods/2026-10/compute`, {});
    expect(draft.statusCode, draft.body).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: `/api/public/competitions/${compId}/2026-10` })).statusCode).toBe(404);
  });

  it('the leaderboard sums the published months with 龙榜 and 虎榜 and flags; the flag history rotates', async () => {
    const lb = await town1.get(`/api/competitions/${compId}/leaderboard?year=2026`);
    expect(lb.statusCode).toBe(200);
    expect(lb.json()).toMatchObject({ through: '2026-09', previousThrough: '2026-08' });
    const rows = lb.json().sequences[0].rows;
    expect(rows[0].board).toBe('dragon');
    expect(rows[rows.length - 1].board).toBe('tiger');
    expect(rows[0].periods.map((p: { period: string }) => p.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(rows.reduce((s: number, r: { redFlags: number }) => s + r.redFlags, 0)).toBe(2);
    const flags = await leader.get(`/api/competitions/${compId}/flags`);
    expect(flags.json()).toEqual([expect.objectContaining({ period: '2026-Q3', yellow: ['丁镇'] })]);
  });

  it('exports the period in the layout offices circulate', async () => {
    const res = await disp.get(`/api/competitions/${compId}/periods/2026-Q3/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe('2026年乡镇重点项目擂台赛2026年第三季度成绩');
    expect(String(ws.getCell('A3').value)).toBe('一、乡镇（街道）');
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['名次', '单位', '得分', '红黄旗', '红黑榜']));
    const flagsCol = (ws.getRow(4).values as unknown[]).indexOf('红黄旗');
    expect(ws.getRow(5).getCell(flagsCol).value).toBe('红旗');
  });
});

describe('frozen snapshots, corrections and versions', () => {
  it('a published period is frozen: a correction needs a reason and is a new revision; the public sees the old one until it is published', async () => {
    await putValue(rate, towns[0]!, '2026-07', 90);
    const refused = await disp.post(`/api/competitions/${compId}/periods/2026-07/compute`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('reason');
    const fix = await disp.post(`/api/competitions/${compId}/periods/2026-07/compute`, { reason: '桐君街道7月投资完成率更正' });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(fix.json()).toMatchObject({ revision: 2, status: 'draft', reason: '桐君街道7月投资完成率更正' });
    expect(fix.json().sequences[0].rows[0].items[0].points).toBe(54);
    const pub = (await env.app.inject({ method: 'GET', url: `/api/public/competitions/${compId}/2026-07` })).json();
    expect(pub.revision).toBe(1);
    expect(pub.sequences[0].rows[0].items[0].points).toBe(36);
    expect((await disp.post(`/api/competitions/${compId}/periods/2026-07/publish`, {})).json()).toMatchObject({ revision: 2, status: 'published' });
    expect((await env.app.inject({ method: 'GET', url: `/api/public/competitions/${compId}/2026-07` })).json().revision).toBe(2);
    expect((await disp.get(`/api/competitions/${compId}/periods/2026-07/results?revision=1`)).json().sequences[0].rows[0].items[0].points).toBe(36);
    // the quarter summed revision 1 of July: publishing it again needs a recompute
    const q = await disp.post(`/api/competitions/${compId}/periods/2026-Q3/compute`, { reason: '7月成绩更正' });
    expect(q.json().revision).toBe(2);
  });

  it('editing the scheme after publication makes a new version; earlier periods keep theirs', async () => {
    const s = scheme();
    s.items[0]!.rule = { kind: 'proportional', weight: 50, cap: 1, basis: 'rate' };
    const res = await admin.patch(`/api/competitions/${compId}`, { scheme: s, note: '投资进度改为50分' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect(res.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(res.json().versions[1].periods).toEqual(expect.arrayContaining(['2026-07', '2026-08', '2026-09', '2026-Q3']));
    const sep = (await disp.get(`/api/competitions/${compId}/periods/2026-09/results`)).json();
    expect(sep.schemeVersion).toBe(1);
    expect(sep.sequences[0].rows.find((r: { name: string }) => r.name === '桐君街道').items[0].points).toBe(48);
    const oct = await disp.post(`/api/competitions/${compId}/periods/2026-10/compute`, {});
    expect(oct.json().schemeVersion).toBe(2);
    // a correction of September is still scored with version 1
    const fix = await disp.post(`/api/competitions/${compId}/periods/2026-09/compute`, { reason: '复核' });
    expect(fix.json().schemeVersion).toBe(1);
    expect(fix.json().sequences[0].rows.find((r: { name: string }) => r.name === '桐君街道').items[0].points).toBe(48);
  });

  it('the preview scores the last period under edited rules without saving', async () => {
    const s = scheme();
    s.items[0]!.rule = { kind: 'proportional', weight: 100, cap: 1, basis: 'rate' };
    const res = await admin.post(`/api/competitions/${compId}/preview`, { period: '2026-09', scheme: s });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sequences[0].rows.find((r: { name: string }) => r.name === '桐君街道').items[0].points).toBe(80);
    expect((await disp.get(`/api/competitions/${compId}/periods/2026-09/results`)).json().sequences[0].rows.find((r: { name: string }) => r.name === '桐君街道').items[0].points).toBe(48);
  });
});

describe('who sees what', () => {
  it('every role on every read endpoint: published for readers, drafts for those who compute, adjustments only for the own unit', async () => {
    const base = `/api/competitions/${compId}`;
    const readers: Array<[string, Agent]> = [
      ['admin', admin],
      ['dispatcher', disp],
      ['town', town1],
      ['county', county],
      ['other county', countyB],
      ['department', dept],
      ['leader', leader],
      ['supervisor', sup],
      ['promotion', promo],
    ];
    for (const [who, a] of readers) {
      expect((await a.get('/api/competitions')).statusCode, who).toBe(200);
      expect((await a.get(`${base}/periods/2026-Q3/results`)).statusCode, who).toBe(200);
      expect((await a.get(`${base}/leaderboard`)).statusCode, who).toBe(200);
      const draft = await a.get(`${base}/periods/2026-10/results`);
      expect(draft.statusCode, who).toBe(who === 'admin' || who === 'dispatcher' ? 200 : 404);
      const periods = (await a.get('/api/competitions')).json()[0].periods.map((p: { period: string }) => p.period);
      expect(periods.includes('2026-10'), who).toBe(who === 'admin' || who === 'dispatcher');
      const adj = (await a.get(`${base}/adjustments`)).json();
      // the adjustment is 乙镇's (in 桐庐): its county, the all-scope readers and those who compute see it
      const expected = ['admin', 'dispatcher', 'county', 'supervisor', 'promotion'].includes(who) ? 1 : 0;
      expect(adj.length, who).toBe(expected);
      expect((await a.post(`${base}/periods/2026-10/publish`, {})).statusCode, who).toBe(who === 'admin' || who === 'dispatcher' ? 400 : 403);
    }
    // the project unit has no competition pages
    expect((await unit.get('/api/competitions')).statusCode).toBe(403);
    expect((await unit.get(`${base}/periods/2026-Q3/results`)).statusCode).toBe(403);
  });
});

describe('notifications', () => {
  it('publishing tells each contestant’s own users their rank, score and flag', async () => {
    const r = await town1.get('/api/notifications');
    const items = (r.json().items ?? r.json()) as Array<{ kind: string; title: string; body: string }>;
    const q3 = items.find((n) => n.kind === 'competition.published' && n.title.includes('第三季度'));
    expect(q3?.body).toMatch(/^桐君街道：乡镇（街道）第1名，得分265，红旗、红榜$/);
  });
});

describe('preview of a scheme not saved yet', () => {
  it('scores the period for the new-competition page, nothing saved', async () => {
    const before = (await admin.get('/api/competitions')).json().length;
    const res = await admin.post('/api/competitions/preview', { period: '2026-09', year: 2026, cadence: 'month', scheme: scheme() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sequences[0].rows[0]).toMatchObject({ name: '桐君街道', rank: 1 });
    expect((await admin.get('/api/competitions')).json()).toHaveLength(before);
    expect((await disp.post('/api/competitions/preview', { period: '2026-09', year: 2026, cadence: 'month', scheme: scheme() })).statusCode).toBe(403);
  });
});
