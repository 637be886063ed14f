import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, PASSWORD, type Agent, type TestEnv } from '../../../../test/helpers.js';
import { users } from '../../../db/schema.js';
import { createRegion } from '../../admin/org.service.js';
import { createUser } from '../../admin/users.service.js';
import { ensureCatalogue } from '../indicators.catalogue.js';
import { externalUnits, indicators } from '../indicators.schema.js';

let env: TestEnv;
let disp: Agent;
let dispA: Agent;
const ids: Record<string, number> = {};
let deqing: string;

const count = async (table: string) => Number(((await env.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0] as { n: number }).n);
const values = async () =>
  (
    await env.database.db.execute(sql`
      SELECT i.code, v.unit_type || ':' || v.unit_id AS unit, v.period, v.value::text AS value, v.growth::text AS growth, v.source, v.status, v.revision
      FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id ORDER BY i.code, v.unit_type, v.unit_id, v.period`)
  ).rows as Array<{ code: string; unit: string; period: string; value: string | null; growth: string | null; source: string; status: string; revision: number }>;

type Cell = string | number | null | { num: number; fmt: string };

/**
 * A statistics bureau's sheet as it arrives: the title merged across, the 单位 line at the
 * right, the indicator merged over 绝对值 / 增速 / 位次, a 全市 total row, then the units.
 */
async function statisticsBook(data: Cell[][], opts: { title?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主要指标');
  ws.addRow([opts.title ?? '2026年1-10月各县（市、区）主要经济指标']);
  ws.mergeCells(1, 1, 1, 11);
  ws.addRow([null, null, null, null, null, null, null, null, null, null, '单位：亿元、%']);
  ws.addRow(['地区', '规模以上工业增加值', null, null, '固定资产投资', null, '社零', null, '一般公共预算收入', null, '进出口总额']);
  ws.addRow([null, '绝对值', '增速', '位次', '绝对值', '增速', '总量', '增速', '绝对值', '增速', '增速']);
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 3, 4);
  ws.mergeCells(3, 5, 3, 6);
  ws.mergeCells(3, 7, 3, 8);
  ws.mergeCells(3, 9, 3, 10);
  for (const r of data) {
    const row = ws.addRow(r.map((c) => (c !== null && typeof c === 'object' ? c.num : c)));
    r.forEach((c, i) => {
      if (c !== null && typeof c === 'object') row.getCell(i + 1).numFmt = c.fmt;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const TOTAL: Cell[] = ['全市', 1000, 7.1, null, 500, 6.2, 800, 5.5, 300, 4.4, 1];
const TONGLU: Cell[] = ['桐庐县', '１２３．４５', '１２．５％', 1, 12.3456, { num: 0.085, fmt: '0.0%' }, 50.1, '—', 9.87, -2.5, 3];
const CHUNAN: Cell[] = ['淳安县', 98.7, 6.1, 2, '3', '-1.2', null, null, 5, 0, 1];
const JIANDE: Cell[] = ['建德', 80, 5, 3, 1.5, 2, 30, 3.3, 4, 1, 2];
const DEQING: Cell[] = ['德清县', 150, 9.2, null, 20, 10, 60, 6, 12, 3, 5];

async function upload(agent: Agent, url: string, file: Buffer, fields: Record<string, string> = {}, filename = 'stats.xlsx') {
  return agent.upload(url, file, filename, fields);
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-11-20T02:00:00Z' });
  const { db } = env.database;
  await createRegion(env.ctx, { code: '330182', name: '建德市', level: 'county', parentCode: '330100', sort: 0 });
  await createUser(env.ctx, { username: 'dispA', displayName: '桐庐调度', role: 'dispatcher', scopeType: 'region', regionCode: env.fx.countyA, password: PASSWORD });
  await db.update(users).set({ mustChangePassword: false });
  const [ext] = await db.insert(externalUnits).values({ name: '德清县', level: 'county', parentName: '湖州市' }).returning();
  deqing = String(ext!.id);
  // the standard catalogue (gdp quarterly, the others monthly cumulative, in 亿元, for counties);
  // here fai is kept in 万元 (a sheet in 亿元 is converted) and budget_revenue is reported by the units
  await ensureCatalogue(db);
  await db.update(indicators).set({ unit: '万元' }).where(eq(indicators.code, 'fai'));
  await db.update(indicators).set({ source: 'reported' }).where(eq(indicators.code, 'budget_revenue'));
  for (const r of await db.select({ id: indicators.id, code: indicators.code }).from(indicators)) ids[r.code] = r.id;
  disp = await env.login('disp');
  dispA = await env.login('dispA');
});
afterAll(async () => env?.close());

describe('statistics sheet import', () => {
  it('plans the cells of a real-layout sheet in a dry run and writes nothing', async () => {
    const file = await statisticsBook([TOTAL, TONGLU, CHUNAN, [null, null, null, null, null, null, null, null, null, null, null], JIANDE, DEQING]);
    const res = await upload(disp, '/api/indicator-values/import?dryRun=true', file);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.errors).toEqual([]);
    expect(body.period).toBe('2026-10');
    expect(body.columns.map((c: { column: number; indicatorId: number | null; field: string }) => `${c.column}:${c.indicatorId ?? '-'}:${c.field}`)).toEqual([
      '1:-:unit',
      `2:${ids.industry_va}:value`,
      `3:${ids.industry_va}:growth`,
      `4:${ids.industry_va}:rank`,
      `5:${ids.fai}:value`,
      `6:${ids.fai}:growth`,
      `7:${ids.retail}:value`,
      `8:${ids.retail}:growth`,
      `9:${ids.budget_revenue}:value`,
      `10:${ids.budget_revenue}:growth`,
      '11:-:ignored',
    ]);
    expect(body.rows.map((r: { row: number; unitName: string; unitType: string; unitId: string; cells: number }) => [r.row, r.unitName, `${r.unitType}:${r.unitId}`, r.cells])).toEqual([
      [6, '桐庐县', `region:${env.fx.countyA}`, 7],
      [7, '淳安县', `region:${env.fx.countyB}`, 6],
      [9, '建德', 'region:330182', 8],
      [10, '德清县', `external:${deqing}`, 8],
    ]);
    // 桐庐县: full-width figures, 增速 formatted as a percentage, "—" = no figure (not written for a new value), 亿元 → 万元
    const tonglu = body.changes.filter((c: { row: number }) => c.row === 6).map((c: { indicatorName: string; field: string; before: null; after: string }) => `${c.indicatorName}.${c.field}=${c.after}`);
    expect(tonglu).toEqual(['规模以上工业增加值.value=123.45', '规模以上工业增加值.growth=12.5', '固定资产投资.value=123456', '固定资产投资.growth=8.5', '社会消费品零售总额.value=50.1', '一般公共预算收入.value=9.87', '一般公共预算收入.growth=-2.5']);
    expect(body.written).toBe(body.changes.length);
    expect(body.written).toBe(7 + 6 + 8 + 8);
    expect(await count('indicator_values')).toBe(0);
  });

  it('writes the figures with their revisions and one audit event; the same sheet again writes nothing', async () => {
    const file = await statisticsBook([TOTAL, TONGLU, CHUNAN, JIANDE, DEQING]);
    const res = await upload(disp, '/api/indicator-values/import?dryRun=false', file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, written: 29, errors: [] });
    const rows = await values();
    expect(rows).toHaveLength(4 * 4 - 1); // 淳安县 has no 社零 at all
    expect(rows.every((r) => r.source === 'imported' && r.status === 'imported' && r.revision === 1 && r.period === '2026-10')).toBe(true);
    const fai = rows.find((r) => r.code === 'fai' && r.unit === `region:${env.fx.countyA}`)!;
    expect([Number(fai.value), Number(fai.growth)]).toEqual([123456, 8.5]);
    expect(fai.value).toBe('123456.0000');
    const retail = rows.find((r) => r.code === 'retail' && r.unit === `region:${env.fx.countyA}`)!;
    expect([retail.value, retail.growth]).toEqual(['50.1000', null]);
    expect(rows.filter((r) => r.unit === `external:${deqing}`)).toHaveLength(4);
    expect(await count('indicator_value_revisions')).toBe(15);
    const audit = (await env.database.db.execute(sql`SELECT action, entity_type FROM audit_events WHERE action = 'indicator.import'`)).rows;
    expect(audit).toEqual([{ action: 'indicator.import', entity_type: 'indicator_value' }]);

    const again = (await upload(disp, '/api/indicator-values/import?dryRun=false', file)).json();
    expect(again).toMatchObject({ written: 0, changes: [], errors: [] });
    expect(await count('indicator_value_revisions')).toBe(15);
    expect((await values()).every((r) => r.revision === 1)).toBe(true);
  });

  it('a later sheet rewrites only the cells that changed, each with a new revision and its before → after', async () => {
    const changed: Cell[] = ['桐庐县', '１２３．４５', '１３', 1, 12.3456, { num: 0.085, fmt: '0.0%' }, 50.1, '—', 9.87, -2.5, 3];
    const res = (await upload(disp, '/api/indicator-values/import?dryRun=false', await statisticsBook([TOTAL, changed, CHUNAN, JIANDE, DEQING]))).json();
    expect(res.changes).toEqual([{ row: 6, unitName: '桐庐县', indicatorName: '规模以上工业增加值', field: 'growth', before: '12.5', after: '13' }]);
    expect(res.written).toBe(1);
    const row = (await values()).find((r) => r.code === 'industry_va' && r.unit === `region:${env.fx.countyA}`)!;
    expect([row.value, row.growth, row.revision]).toEqual(['123.4500', '13.0000', 2]);
    expect(await count('indicator_value_revisions')).toBe(16);
  });

  it('lists unknown units, a decimal comma and text by row and column, and writes nothing (dry run 200, real run 400)', async () => {
    const file = await statisticsBook([TOTAL, ['桐庐县', 1, '12,5%', 1, 'abc', 1, 1, 1, 1, 1, 1], ['某某县', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], ['淳安县', 2, '１２．５％', null, 1, 1, 1, 1, 1, 1, 1]]);
    const dry = await upload(disp, '/api/indicator-values/import?dryRun=true', file);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().written).toBe(0);
    expect(dry.json().errors).toEqual([
      { row: 6, column: 'C', message: '第6行「规模以上工业增加值/增速」：「12,5%」中的逗号无法识别，小数点请使用“.”' },
      { row: 6, column: 'E', message: '第6行「固定资产投资/绝对值」：「abc」不是数字' },
      { row: 7, column: 'A', message: '第7行：单位「某某县」不在可导入的单位中' },
    ]);
    const before = await values();
    const real = await upload(disp, '/api/indicator-values/import?dryRun=false', file);
    expect(real.statusCode).toBe(400);
    expect(real.json().error.code).toBe('IMPORT_FAILED');
    expect(real.json().error.details.errors).toHaveLength(3);
    expect(real.json().error.details.written).toBe(0);
    expect(await values()).toEqual(before);
  });

  it('refuses an indicator whose cadence does not fit the period, and a computed one, naming the column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['2026年1-10月主要指标']);
    ws.addRow(['地区', '地区生产总值（亿元）', '增速(%)', '开工率', '固投增速']);
    ws.addRow(['淳安县', 300, 7, 80, 2]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(disp, '/api/indicator-values/import?dryRun=false', file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors.map((e: { column: string; message: string }) => `${e.column} ${e.message}`)).toEqual([
      'B 第2行 B列「地区生产总值（亿元）」：指标「地区生产总值」按季度统计，不能导入2026年10月的数据',
      'D 第2行 D列「开工率」：指标「开工率」由系统根据项目数据计算，不能导入',
    ]);
    // a quarter of the year is the quarterly indicator's own period; the monthly cumulative one is stored at the quarter's last month
    const q = await upload(disp, '/api/indicator-values/import?dryRun=true', file, { period: '2026-Q3' });
    expect(q.json().errors.map((e: { column: string }) => e.column)).toEqual(['D']);
    expect(q.json().changes.map((c: { indicatorName: string; field: string; after: string }) => `${c.indicatorName}.${c.field}=${c.after}`)).toEqual(['地区生产总值.value=300', '地区生产总值.growth=7', '固定资产投资.growth=2']);
  });

  it('a region-scope importer writes its own units and the external peers, not another region’s', async () => {
    const file = await statisticsBook([TOTAL, TONGLU, CHUNAN, DEQING]);
    const res = await upload(dispA, '/api/indicator-values/import?dryRun=false', file, { period: '2026-09' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([{ row: 7, column: 'A', message: '第7行：单位「淳安县」不在可导入的单位中' }]);
    expect((await values()).some((r) => r.period === '2026-09')).toBe(false);
    const ok = await upload(dispA, '/api/indicator-values/import?dryRun=false', await statisticsBook([TOTAL, TONGLU, DEQING]), { period: '2026-09' });
    expect(ok.statusCode).toBe(200);
    expect(new Set((await values()).filter((r) => r.period === '2026-09').map((r) => r.unit))).toEqual(new Set([`region:${env.fx.countyA}`, `external:${deqing}`]));
  });

  it('needs a period when the title names none, and a file', async () => {
    const res = await upload(disp, '/api/indicator-values/import?dryRun=true', await statisticsBook([TONGLU], { title: '各县（市、区）主要经济指标' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'period' }] });
    const bad = await upload(disp, '/api/indicator-values/import?dryRun=true', await statisticsBook([TONGLU]), { period: '2026-13' });
    expect(bad.statusCode).toBe(400);
    const none = await upload(disp, '/api/indicator-values/import?dryRun=true', Buffer.from('地区,进出口总额\n桐庐县,1\n'), {}, 'x.csv');
    expect(none.json().error.code).toBe('IMPORT_FAILED');
  });

  it('reads a .csv saved in GBK', async () => {
    const csv = ['2026年1-8月主要经济指标', '单位：亿元', '地区,固定资产投资,增速(%),社会消费品零售总额,增速(%)', '全市,100,5,200,6', '淳安县,２.５,－３.２,40,—'].join('\r\n');
    const res = await upload(disp, '/api/indicator-values/import?dryRun=false', gbk(csv), {}, 'stats.csv');
    expect(res.statusCode).toBe(200);
    expect(res.json().changes.map((c: { indicatorName: string; field: string; after: string }) => `${c.indicatorName}.${c.field}=${c.after}`)).toEqual(['固定资产投资.value=25000', '固定资产投资.growth=-3.2', '社会消费品零售总额.value=40']);
    expect((await values()).filter((r) => r.period === '2026-08')).toHaveLength(2);
  });

  it('is the figure every consumer reads: GET /api/indicator-values answers the imported 万元 and 增速', async () => {
    const res = await disp.get(`/api/indicator-values?indicatorId=${ids.fai}&period=2026-10&unitType=county`);
    expect(res.statusCode).toBe(200);
    const tonglu = res.json().items.find((i: { unitId: string }) => i.unitId === env.fx.countyA);
    expect(tonglu).toMatchObject({ value: 123456, valueText: '123456', growth: 8.5, status: 'imported' });
  });

  it('takes over a reported figure still waiting for review: it counts from the import on', async () => {
    expect((await disp.post('/api/indicator-periods', { period: '2026-07', indicatorIds: [ids.budget_revenue], deadline: '2026-08-10' })).statusCode).toBe(201);
    const regionA = await env.login('regionA');
    expect((await regionA.post('/api/indicator-values', { indicatorId: ids.budget_revenue, period: '2026-07', value: '9.87', growth: '-2.5' })).statusCode).toBeLessThan(300);
    const res = (await upload(disp, '/api/indicator-values/import?dryRun=false', await statisticsBook([TONGLU]), { period: '2026-07' })).json();
    const budget = res.changes.filter((c: { indicatorName: string }) => c.indicatorName === '一般公共预算收入');
    expect(budget.map((c: { field: string; before: string | null; after: string }) => `${c.field}:${c.before}→${c.after}`)).toEqual(['value:null→9.87', 'growth:null→-2.5']);
    const row = (await values()).find((r) => r.code === 'budget_revenue' && r.period === '2026-07')!;
    expect([row.source, row.status, row.revision]).toEqual(['imported', 'imported', 2]);
  });

  it('is for dispatchers: a county user may not import', async () => {
    const regionA = await env.login('regionA');
    const res = await upload(regionA, '/api/indicator-values/import?dryRun=true', await statisticsBook([TONGLU]));
    expect(res.statusCode).toBe(403);
  });
});

/** GBK bytes of a text, as Excel and WPS save CSV on Chinese Windows (the encoder built from the decoder). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

describe('targets sheet import', () => {
  async function targetsBook(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目标');
    ws.addRow(['2026年各县（市、区）地区生产总值目标任务分解表']);
    ws.mergeCells(1, 1, 1, 9);
    ws.addRow([null, null, null, null, null, null, null, null, '单位：亿元']);
    ws.addRow(['县（市、区）', '2025年完成', '2026年目标', '分季度目标', null, null, null, '2028年目标', '备注']);
    ws.addRow([null, null, null, '一季度', '二季度', '三季度', '四季度', null, null]);
    for (const c of [1, 2, 3, 8, 9]) ws.mergeCells(3, c, 4, c);
    ws.mergeCells(3, 4, 3, 7);
    ws.addRow(['合计', 600, 640, 150, 160, 160, 170, 800, null]);
    ws.addRow(['桐庐县', 300, '３２０', 75, 80, 80, 85, 400, '翻一番']);
    ws.addRow(['淳安县', 300, 320, 75, 80, '—', null, null, null]);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const targets = async () =>
    (
      await env.database.db.execute(sql`
        SELECT i.code, t.unit_id, t.baseline::text AS baseline, t.target::text AS target, t.breakdown, t.multi_year_year, t.multi_year_value::text AS multi, t.note
        FROM indicator_targets t JOIN indicators i ON i.id = t.indicator_id WHERE t.year = 2026 ORDER BY i.code, t.unit_id`)
    ).rows;

  it('imports a quarterly breakdown and a 2028 target of the indicator the title names; again, nothing changes', async () => {
    const file = await targetsBook();
    const dry = (await upload(disp, '/api/targets/import?dryRun=true', file, { year: '2026' })).json();
    expect(dry.errors).toEqual([]);
    expect(dry.columns.map((c: { field: string; indicatorId: number | null }) => `${c.field}:${c.indicatorId ?? '-'}`)).toEqual([
      'unit:-',
      `baseline:${ids.gdp}`,
      `target:${ids.gdp}`,
      `2026-Q1:${ids.gdp}`,
      `2026-Q2:${ids.gdp}`,
      `2026-Q3:${ids.gdp}`,
      `2026-Q4:${ids.gdp}`,
      `multiYear:2028:${ids.gdp}`,
      `note:${ids.gdp}`,
    ]);
    expect(dry.written).toBe(8 + 4);
    expect(await targets()).toEqual([]);
    const res = await upload(disp, '/api/targets/import?dryRun=false', file, { year: '2026' });
    expect(res.statusCode).toBe(200);
    expect(await targets()).toEqual([
      { code: 'gdp', unit_id: env.fx.countyA, baseline: '300.0000', target: '320.0000', breakdown: ['75', '80', '80', '85'], multi_year_year: 2028, multi: '400.0000', note: '翻一番' },
      { code: 'gdp', unit_id: env.fx.countyB, baseline: '300.0000', target: '320.0000', breakdown: ['75', '80', null, null], multi_year_year: null, multi: null, note: null },
    ]);
    const grid = (await disp.get(`/api/targets?year=2026&indicatorId=${ids.gdp}`)).json();
    expect(grid.rows.find((r: { unitId: string }) => r.unitId === env.fx.countyA)).toMatchObject({ baseline: 300, target: 320, breakdown: [75, 80, 80, 85], multiYear: { year: 2028, value: 400 }, note: '翻一番' });
    const again = (await upload(disp, '/api/targets/import?dryRun=false', file, { year: '2026' })).json();
    expect(again).toMatchObject({ written: 0, changes: [] });
    expect((await env.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'indicator.target'`)).rows[0]).toEqual({ n: 1 });
  });

  it('imports several indicators’ annual targets, converting 亿元 to the indicator’s 万元', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目标');
    ws.addRow(['2026年主要指标目标', null, null]);
    ws.addRow(['地区', '固定资产投资（亿元）', '社零（亿元）']);
    ws.addRow(['桐庐县', 15.5, 60]);
    const res = await upload(disp, '/api/targets/import?dryRun=false', Buffer.from(await wb.xlsx.writeBuffer()), { year: '2026' });
    expect(res.statusCode).toBe(200);
    expect(res.json().changes.map((c: { indicatorName: string; field: string; after: string }) => `${c.indicatorName}.${c.field}=${c.after}`)).toEqual(['固定资产投资.target=155000', '社会消费品零售总额.target=60']);
  });

  it('refuses a breakdown the cadence does not have and an unknown unit; nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目标');
    ws.addRow(['地区', '年度目标', '1月', '2月']);
    ws.addRow(['某某县', 1, 1, 1]);
    const res = await upload(disp, '/api/targets/import?dryRun=false', Buffer.from(await wb.xlsx.writeBuffer()), { year: '2026', indicatorId: String(ids.gdp) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors.map((e: { message: string }) => e.message)).toEqual([
      '第1行 C列「1月」：指标「地区生产总值」按季度统计，目标应按季度（一季度…四季度）分解',
      '第1行 D列「2月」：指标「地区生产总值」按季度统计，目标应按季度（一季度…四季度）分解',
      '第2行：单位「某某县」不在可导入的单位中',
    ]);
  });
});
