import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestEnv, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { rebuildRollups } from '../dashboard/rollups.js';

let env: TestEnv;
let disp: Agent;
let code: string;

/** A sheet as officials make it: title, unit line in 亿元, two-row header with merged 月度计划, sections, 合计. */
async function workbook(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年计划');
  ws.addRow(['桐庐县2026年重点项目年度投资计划表']);
  ws.mergeCells(1, 1, 1, 20);
  ws.addRow([null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, '单位：亿元']);
  ws.addRow(['序号', '项目名称', '项目代码', '所属区域', '年度类别', '年度计划投资', '月度计划', ...Array(11).fill(null), '年度形象进度目标']);
  ws.addRow([null, null, null, null, null, null, ...Array.from({ length: 12 }, (_, i) => `${i + 1}月`), null]);
  for (const c of [1, 2, 3, 4, 5, 6, 19]) ws.mergeCells(3, c, 4, c);
  ws.mergeCells(3, 7, 3, 18);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const months = (v: string | number) => Array(12).fill(v);

beforeAll(async () => {
  env = await createTestEnv();
  disp = await env.login('disp');
  const a = (await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '甲镇物流园', stage: 'started', category: 'new_start' }))).json();
  code = a.code;
  await disp.post('/api/projects', projectBody(env.fx.townA2, { name: '横村镇污水管网', stage: 'preliminary', category: 'preparatory' }));
  await disp.post('/api/projects', projectBody(env.fx.countyB, { name: '乙县水库', stage: 'construction', category: 'continuing' }));
});
afterAll(async () => env?.close());

describe('plan import', () => {
  it('lists every error and imports nothing when any row is wrong', async () => {
    const file = await workbook([
      ['一、续建项目', null],
      [1, '甲镇物流园', code, '桐君街道', null, '１，２００', ...months(0.01), '主体结顶'],
      [2, '横村镇污水管网', null, '横村镇', '预备', 0.12, ...months(0.01), null],
      [3, '不存在的项目', null, null, null, 0.12, ...months(0.01), null],
      [4, '乙县水库', null, null, null, 0.12, ...months(0.01), null],
      [5, '横村镇污水管网', null, null, null, '十二', ...months(0.01), null],
      ['合计', null, null, null, null, 0.24, ...months(0.02), null],
    ]);
    const res = await disp.upload('/api/plans/import?year=2026&dryRun=false', file, 'plans.xlsx');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.imported).toBe(false);
    const msgs = body.errors.map((e: { row: number; message: string }) => `${e.row}:${e.message}`);
    expect(msgs).toEqual([
      '6:月度计划合计 1,200.00 万元，与年度计划 12,000,000.00 万元相差 11,998,800.00 万元',
      '8:没有找到名为「不存在的项目」的项目，或不在您的管辖范围内',
      '10:无法识别的金额「十二」',
      '10:与第7行是同一个项目',
    ]);
    expect(body.errors.every((e: { column: string }) => typeof e.column === 'string')).toBe(true);
    expect((await disp.get('/api/plans?year=2026')).json().total).toBe(0);
  });

  it('imports a clean sheet in one go (亿元, full-width digits, sections, 合计 skipped), matched by code or name within scope', async () => {
    const regionA = await env.login('regionA');
    const file = await workbook([
      ['一、续建项目', null],
      [1, '甲镇物流园', code, '桐君街道', null, '０.１２', ...months(0.01), '主体结顶'],
      ['二、预备项目', null],
      [2, '横村镇污水管网', null, '横村镇', null, 0.024, ...months(0.002), null],
      ['合计', null, null, null, null, 0.144, ...months(0.012), null],
    ]);
    const dry = (await regionA.upload('/api/plans/import?year=2026&dryRun=true', file, 'plans.xlsx')).json();
    expect(dry.errors).toEqual([]);
    expect(dry).toMatchObject({ imported: false, rows: 2, created: 2 });
    const res = (await regionA.upload('/api/plans/import?year=2026&dryRun=false', file, 'plans.xlsx')).json();
    expect(res).toMatchObject({ imported: true, created: 2, updated: 0 });
    const list = (await disp.get('/api/plans?year=2026')).json();
    expect(list.sums.plannedInvestment).toBe(1440);
    const byName = Object.fromEntries(list.items.map((p: { projectName: string; category: string }) => [p.projectName, p.category]));
    expect(byName).toEqual({ 甲镇物流园: 'continuing', 横村镇污水管网: 'preparatory' });
    // county B's project is out of regionA's scope
    const outside = await workbook([[1, '乙县水库', null, null, '续建', 0.01, ...months('0.000833'), null]]);
    const out = (await regionA.upload('/api/plans/import?year=2026&dryRun=true', outside, 'plans.xlsx')).json();
    expect(out.errors[0].message).toContain('不在您的管辖范围内');
    const maintained = await env.database.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 AND planned <> 0 ORDER BY 1,2,3,4`);
    await rebuildRollups(env.database.db, 2026);
    expect((await env.database.db.execute(sql`SELECT * FROM monthly_rollups WHERE year = 2026 AND planned <> 0 ORDER BY 1,2,3,4`)).rows).toEqual(maintained.rows);
    const unit = await env.login('unitA');
    expect((await unit.upload('/api/plans/import?year=2026&dryRun=true', file, 'plans.xlsx')).statusCode).toBe(403);
  });
});
