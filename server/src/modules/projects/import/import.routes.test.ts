import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeCreditCode } from '@tiaodu/contracts';
import { agentFor, createTestEnv, multipartBody, PASSWORD, type TestEnv } from '../../../../test/helpers.js';
import { realLedger, xlsx, type Cell } from '../../../../test/fixtures/ledgers.js';
import { queuedRecompute } from '../../warnings/hooks.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const CODE1 = '2024-330122-44-01-100001';
const CODE2 = '2025-330122-44-01-100002';
const NEW_ENT_CODE = completeCreditCode('91330122MA2700009');

function goodLedger(): Promise<Buffer> {
  const continuing: Cell[][] = [
    [1, '桐庐智能装备产业园', CODE1, '桐君街道', '杭州甲公司', null, { formula: '0.6*2', result: 1.2 }, '2024.03', '2026.12', '测试leader1', '桐庐县自然资源和规划局', '标准厂房12万平方米'],
    [2, '横村镇污水管网提升工程', CODE2, '横村', '桐庐新能源有限公司', NEW_ENT_CODE, '０.５', '2025年3月', '2026年12月', '测试leader1、测试leader2', '桐庐县自然资源和规划局', '管网18公里'],
  ];
  const fresh: Cell[][] = [['3', '富春江温泉小镇（一期）', null, '桐庐县横村镇', '杭州乙公司', null, '1,234.5', '2026/3/15', 46387, null, null, null]];
  return xlsx(realLedger([continuing, fresh]));
}

async function count(agent: Awaited<ReturnType<TestEnv['login']>>): Promise<number> {
  return (await agent.get('/api/projects?pageSize=1')).json().total;
}

describe('ledger import', () => {
  it('previews a real-world ledger in a dry run without writing', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload('/api/projects/import?dryRun=true', await goodLedger());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.errors).toEqual([]);
    expect(body).toMatchObject({ dryRun: true, created: 3, updated: 0, sheet: '台账', headerRow: 3 });
    expect(body.preview.map((p: { action: string }) => p.action)).toEqual(['create', 'create', 'create']);
    expect(body.mapping).toMatchObject({ 项目名称: 'name', '计划工期/开工时间': 'plannedStart', '计划工期/竣工时间': 'plannedCompletion', '总投资（亿元）': 'totalInvestment' });
    expect(await count(disp)).toBe(0);
  });

  it('imports, then a second import of the same file is unchanged', async () => {
    const disp = await env.login('disp');
    const file = await goodLedger();
    const res = await disp.upload('/api/projects/import?dryRun=false', file, '台账.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 3, updated: 0, errors: [] });
    // the imported projects' lights of every month of the year are queued for the backfill job
    expect(await queuedRecompute(env.database.db)).toEqual({ year: 2026, month: 1 });
    const list = (await disp.get('/api/projects?sort=name&pageSize=10')).json();
    expect(list.total).toBe(3);
    const byName = Object.fromEntries(list.items.map((p: { name: string }) => [p.name, p]));
    const park = byName['桐庐智能装备产业园'];
    expect(park).toMatchObject({ code: CODE1, regionCode: '330122001', totalInvestment: 12000, plannedStart: '2024-03-01', plannedCompletion: '2026-12-31', category: 'continuing', planYear: 2026, stage: 'construction', ownerName: '杭州甲公司' });
    expect(park.leaders.map((l: { name: string }) => l.name)).toEqual(['测试leader1']);
    const sewer = byName['横村镇污水管网提升工程'];
    expect(sewer).toMatchObject({ regionCode: '330122102', totalInvestment: 5000, ownerName: '桐庐新能源有限公司', ownerCreditCode: NEW_ENT_CODE });
    expect(sewer.leaders).toHaveLength(2);
    const spa = byName['富春江温泉小镇（一期）'];
    expect(spa).toMatchObject({ regionCode: '330122102', totalInvestment: 12345000, category: 'new_start', plannedStart: '2026-03-15', plannedCompletion: '2026-12-31', stage: 'preliminary' });

    const again = await disp.upload('/api/projects/import?dryRun=false', file);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});

describe('updates by import', () => {
  it('updates only the fields given, bumps the version and audits each project and the file', async () => {
    const disp = await env.login('disp');
    const before = (await disp.get(`/api/projects?q=${encodeURIComponent('桐庐智能装备产业园')}`)).json().items[0];
    const file = await xlsx({
      name: '更新',
      rows: [
        ['项目代码', '项目名称', '总投资（万元）', '包保领导', '当前阶段', '所属区域'],
        [CODE1, '桐庐智能装备产业园', '15,000', '测试leader2', '在建', null],
      ],
    });
    const dry = await disp.upload('/api/projects/import?dryRun=true', file);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().preview).toEqual([{ row: 2, action: 'update', name: '桐庐智能装备产业园', code: CODE1, changes: ['总投资', '包保领导'] }]);
    const res = await disp.upload('/api/projects/import', file, '更新.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 0, updated: 1, unchanged: 0 });
    const after = (await disp.get(`/api/projects/${before.id}`)).json();
    expect(after).toMatchObject({ totalInvestment: 15000, version: before.version + 1, regionCode: before.regionCode, plannedStart: before.plannedStart, content: before.content });
    expect(after.leaders.map((l: { name: string }) => l.name)).toEqual(['测试leader2']);

    const sup = await env.login('super');
    const audit = (await sup.get(`/api/audit?entityType=project&entityId=${before.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'project.update', before: { totalInvestment: 12000, leaders: [env.fx.people.leader1] }, after: { totalInvestment: 15000, leaders: [env.fx.people.leader2] } });
    expect(audit.items.at(-1).action).toBe('project.create');
    const imports = (await sup.get('/api/audit?action=project.import')).json();
    expect(imports.items[0].summary).toContain('更新.xlsx');
    expect(imports.items[0].after).toMatchObject({ created: 0, updated: 1, rows: 1 });
    const ents = (await sup.get('/api/audit?action=enterprise.create')).json();
    expect(ents.items.map((e: { summary: string }) => e.summary)).toContain('导入台账时新增企业 桐庐新能源有限公司');
    expect((await sup.get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('refuses a backward stage move by import', async () => {
    const disp = await env.login('disp');
    const file = await xlsx({ rows: [['项目代码', '项目名称', '当前阶段'], [CODE1, '桐庐智能装备产业园', '谋划']] });
    const res = await disp.upload('/api/projects/import?dryRun=true', file);
    expect(res.json().errors).toEqual([{ row: 2, column: '当前阶段', value: '谋划', message: '不能从「在建」退回「谋划」' }]);
  });
});

describe('files with errors', () => {
  const badFile = () =>
    xlsx({
      name: '台账',
      rows: [
        ['重点项目台账'],
        ['序号', '项目名称', '项目代码', '所属区域', '总投资', '计划开工', '计划竣工', '包保领导', '牵头单位', '统一社会信用代码', '项目业主'],
        [1, '错误示例一号', '2024-33-bad', '火星镇', '-5', '2024年13月', '2023.01', '不存在的领导', '不存在局', '123', '某公司'],
        [2, '错误示例二号', CODE2 , '横村镇', '１２，０００', '2025.03', '2024.01', null, null, null, null],
        [3, '错误示例三号', CODE2, '淳安县', 'abc', null, null, null, null, null, null],
        [4, '正确示例四号', null, '横村镇', 100, '2025.01', '2026.12', null, null, null, null],
      ],
    });

  it('lists every error with row, column, value and reason in a dry run (200)', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload('/api/projects/import?dryRun=true', await badFile());
    expect(res.statusCode).toBe(200);
    const errors = res.json().errors as { row: number; column: string; value: string; message: string }[];
    const find = (row: number, column: string) => errors.find((e) => e.row === row && e.column === column);
    expect(find(3, '项目代码')).toMatchObject({ value: '2024-33-bad', message: expect.stringContaining('项目代码格式不正确') });
    expect(find(3, '所属区域')).toMatchObject({ value: '火星镇', message: expect.stringContaining('无法识别的所属区域「火星镇」') });
    expect(find(3, '总投资')).toMatchObject({ value: '-5', message: '金额不能为负数「-5」' });
    expect(find(3, '计划开工')).toMatchObject({ value: '2024年13月', message: '无法识别的日期「2024年13月」' });
    expect(find(3, '包保领导')).toMatchObject({ value: '不存在的领导', message: expect.stringContaining('未找到包保领导') });
    expect(find(3, '牵头单位')).toMatchObject({ value: '不存在局', message: expect.stringContaining('未找到牵头单位') });
    expect(find(3, '统一社会信用代码')).toMatchObject({ value: '123', message: expect.stringContaining('统一社会信用代码无效') });
    expect(find(4, '计划竣工')).toMatchObject({ value: '2024.01', message: expect.stringContaining('早于计划开工时间') });
    expect(find(5, '项目代码')).toMatchObject({ message: '项目代码与第4行重复' });
    expect(find(5, '总投资')).toMatchObject({ value: 'abc', message: '无法识别的金额「abc」' });
    expect(errors.filter((e) => e.row === 6)).toEqual([]);
    expect(res.json().created).toBe(1);
  });

  it('imports nothing in a real run and answers 400 IMPORT_FAILED with the errors', async () => {
    const disp = await env.login('disp');
    const before = await count(disp);
    const res = await disp.upload('/api/projects/import', await badFile());
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toMatch(/^导入失败：文件中有\d+处错误，未导入任何数据$/);
    expect(err.details.errors.length).toBeGreaterThan(8);
    expect(err.details).toMatchObject({ dryRun: false, created: 0, updated: 0 });
    expect(await count(disp)).toBe(before);
  });

  it('refuses corrupt and non-spreadsheet files by content with FILE_INVALID', async () => {
    const disp = await env.login('disp');
    const cases: [Buffer, string][] = [
      [Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'random.xlsx'],
      [Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]), 'renamed.xlsx'],
      [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 1)]), 'broken.xlsx'],
    ];
    for (const [buf, name] of cases) {
      for (const url of ['/api/projects/import?dryRun=true', '/api/projects/import/inspect']) {
        const res = await disp.upload(url, buf, name);
        expect(res.statusCode, `${url} ${name}`).toBe(400);
        expect(res.json().error.code).toBe('FILE_INVALID');
        expect(res.json().error.message).toMatch(/Excel|xlsx/);
      }
    }
    const job = await disp.upload('/api/projects/import-jobs', cases[1]![0], 'renamed.xlsx');
    expect(job.statusCode).toBe(202);
    const id = job.json().jobId;
    let state;
    for (let i = 0; i < 50; i++) {
      state = (await disp.get(`/api/import-jobs/${id}`)).json();
      if (state.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(state).toMatchObject({ status: 'failed', error: { code: 'FILE_INVALID' } });
  });

  it('says which column is missing when no header names the project', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload('/api/projects/import?dryRun=true', await xlsx({ rows: [['甲', '乙'], ['x', 'y']] }));
    expect(res.statusCode).toBe(200);
    expect(res.json().errors[0].message).toContain('未识别到「项目名称」列');
  });

  it('validates the mapping, sheet and header row fields', async () => {
    const disp = await env.login('disp');
    const file = await goodLedger();
    const bad = await disp.upload('/api/projects/import?dryRun=true', file, 'a.xlsx', { mapping: '{"B": "nonsense"}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
    expect((await disp.upload('/api/projects/import?dryRun=true', file, 'a.xlsx', { mapping: 'not json' })).json().error.details[0].path).toBe('mapping');
    const sheet = await disp.upload('/api/projects/import?dryRun=true', file, 'a.xlsx', { sheet: '不存在' });
    expect(sheet.statusCode).toBe(400);
    expect(sheet.json().error.message).toContain('台账');
    expect((await disp.upload('/api/projects/import?dryRun=true', file, 'a.xlsx', { headerRow: '0' })).statusCode).toBe(400);
    expect((await disp.post('/api/projects/import?dryRun=true', { file: 'x' })).statusCode).toBe(400);
  });
});

describe('permissions and scope', () => {
  it('refuses without a session (401) and for roles without project:import (403)', async () => {
    const file = await goodLedger();
    const m = multipartBody(file, 'ledger.xlsx');
    for (const url of ['/api/projects/import?dryRun=true', '/api/projects/import/inspect', '/api/projects/import-jobs']) {
      const anon = await env.app.inject({ method: 'POST', url, payload: m.payload, headers: m.headers });
      expect(anon.statusCode, url).toBe(401);
    }
    expect((await env.app.inject({ method: 'GET', url: '/api/import-mappings' })).statusCode).toBe(401);
    for (const username of ['unitA', 'leader1', 'super']) {
      const a = await env.login(username);
      expect((await a.upload('/api/projects/import?dryRun=true', file)).statusCode, username).toBe(403);
      expect((await a.upload('/api/projects/import/inspect', file)).statusCode).toBe(403);
      expect((await a.upload('/api/projects/import-jobs', file)).statusCode).toBe(403);
      expect((await a.get('/api/import-mappings')).statusCode).toBe(403);
    }
  });

  it('keeps a region user to its own region: rows of another county are errors and nothing changes', async () => {
    const regionB = await env.login('regionB');
    const disp = await env.login('disp');
    const total = await count(disp);
    const file = await xlsx({
      rows: [
        ['项目名称', '项目代码', '所属区域', '总投资'],
        ['淳安县越界项目', null, '桐庐县', 100],
        ['冒用代码项目', CODE1, '淳安县', 100],
        ['淳安县自己的项目', null, '淳安县', 100],
      ],
    });
    const res = await regionB.upload('/api/projects/import', file);
    expect(res.statusCode).toBe(400);
    const errors = res.json().error.details.errors;
    expect(errors).toEqual([
      { row: 2, column: '所属区域', value: '桐庐县', message: '所属区域「桐庐县」不在您的管辖范围内' },
      { row: 3, column: '项目代码', value: CODE1, message: '项目代码已被其他区域的项目使用' },
    ]);
    expect(JSON.stringify(res.json())).not.toContain('桐庐智能装备产业园');
    expect(await count(disp)).toBe(total);
  });

  it('lets a user of a single town leave the region out', async () => {
    const townA1 = await env.login('townA1');
    const res = await townA1.upload('/api/projects/import?dryRun=true', await xlsx({ rows: [['项目名称', '总投资'], ['桐君街道口袋公园', 300]] }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [] });
    // A county user's file without a region column goes to the county; with one, an empty cell is an error.
    const regionA = await env.login('regionA');
    const r2 = await regionA.upload('/api/projects/import?dryRun=true', await xlsx({ rows: [['项目名称', '总投资'], ['桐君街道口袋公园', 300]] }));
    expect(r2.json()).toMatchObject({ created: 1, errors: [], defaultRegionCode: env.fx.countyA });
    const r3 = await regionA.upload('/api/projects/import?dryRun=true', await xlsx({ rows: [['项目名称', '总投资', '所属区域'], ['桐君街道口袋公园', 300, null]] }));
    expect(r3.json().errors[0]).toMatchObject({ row: 2, message: expect.stringContaining('所属区域') });
    // A default region outside the user's scope is refused.
    const r4 = await regionA.upload('/api/projects/import?dryRun=true', await xlsx({ rows: [['项目名称', '总投资'], ['桐君街道口袋公园', 300]] }), 'a.xlsx', { defaultRegionCode: env.fx.countyB });
    expect(r4.statusCode).toBe(400);
    expect(r4.json().error.details[0].path).toBe('defaultRegionCode');
  });
});

describe('inspect, mappings and jobs', () => {
  it('inspects a file: sheets, header row, columns with fields and samples', async () => {
    const disp = await env.login('disp');
    const res = await disp.upload('/api/projects/import/inspect', await xlsx({ name: '说明', rows: [['本表说明']] }, realLedger([[[1, '样例项目一号', null, '横村镇', null, null, 1, '2025.01', '2026.12', null, null, '内容']]])));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ sheets: ['说明', '台账'], sheet: '台账', headerRow: 3 });
    const col = (letter: string) => body.columns.find((c: { letter: string }) => c.letter === letter);
    expect(col('B')).toEqual({ index: 2, letter: 'B', header: '项目名称', field: 'name', sample: ['样例项目一号'] });
    expect(col('H')).toMatchObject({ header: '计划工期/开工时间', field: 'plannedStart' });
    expect(body.fields.find((f: { key: string }) => f.key === 'name')).toEqual({ key: 'name', label: '项目名称', required: true });
    const forced = await disp.upload('/api/projects/import/inspect', await goodLedger(), 'a.xlsx', { mapping: JSON.stringify({ L: '', 项目业主: 'content' }) });
    const cols = forced.json().columns;
    expect(cols.find((c: { letter: string }) => c.letter === 'L').field).toBeNull();
    expect(cols.find((c: { letter: string }) => c.letter === 'E').field).toBe('content');
  });

  it('uses an overriding mapping for headers it does not know', async () => {
    const disp = await env.login('disp');
    const file = await xlsx({ rows: [['工程', '钱（万元）', '地方'], ['映射测试工程', 88, '横村镇']] });
    const res = await disp.upload('/api/projects/import?dryRun=true', file, 'a.xlsx', { mapping: JSON.stringify({ 工程: 'name', 'B': 'totalInvestment', 地方: 'region' }) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, errors: [], mapping: { 工程: 'name', '钱（万元）': 'totalInvestment', 地方: 'region' } });
  });

  it('takes the full mapping the wizard sends, with "" for columns not imported', async () => {
    const disp = await env.login('disp');
    const inspect = (await disp.upload('/api/projects/import/inspect', await goodLedger())).json();
    const mapping = Object.fromEntries(inspect.columns.map((c: { header: string; letter: string; field: string | null }) => [c.header || c.letter, c.field === 'content' ? '' : (c.field ?? '')]));
    expect(mapping['计划工期/开工时间']).toBe('plannedStart');
    const res = await disp.upload('/api/projects/import?dryRun=true', await goodLedger(), 'a.xlsx', { mapping: JSON.stringify(mapping) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([]);
    expect(res.json().mapping.建设内容).toBeUndefined();
    expect(res.json().mapping['计划工期/竣工时间']).toBe('plannedCompletion');
  });

  it('saves and lists mappings, audited', async () => {
    const disp = await env.login('disp');
    const bad = await disp.post('/api/import-mappings', { name: '', mapping: { a: 'bogus' } });
    expect(bad.statusCode).toBe(400);
    const res = await disp.post('/api/import-mappings', { name: '乡镇报表格式', mapping: { 工程: 'name', B: 'totalInvestment' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '乡镇报表格式', mapping: { 工程: 'name', B: 'totalInvestment' } });
    const again = await disp.post('/api/import-mappings', { name: '乡镇报表格式', mapping: { 工程: 'name' } });
    expect(again.json().id).toBe(res.json().id);
    const list = (await (await env.login('regionA')).get('/api/import-mappings')).json();
    expect(list).toEqual([{ id: res.json().id, name: '乡镇报表格式', mapping: { 工程: 'name' }, createdAt: expect.any(String) }]);
    const audit = (await (await env.login('super')).get('/api/audit?action=import_mapping.save')).json();
    expect(audit.items).toHaveLength(2);
  });

  it('runs an import job visible only to its owner, kept in the database after the session ends', async () => {
    const disp = await env.login('disp');
    const started = await disp.upload('/api/projects/import-jobs?dryRun=true', await goodLedger());
    expect(started.statusCode).toBe(202);
    const id = started.json().jobId;
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await disp.get(`/api/import-jobs/${id}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ id, status: 'done', phase: 'done', result: { dryRun: true, errors: [] } });
    expect((await (await env.login('regionA')).get(`/api/import-jobs/${id}`)).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/import-jobs/${id}` })).statusCode).toBe(401);
    env.clock.advance(61 * 60_000);
    // A fresh session an hour later (the first one has expired by then).
    const login = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'disp', password: PASSWORD } });
    const later = agentFor(env.app, `tiaodu_sid=${login.cookies.find((c) => c.name === 'tiaodu_sid')!.value}`, login.json().csrfToken);
    expect((await later.get(`/api/import-jobs/${id}`)).json()).toMatchObject({ id, status: 'done', filename: 'ledger.xlsx', dryRun: true });
    expect((await later.get('/api/import-jobs')).json().map((j: { id: string }) => j.id)).toContain(id);
    env.clock.advance(-61 * 60_000);
  });

  it('reports a failed real-run job with the errors', async () => {
    const disp = await env.login('disp');
    const started = await disp.upload('/api/projects/import-jobs?dryRun=false', await xlsx({ rows: [['项目名称', '总投资', '所属区域'], ['坏数据项目', '-1', '横村镇']] }));
    const id = started.json().jobId;
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await disp.get(`/api/import-jobs/${id}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'failed', error: { code: 'IMPORT_FAILED' }, result: { errors: [{ row: 2, column: '总投资', value: '-1' }] } });
  });
});
