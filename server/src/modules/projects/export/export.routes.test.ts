import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestEnv, projectBody, type TestEnv } from '../../../../test/helpers.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  const disp = await env.login('disp');
  const create = async (region: string, over: Record<string, unknown>) => {
    const res = await disp.post('/api/projects', projectBody(region, over));
    expect(res.statusCode, res.body).toBe(201);
  };
  await create(env.fx.townA1, {
    name: '=1+1',
    code: '2024-330122-44-01-300001',
    totalInvestment: 12345.67,
    category: 'continuing',
    plannedStart: '2024-03-01',
    plannedCompletion: '2026-12-31',
    leaderIds: [env.fx.people.leader1],
    ownerEnterpriseId: env.fx.entA,
    responsibleDeptId: env.fx.deptA,
    responsiblePhone: '+86 571 1234567',
    content: '@SUM(A1:A2) 建设厂房',
    chainTags: ['高端装备', '数字经济'],
    landArea: 120.5,
  });
  await create(env.fx.townA2, { name: '横村镇污水管网提升工程', totalInvestment: 5000, field: 'infrastructure', investmentType: 'government', planYear: 2025 });
  await create(env.fx.countyB, { name: '淳安县千岛湖环湖公路', totalInvestment: 80000.5, field: 'infrastructure' });
});
afterAll(async () => env?.close());

async function open(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const EXPECTED_HEADERS = ['序号', '项目名称', '项目代码', '统计库编码', '项目级别', '建设性质', '年度类别', '领域', '产业链', '所属区域', '建设地点', '项目业主', '统一社会信用代码', '总投资', '计划开工', '计划竣工', '实际开工', '实际竣工', '当前阶段', '包保领导', '牵头单位', '责任人', '联系电话', '建设内容'];

function headers(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(3).eachCell((c) => out.push(String(c.value)));
  return out;
}

describe('ledger export', () => {
  it('downloads the ledger as officials keep it, with totals matching the list', async () => {
    const disp = await env.login('disp');
    const res = await disp.get('/api/projects/export.xlsx?regionCode=330122&planYear=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ledger_20260615.xlsx"; filename*=UTF-8''${encodeURIComponent('项目台账_20260615.xlsx')}`);
    const ws = (await open(res.rawPayload)).getWorksheet('项目台账')!;
    expect(ws.getCell('A1').value).toBe('桐庐县重点项目台账（2026年）');
    expect(ws.getCell('A2').value).toBe('导出日期：2026年6月15日');
    const unit = ws.getRow(2).values as unknown[];
    expect(unit).toContain('单位：万元');
    const unitCell = ws.getRow(2).findCell(unit.indexOf('单位：万元'))!;
    expect(unitCell.alignment?.horizontal).toBe('right');
    expect(headers(ws).slice(0, EXPECTED_HEADERS.length)).toEqual(EXPECTED_HEADERS);

    const row = ws.getRow(4);
    const col = (h: string) => row.getCell(headers(ws).indexOf(h) + 1);
    expect(col('序号').value).toBe(1);
    expect(col('项目代码').value).toBe('2024-330122-44-01-300001');
    expect(col('项目级别').value).toBe('县重点');
    expect(col('年度类别').value).toBe('续建');
    expect(col('领域').value).toBe('产业（工业）');
    expect(col('所属区域').value).toBe('桐君街道');
    expect(col('项目业主').value).toBe('杭州甲公司');
    expect(col('包保领导').value).toBe('测试leader1');
    expect(col('牵头单位').value).toBe('桐庐县自然资源和规划局');
    expect(col('产业链').value).toBe('高端装备、数字经济');
    expect(col('总投资').value).toBe(12345.67);
    expect(col('总投资').numFmt).toBe('#,##0.00');
    expect(col('计划开工').value).toEqual(new Date('2024-03-01T00:00:00Z'));

    const list = (await disp.get('/api/projects?regionCode=330122&planYear=2026')).json();
    const totals = ws.getRow(4 + list.total);
    expect(totals.getCell(1).value).toBe('合计');
    expect(totals.getCell(2).value).toBe(`共${list.total}个项目`);
    expect(totals.getCell(headers(ws).indexOf('总投资') + 1).value).toBe(list.sums.totalInvestment);
    expect(ws.rowCount).toBe(4 + list.total);
  });

  it('neutralises formula injection: formula-like text stays text', async () => {
    const disp = await env.login('disp');
    const ws = (await open((await disp.get('/api/projects/export.xlsx')).rawPayload)).getWorksheet('项目台账')!;
    expect(ws.getCell('A1').value).toBe('重点项目台账');
    const h = headers(ws);
    const row = [4, 5, 6].map((r) => ws.getRow(r)).find((r) => String(r.getCell(2).value).includes('1+1'))!;
    const name = row.getCell(2);
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.value).toBe("'=1+1");
    expect(row.getCell(h.indexOf('建设内容') + 1).value).toBe("'@SUM(A1:A2) 建设厂房");
    expect(row.getCell(h.indexOf('联系电话') + 1).value).toBe("'+86 571 1234567");
  });

  it('keeps a region user to its own projects', async () => {
    const regionB = await env.login('regionB');
    const ws = (await open((await regionB.get('/api/projects/export.xlsx')).rawPayload)).getWorksheet('项目台账')!;
    expect(ws.getCell('A1').value).toBe('淳安县重点项目台账');
    expect(ws.getRow(4).getCell(2).value).toBe('淳安县千岛湖环湖公路');
    expect(ws.getRow(5).getCell(1).value).toBe('合计');
    expect(ws.getRow(5).getCell(headers(ws).indexOf('总投资') + 1).value).toBe(80000.5);
  });

  it('can be imported back unchanged', async () => {
    const disp = await env.login('disp');
    const file = (await disp.get('/api/projects/export.xlsx')).rawPayload;
    const res = await disp.upload('/api/projects/import?dryRun=true', file, '项目台账_20260615.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ errors: [], created: 0, updated: 0, unchanged: 3, headerRow: 3 });
  });

  it('refuses without a session and validates filters', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/projects/export.xlsx' })).statusCode).toBe(401);
    const disp = await env.login('disp');
    const bad = await disp.get('/api/projects/export.xlsx?regionCode=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });
});

describe('import template', () => {
  it('is the export layout without rows, with drop-downs and instructions', async () => {
    const regionA = await env.login('regionA');
    const res = await regionA.get('/api/projects/import/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('项目台账导入模板.xlsx')}`);
    const wb = await open(res.rawPayload);
    const ws = wb.getWorksheet('项目台账')!;
    expect(ws.getCell('A1').value).toBe('桐庐县重点项目台账（2026年）');
    expect(headers(ws).slice(0, EXPECTED_HEADERS.length)).toEqual(EXPECTED_HEADERS);
    expect(ws.getCell('E4').dataValidation).toMatchObject({ type: 'list', formulae: ['"国家重点,省重点,市重点,县重点"'] });
    expect(wb.getWorksheet('填写说明')).toBeDefined();
    expect((await (await env.login('unitA')).get('/api/projects/import/template.xlsx')).statusCode).toBe(403);
  });
});
