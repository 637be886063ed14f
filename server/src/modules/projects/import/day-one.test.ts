/**
 * Day one of a real county: an empty platform (only the admin) sets its county from the
 * national list and imports the ledger it keeps in Excel — no region column, units by short
 * names, leaders by name — creating the units and leaders once, all or nothing; then next
 * month's version updates; the same ledger as .xls and as a GBK .csv gives the same projects.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Agent, type TestEnv } from '../../../../test/helpers.js';
import { xlsx, type Cell, type SheetSpec } from '../../../../test/fixtures/ledgers.js';
import { encodeGbk } from '../../../../test/fixtures/gbk.js';
import { closeInterruptedJobs, INTERRUPTED } from './import.jobs.js';
import { importJobs } from './import.schema.js';

let env: TestEnv;
let admin: Agent;
beforeAll(async () => {
  env = await createTestEnv({ empty: true });
  admin = await env.login('admin1');
});
afterAll(() => env.close());

const HEAD: Cell[] = ['序号', '项目名称', '建设内容', '总投资（亿元）', '年度计划（万元）', '计划工期', null, '包保领导', '责任单位'];
const SUB: Cell[] = [null, null, null, null, null, '开工', '竣工', null, null];
type Row = [string, string, number, number, string, string, string, string];
const ROWS: Row[] = [
  ['桐庐县富春江堤防加固工程', '堤防12公里', 1.2, 4000, '2025.03', '2027.12', '刘卫东', '县水利局'],
  ['分水江灌区续建配套与节水改造', '渠道改造35公里', 0.86, 3000, '2025.05', '2026.12', '刘卫东同志', '水利局（牵头）'],
  ['桐庐县城北保障性住房', '住房860套', 3.5, 12000, '2026.04', '2028.06', '张敏（副县长）', '县住建局'],
  ['江南镇老旧小区改造', '小区6个', 0.45, 2000, '2026.03', '2026.12', '张敏（副县长）', '县 住建局'],
  ['桐庐县人民医院迁建', '床位800张', 8, 20000, '2025.09', '2028.12', '王建华、刘卫东', '县卫健局'],
];

/** The ledger as the county keeps it: title, unit line, merged two-row header, sections, totals; no region column. */
function ledger(rows: Row[], title = '桐庐县2026年重点项目计划表'): SheetSpec {
  const out: Cell[][] = [[title], [null, null, null, null, null, null, null, null, '单位：万元'], HEAD, SUB];
  const merges = ['A1:I1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:G3', 'H3:H4', 'I3:I4'];
  const sections: [string, Row[]][] = [
    ['一、续建项目', rows.filter((r) => r[4] < '2026')],
    ['二、新开工项目', rows.filter((r) => r[4] >= '2026')],
  ];
  let n = 0;
  for (const [title, group] of sections) {
    out.push([title]);
    merges.push(`A${out.length}:I${out.length}`);
    for (const r of group) out.push([++n, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]]);
  }
  out.push(['合计', null, null, rows.reduce((s, r) => s + r[2], 0), rows.reduce((s, r) => s + r[3], 0)]);
  return { name: '重点项目', rows: out, merges };
}

const count = async (table: string) => Number(((await env.ctx.db.execute(`SELECT count(*) AS n FROM ${table}` as never)) as unknown as { rows: { n: unknown }[] }).rows[0]!.n);

describe('an empty platform imports its county’s ledger', () => {
  it('sets the county from the national division list, with towns', async () => {
    const provinces = (await admin.get('/api/divisions')).json();
    expect(provinces).toContainEqual({ code: '330000', name: '浙江省', level: 'province', hasChildren: true });
    const counties = (await admin.get('/api/divisions?parent=330100')).json();
    expect(counties).toContainEqual(expect.objectContaining({ code: '330122', name: '桐庐县', level: 'county' }));
    const towns = (await admin.get('/api/divisions?parent=330122')).json() as { code: string; name: string }[];
    const fenshui = towns.find((t) => t.name === '分水镇')!;
    expect(fenshui.code).toMatch(/^330122\d{3}$/);
    const before = (await admin.get('/api/setup')).json();
    expect(before.complete).toBe(false);
    expect(before.steps.find((s: { key: string }) => s.key === 'region')).toMatchObject({ done: false });
    const set = await admin.post('/api/setup/region', { code: '330122', towns: [fenshui.code] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().home).toEqual({ code: '330122', name: '桐庐县', level: 'county' });
    expect(set.json().steps.find((s: { key: string }) => s.key === 'region')).toMatchObject({ done: true });
    const regions = (await admin.get('/api/regions')).json() as { code: string; parentCode: string | null }[];
    expect(regions.map((r) => r.code).sort()).toEqual(['330000', '330100', '330122', fenshui.code].sort());
    // the same again adds nothing; a town of another county is refused
    expect((await admin.post('/api/setup/region', { code: '330122', towns: [fenshui.code] })).statusCode).toBe(200);
    expect((await admin.post('/api/setup/region', { code: '330122', towns: ['330127100'] })).statusCode).toBe(400);
    expect(await count('regions')).toBe(4);
  });

  it('registers one unit and one leader before the import (the near names of the file match them)', async () => {
    const r = await admin.post('/api/setup/departments', { regionCode: '330122', departments: [{ name: '水利局', shortName: '水利局' }] });
    expect(r.json()).toEqual({ created: 1, existing: 0 });
    expect((await admin.get('/api/departments')).json()[0]).toMatchObject({ name: '桐庐县水利局', shortName: '水利局' });
    const p = await admin.post('/api/people', { name: '刘卫东', kind: 'leader', title: '副县长' });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ name: '刘卫东', level: 'county', userId: null, username: null });
  });

  it('dry run: no error for unknown units and leaders, the list of what it creates, near names shown as matched, nothing written', async () => {
    const file = await xlsx(ledger(ROWS));
    const dry = await admin.upload('/api/projects/import?dryRun=true', file, '重点项目.xlsx', { createMissing: 'true' });
    expect(dry.statusCode, dry.body).toBe(200);
    const body = dry.json();
    expect(body.errors).toEqual([]);
    expect(body).toMatchObject({ created: 5, updated: 0, defaultRegionCode: '330122' });
    expect(body.toCreate.departments.map((d: { name: string }) => d.name).sort()).toEqual(['桐庐县住建局', '桐庐县卫健局'].sort());
    expect(body.toCreate.departments.find((d: { name: string }) => d.name === '桐庐县住建局').rows).toHaveLength(2);
    expect(body.toCreate.leaders.map((l: { name: string; title: string | null }) => [l.name, l.title]).sort()).toEqual([['张敏', '副县长'], ['王建华', null]].sort());
    expect(body.matched.departments).toEqual(
      expect.arrayContaining([expect.objectContaining({ text: '县水利局', name: '桐庐县水利局' }), expect.objectContaining({ text: '水利局(牵头)', name: '桐庐县水利局', exact: false })]),
    );
    expect(body.matched.leaders).toEqual(expect.arrayContaining([expect.objectContaining({ text: '刘卫东', exact: true }), expect.objectContaining({ text: '刘卫东同志', name: '刘卫东', exact: false })]));
    expect(await count('projects')).toBe(0);
    expect(await count('departments')).toBe(1);
    expect(await count('people')).toBe(1);
  });

  it('without createMissing the unknown names stay row errors, beside the other errors of the rows', async () => {
    const bad: Row[] = [...ROWS];
    const file = await xlsx(ledger(bad));
    const res = (await admin.upload('/api/projects/import?dryRun=true', file)).json();
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining([expect.stringContaining('县住建局'), expect.stringContaining('王建华')]));
    expect(res.errors.every((e: { row: number; column: string }) => e.row > 4 && e.column)).toBe(true);
  });

  it('the three kinds of bad value are still caught on an empty platform', async () => {
    const spec: SheetSpec = {
      rows: [
        ['项目名称', '项目代码', '总投资（万元）', '建设起止年限', '责任单位', '包保领导'],
        ['甲项目', '2026-330122-04-01-12345', 100, '2026-2027', '县发改局', '李四'],
        ['乙项目', null, '一百万', '2026-2027', '县发改局', '李四'],
        ['丙项目', null, 100, '明年开始', '县发改局', '李四'],
      ],
    };
    const res = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(spec), 'x.xlsx', { createMissing: 'true' })).json();
    const by = (row: number) => res.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column);
    expect(by(2)).toContain('项目代码');
    expect(by(3)).toContain('总投资（万元）');
    expect(by(4)).toContain('建设起止年限');
    const real = await admin.upload('/api/projects/import?dryRun=false', await xlsx(spec), 'x.xlsx', { createMissing: 'true' });
    expect(real.statusCode).toBe(400);
    expect(await count('projects')).toBe(0);
    expect(await count('departments')).toBe(1);
  });

  it('imports: projects, units and leaders in one transaction, audited', async () => {
    const res = await admin.upload('/api/projects/import?dryRun=false', await xlsx(ledger(ROWS)), '重点项目.xlsx', { createMissing: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 5, errors: [] });
    expect(await count('departments')).toBe(3);
    expect(await count('people')).toBe(3);
    const list = (await admin.get('/api/projects?pageSize=50')).json();
    expect(list.total).toBe(5);
    const hospital = list.items.find((p: { name: string }) => p.name === '桐庐县人民医院迁建');
    expect(hospital).toMatchObject({ regionCode: '330122', totalInvestment: 80000, responsibleDeptName: '桐庐县卫健局' });
    const detail = (await admin.get(`/api/projects/${hospital.id}`)).json();
    expect(detail.leaders.map((l: { name: string }) => l.name)).toEqual(['王建华', '刘卫东']);
    const leaders = (await admin.get('/api/people?role=leader')).json();
    expect(leaders.map((l: { name: string; projectCount: number; username: string | null }) => [l.name, l.projectCount, l.username])).toEqual(
      expect.arrayContaining([
        ['刘卫东', 3, null],
        ['张敏', 2, null],
        ['王建华', 1, null],
      ]),
    );
    // a leader the file names without a title leads at the county's level
    expect(leaders.find((l: { name: string }) => l.name === '王建华')).toMatchObject({ level: 'county', title: null });
    const audit = (await admin.get('/api/audit?entityType=department')).json();
    expect(audit.items.map((a: { summary: string }) => a.summary)).toEqual(expect.arrayContaining([expect.stringContaining('桐庐县住建局')]));
  });

  it('imports the same ledger again without creating anything', async () => {
    const res = (await admin.upload('/api/projects/import?dryRun=false', await xlsx(ledger(ROWS)), '重点项目.xlsx', { createMissing: 'true' })).json();
    expect(res).toMatchObject({ created: 0, updated: 0, unchanged: 5, errors: [], toCreate: { departments: [], leaders: [] } });
    expect(await count('departments')).toBe(3);
    expect(await count('people')).toBe(3);
  });

  it('next month’s version updates by name + region, creates the two new rows, and says what changes', async () => {
    const next: Row[] = ROWS.map((r) => (r[0] === '桐庐县城北保障性住房' ? [r[0], r[1], 3.8, r[3], r[4], r[5], r[6], r[7]] : r));
    next.push(['桐庐县第二实验小学', '校舍2.4万平方米', 1.1, 5000, '2026.06', '2027.08', '张敏', '县教育局'], ['分水镇污水处理厂提标', '日处理1万吨', 0.3, 1500, '2026.05', '2026.12', '刘卫东', '县水利局']);
    const dry = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(next)), '重点项目（11月）.xlsx', { createMissing: 'true' })).json();
    expect(dry).toMatchObject({ created: 2, updated: 1, unchanged: 4, errors: [] });
    expect(dry.changes).toEqual([expect.objectContaining({ field: 'totalInvestment', label: '总投资', before: '35,000 万元', after: '38,000 万元' })]);
    expect(dry.toCreate.departments.map((d: { name: string }) => d.name)).toEqual(['桐庐县教育局']);
    expect(dry.toCreate.leaders).toEqual([]);
    const res = (await admin.upload('/api/projects/import?dryRun=false', await xlsx(ledger(next)), '重点项目（11月）.xlsx', { createMissing: 'true' })).json();
    expect(res).toMatchObject({ created: 2, updated: 1 });
    expect((await admin.get('/api/projects?pageSize=50')).json().total).toBe(7);
  });

  it('the admin can change a match before importing: a name of the file to another unit, or to a new one', async () => {
    const depts = (await admin.get('/api/departments')).json() as { id: number; name: string }[];
    const health = depts.find((d) => d.name === '桐庐县卫健局')!;
    const rows: Row[] = [['桐庐县中医院改扩建', '床位300张', 1.5, 3000, '2026.07', '2027.12', '刘卫东', '县卫生健康局']];
    const plain = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(rows)), 'a.xlsx', { createMissing: 'true' })).json();
    expect(plain.toCreate.departments.map((d: { name: string }) => d.name)).toEqual(['桐庐县卫生健康局']);
    const chosen = (
      await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(rows)), 'a.xlsx', { createMissing: 'true', matches: JSON.stringify({ departments: { 县卫生健康局: health.id }, leaders: { 刘卫东: null } }) })
    ).json();
    expect(chosen.toCreate.departments).toEqual([]);
    expect(chosen.matched.departments).toEqual([{ text: '县卫生健康局', id: health.id, name: '桐庐县卫健局', exact: false }]);
    // 刘卫东 chosen as a new person: listed to create although a 刘卫东 exists
    expect(chosen.toCreate.leaders.map((l: { name: string }) => l.name)).toEqual(['刘卫东']);
    const wrong = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(rows)), 'a.xlsx', { matches: JSON.stringify({ departments: { 县卫生健康局: 99999 } }) })).json();
    expect(wrong.errors[0].message).toContain('不存在');
    // a choice made in an import is remembered: next month's file matches it without asking
    const done = await admin.upload('/api/projects/import?dryRun=false', await xlsx(ledger(rows)), 'a.xlsx', { createMissing: 'true', matches: JSON.stringify({ departments: { 县卫生健康局: health.id } }) });
    expect(done.json()).toMatchObject({ created: 1, toCreate: { departments: [], leaders: [] } });
    const again = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(rows)), 'a.xlsx', { createMissing: 'true' })).json();
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, toCreate: { departments: [], leaders: [] } });
    expect(again.matched.departments).toContainEqual({ text: '县卫生健康局', id: health.id, name: '桐庐县卫健局', exact: false });
  });

  it('a region user without the permission gets row errors for unknown units even with createMissing', async () => {
    const u = await admin.post('/api/users', { username: 'fenshui1', displayName: '分水用户', role: 'region', scopeType: 'region', regionCode: '330122', password: 'Region@2026x' });
    expect(u.statusCode, u.body).toBe(201);
    await env.ctx.db.execute("UPDATE users SET must_change_password = false WHERE username = 'fenshui1'" as never);
    const region = await env.login('fenshui1', 'Region@2026x');
    const rows: Row[] = [['分水镇工业功能区道路', '道路3公里', 0.5, 2000, '2026.08', '2027.06', '赵六', '县城投集团']];
    const inspect = (await region.upload('/api/projects/import/inspect', await xlsx(ledger(rows)))).json();
    expect(inspect).toMatchObject({ regionColumn: false, defaultRegionCode: '330122', canCreateMissing: false });
    const res = (await region.upload('/api/projects/import?dryRun=true', await xlsx(ledger(rows)), 'a.xlsx', { createMissing: 'true' })).json();
    expect(res.errors.map((e: { message: string }) => e.message)).toEqual(expect.arrayContaining([expect.stringContaining('县城投集团'), expect.stringContaining('赵六')]));
    expect(res.toCreate).toEqual({ departments: [], leaders: [] });
  });

  it('gives a leader an account; the leader sees exactly their projects', async () => {
    const zhang = ((await admin.get('/api/people?role=leader')).json() as { id: number; name: string }[]).find((p) => p.name === '张敏')!;
    const acc = await admin.post(`/api/people/${zhang.id}/account`, { username: 'zhangmin', password: 'Leader@2026x', mustChangePassword: false });
    expect(acc.statusCode, acc.body).toBe(201);
    expect(acc.json()).toMatchObject({ username: 'zhangmin', projectCount: 3 });
    expect((await admin.post(`/api/people/${zhang.id}/account`, { username: 'zhangmin2', password: 'Leader@2026x' })).statusCode).toBe(409);
    const leader = await env.login('zhangmin', 'Leader@2026x');
    const mine = (await leader.get('/api/projects?pageSize=50')).json();
    expect(mine.items.map((p: { name: string }) => p.name).sort()).toEqual(['桐庐县城北保障性住房', '江南镇老旧小区改造', '桐庐县第二实验小学'].sort());
    // a leader account made on the users page finds the imported person of that name instead of a second one
    const peopleBefore = await count('people');
    const wang = await admin.post('/api/users', { username: 'wangjh', displayName: '王建华', role: 'leader', scopeType: 'assigned', password: 'Leader@2026x' });
    expect(wang.statusCode, wang.body).toBe(201);
    expect(await count('people')).toBe(peopleBefore);
    await env.ctx.db.execute("UPDATE users SET must_change_password = false WHERE username = 'wangjh'" as never);
    const wangAgent = await env.login('wangjh', 'Leader@2026x');
    expect((await wangAgent.get('/api/projects')).json().items.map((p: { name: string }) => p.name)).toEqual(['桐庐县人民医院迁建']);
    // people are managed by the admin only
    expect((await leader.post('/api/people', { name: '某某', kind: 'leader' })).statusCode).toBe(403);
    expect((await leader.get('/api/people?role=leader')).json().every((p: { phone: string | null }) => p.phone === null)).toBe(true);
  });
});

/** What a dry run of a file plans: the same for two files means they give the same projects. */
const planOf = (r: { created: number; updated: number; unchanged: number; errors: unknown[]; changes: unknown[]; toCreate: unknown; preview: { name: string; action: string }[] }) => ({
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  errors: r.errors,
  // rows are numbered differently (a CSV has no title, header rows or sections)
  changes: (r.changes as { row: number }[]).map(({ row: _r, ...c }) => c),
  toCreate: JSON.parse(JSON.stringify(r.toCreate, (k, v) => (k === 'rows' ? undefined : v))),
  preview: r.preview.map((p) => `${p.name} ${p.action}`).sort(),
});

describe('the files a county really has', () => {
  const soffice = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => {
    try {
      readFileSync(p);
      return true;
    } catch {
      return false;
    }
  });

  it('an .xls (Excel 97–2003) of the same ledger gives the same projects', async () => {
    expect(soffice, 'LibreOffice (libreoffice-calc-nogui) is needed to read .xls; .ci/run installs it').toBeTruthy();
    const dir = mkdtempSync(path.join(tmpdir(), 'tiaodu-xls-'));
    writeFileSync(path.join(dir, 'ledger.xlsx'), await xlsx(ledger(ROWS)));
    execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xls', '--outdir', dir, path.join(dir, 'ledger.xlsx')], { timeout: 120_000, env: { ...process.env, HOME: dir } });
    const xls = readFileSync(path.join(dir, 'ledger.xls'));
    expect(xls.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
    const res = await admin.upload('/api/projects/import?dryRun=true', xls, '重点项目.xls', { createMissing: 'true' });
    expect(res.statusCode, res.body).toBe(200);
    const fromXlsx = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(ROWS)), '重点项目.xlsx', { createMissing: 'true' })).json();
    expect(fromXlsx.updated).toBe(1); // the housing project went from 3.8 back to 3.5 亿元
    expect(planOf(res.json())).toEqual(planOf(fromXlsx));
  });

  it('a GBK .csv and a UTF-8 .csv of the same ledger give the same projects', async () => {
    const fromXlsx = (await admin.upload('/api/projects/import?dryRun=true', await xlsx(ledger(ROWS)), '重点项目.xlsx', { createMissing: 'true' })).json();
    expect(fromXlsx).toMatchObject({ updated: 1, errors: [] });
    const lines = [['项目名称', '建设内容', '总投资（亿元）', '年度计划（万元）', '计划开工', '计划竣工', '包保领导', '责任单位'], ...ROWS.map((r) => [...r])];
    const text = lines.map((l) => l.map((v) => (String(v).includes(',') ? `"${v}"` : String(v))).join(',')).join('\r\n');
    for (const [buf, name] of [
      [encodeGbk(text), '重点项目.csv'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf8.csv'],
    ] as const) {
      const res = await admin.upload('/api/projects/import?dryRun=true', buf, name, { createMissing: 'true' });
      expect(res.statusCode, res.body).toBe(200);
      expect(planOf(res.json()), name).toEqual(planOf(fromXlsx));
    }
  });

  it('without LibreOffice an .xls is refused with “请另存为 .xlsx 后再导入”', async () => {
    const before = process.env.TIAODU_SOFFICE;
    process.env.TIAODU_SOFFICE = 'none';
    try {
      const res = await admin.upload('/api/projects/import?dryRun=true', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'a.xls');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'FILE_INVALID', message: expect.stringContaining('请另存为 .xlsx 后再导入') });
    } finally {
      if (before === undefined) delete process.env.TIAODU_SOFFICE;
      else process.env.TIAODU_SOFFICE = before;
    }
  });
});

describe('import jobs survive a restart', () => {
  it('a job cut by a restart is marked failed with that reason, and listed', async () => {
    await env.ctx.db.insert(importJobs).values({ id: 'cut-by-restart', userId: env.fx.users.admin1!, filename: '台账.xlsx', status: 'running', phase: 'writing', done: 100, total: 300 });
    expect(await closeInterruptedJobs(env.ctx.db, env.clock.now())).toBe(1);
    const job = (await admin.get('/api/import-jobs/cut-by-restart')).json();
    expect(job).toMatchObject({ status: 'failed', error: INTERRUPTED, filename: '台账.xlsx' });
    expect(job.error.message).toContain('未导入任何数据');
  });
});
