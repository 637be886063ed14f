import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, projectBody, type TestEnv } from '../../../test/helpers.js';
import { projects } from '../../db/schema.js';
import { rebuildRollups } from '../dashboard/rollups.js';

let env: TestEnv;
const names: string[] = [];
let codeB = '';

async function book(rows: unknown[][], unitLine = '单位：万元'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('5月');
  ws.addRow(['2026年5月重点项目月报']);
  ws.addRow([unitLine]);
  ws.addRow(['序号', '项目名称', '项目代码', '本月完成投资（万元）', '形象进度', '存在问题']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const count = async () => ((await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM monthly_reports`)).rows[0] as { n: number }).n;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-03T02:00:00Z' });
  const disp = await env.login('disp');
  for (let i = 0; i < 3; i++) {
    const body = projectBody(i < 2 ? env.fx.townA1 : env.fx.countyB, { ownerEnterpriseId: i < 2 ? env.fx.entA : env.fx.entB, ...(i === 2 ? { code: '2026-330127-48-01-000123' } : {}) });
    const res = await disp.post('/api/projects', body);
    expect(res.statusCode, res.body).toBe(201);
    names.push(res.json().name);
    if (i === 2) codeB = res.json().code;
    await env.ctx.db.update(projects).set({ stage: 'construction' }).where(eq(projects.id, res.json().id));
  }
  await disp.post('/api/report-windows', { year: 2026, month: 5, deadline: '2026-06-05' });
});
afterAll(() => env.close());

describe('import a month of reports', () => {
  it('only the reviewer imports', async () => {
    const unit = await env.login('unitA');
    expect((await unit.upload('/api/reports/import?year=2026&month=5', await book([[1, names[0], null, 100]]))).statusCode).toBe(403);
  });
  it('errors import nothing and say row, column, value and problem', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload(
      '/api/reports/import?year=2026&month=5',
      await book([
        [1, names[0], null, '１,２００.５', '主体施工'],
        [2, '不存在的项目', null, 50],
        [3, names[1], null, '约100'],
        [4, names[0], null, 10],
      ]),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('IMPORT_FAILED');
    expect(res.json().error.details).toEqual([
      { row: 5, column: 'B', value: '不存在的项目', message: '找不到该项目（或不在您的管辖范围内）' },
      { row: 6, column: 'D', value: '约100', message: '本月完成投资应为数字（万元）' },
      { row: 7, column: 'B', value: names[0], message: '与第4行是同一个项目' },
    ]);
    expect(await count()).toBe(0);
  });
  it('dry run, then import: rows become submitted reports, roll-ups agree with a rebuild', async () => {
    const disp = await env.login('disp');
    const rows = [
      ['一、产业项目'],
      [1, names[0], null, '１,２００.５', '主体施工', '用工紧张'],
      [2, names[1], null, '—'],
      ['二、基础设施'],
      [3, null, codeB, 0.05],
      ['合计', null, null, 1200.55],
    ];
    const dry = await disp.upload('/api/reports/import?year=2026&month=5&dryRun=true', await book(rows, '单位：亿元'));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 3, created: 3, updated: 0 });
    expect(await count()).toBe(0);
    // the header says 万元 in the column, the unit line says 亿元: the column header wins
    const res = await disp.upload('/api/reports/import?year=2026&month=5', await book(rows));
    expect(res.json()).toEqual({ dryRun: false, rows: 3, created: 3, updated: 0 });
    const list = (await disp.get('/api/reports?year=2026&month=5')).json().items as Array<{ projectName: string; status: string; investment: number; problemsText: string | null }>;
    expect(list.map((r) => [r.projectName, r.status, r.investment])).toEqual([
      [names[0], 'submitted', 1200.5],
      [names[1], 'submitted', 0],
      [names[2], 'submitted', 0.05],
    ]);
    const before = (await env.ctx.db.execute(sql`SELECT * FROM monthly_rollups ORDER BY 1,2,3,4`)).rows;
    await env.ctx.db.transaction((tx) => rebuildRollups(tx, 2026));
    expect((await env.ctx.db.execute(sql`SELECT * FROM monthly_rollups ORDER BY 1,2,3,4`)).rows).toEqual(before);
    const audit = await env.ctx.db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'report.import'`);
    expect(audit.rows[0]).toEqual({ n: 1 });
  });
  it('does not overwrite submitted reports', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload('/api/reports/import?year=2026&month=5', await book([[1, names[0], null, 5]]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toBe('该项目2026年5月的月报已报送，不能用导入覆盖');
  });
  it('refuses a file that is not a workbook', async () => {
    const disp = await env.login('disp');
    expect((await disp.upload('/api/reports/import?year=2026&month=5', Buffer.from('not a workbook'))).statusCode).toBe(400);
  });
});
