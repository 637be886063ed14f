import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, multipartBody, projectBody, type Agent, type TestEnv } from '../../test/helpers.js';

let env: TestEnv;
let disp: Agent;
let unit: Agent;
let projectId: number;
let problemId: number;

beforeAll(async () => {
  env = await createTestEnv();
  disp = await env.login('disp');
  unit = await env.login('unitA');
  const p = await disp.post('/api/projects', projectBody(env.fx.townA1, { name: '控制字符测试项目', ownerEnterpriseId: env.fx.entA }));
  expect(p.statusCode, p.body).toBe(201);
  projectId = p.json().id;
  const pr = await unit.post('/api/problems', { projectId, category: 'land', title: '用地问题', description: '第一行\n第二行\t缩进' });
  expect(pr.statusCode, pr.body).toBe(201);
  problemId = pr.json().id;
});
afterAll(async () => env?.close());

const NUL = '\u0000';

function expectRejected(res: { statusCode: number; body: string; json(): any }, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = res.json();
  expect(body.error.code).toBe('VALIDATION');
  expect(body.error.message).toContain('控制字符');
  expect(body.error.details).toContainEqual({ path, message: expect.stringContaining('控制字符') });
}

async function count(table: string): Promise<number> {
  const r = await env.ctx.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
  return Number((r.rows[0] as { n: number }).n);
}

describe('control characters in input (400 VALIDATION, nothing changes)', () => {
  it('login without a session', async () => {
    const audits = await count('audit_events');
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `a${NUL}b`, password: 'x' } });
    expectRejected(res, 'username');
    expect(await count('audit_events')).toBe(audits);
  });

  it.each([
    ['/api/projects?q=', 'q'],
    ['/api/plans?year=2026&q=', 'q'],
    ['/api/problems?keyword=', 'keyword'],
    ['/api/reports?year=2026&month=5&q=', 'q'],
    ['/api/warnings?q=', 'q'],
    ['/api/approvals?q=', 'q'],
    ['/api/projects/export.xlsx?q=', 'q'],
    ['/api/plans/export.xlsx?year=2026&q=', 'q'],
    ['/api/reports/export.xlsx?year=2026&month=5&q=', 'q'],
  ])('search filter %s', async (url, path) => {
    const res = await disp.get(`${url}%00`);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expectRejected(res, path);
  });

  it('any C0 control but tab and line breaks; other text passes', async () => {
    expectRejected(await disp.get('/api/projects?q=a%07b'), 'q');
    expectRejected(await disp.get('/api/projects?q=a%1Bb'), 'q');
    expect((await disp.get('/api/projects?q=%E6%B5%8B%E8%AF%95%09x')).statusCode).toBe(200);
  });

  it('body text fields, nested ones included', async () => {
    const projects = await count('projects');
    expectRejected(await disp.post('/api/projects', projectBody(env.fx.townA1, { name: `项目${NUL}名` })), 'name');
    expect(await count('projects')).toBe(projects);
    const v = (await disp.get(`/api/projects/${projectId}`)).json().version;
    expectRejected(await disp.patch(`/api/projects/${projectId}`, { version: v, name: `改名${NUL}` }), 'name');
    expect((await disp.get(`/api/projects/${projectId}`)).json().name).toBe('控制字符测试项目');
    expectRejected(await unit.post('/api/problems', { projectId, category: 'land', title: '标题', description: `描述\u000B` }), 'description');
    expectRejected(await (await env.login('admin1')).post('/api/departments', { name: `部门${NUL}`, regionCode: env.fx.countyA, kind: 'department' }), 'name');
    expectRejected(await disp.post('/api/enterprises', { name: `企业${NUL}`, creditCode: null }), 'name');
    expectRejected(await disp.post('/api/import-mappings', { name: 'm', mapping: { ['列' + NUL]: 'name' } }), `mapping.列${NUL}`);
  });

  it('multi-line text keeps its line breaks and tabs', async () => {
    const p = (await disp.get(`/api/problems/${problemId}`)).json();
    expect(p.description ?? p.problem?.description).toBe('第一行\n第二行\t缩进');
  });

  it('multipart file names and field values', async () => {
    const attachments = await count('problem_attachments');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    expectRejected(await unit.upload(`/api/problems/${problemId}/attachments`, pdf, `红线${NUL}图.pdf`), 'file');
    expect(await count('problem_attachments')).toBe(attachments);
    expectRejected(await disp.upload('/api/projects/import?dryRun=true', Buffer.from('x'), `台账${NUL}.xlsx`), 'file');
    expectRejected(await disp.upload('/api/projects/import/inspect', Buffer.from('x'), 'ledger.xlsx', { sheet: `表${NUL}` }), 'sheet');
    // a file without control characters still reaches the route (and is judged there)
    const m = multipartBody(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), '台账.xlsx');
    const ok = await env.app.inject({ method: 'POST', url: '/api/projects/import/inspect', headers: { cookie: disp.cookie, 'x-csrf-token': disp.csrf, ...m.headers }, payload: m.payload });
    expect(ok.json().error.code).toBe('FILE_INVALID');
  });

  it('path parameters', async () => {
    expectRejected(await disp.get('/api/import-jobs/ab%00'), 'id');
  });
});

describe('error handler', () => {
  it('a download failing before its first byte answers the normal error shape, not a file', async () => {
    const { PassThrough } = await import('node:stream');
    const { buildApp } = await import('../app.js');
    const app = await buildApp({ db: env.database.db, config: env.config, clock: env.clock });
    app.get('/api/test-broken-download', { config: { public: true } }, async (_req, reply) => {
      const stream = new PassThrough();
      setImmediate(() => stream.destroy(Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })));
      reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('Content-Disposition', 'attachment; filename="x.xlsx"');
      return reply.send(stream);
    });
    await app.ready();
    try {
      const res = await app.inject({ method: 'GET', url: '/api/test-broken-download' });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: expect.any(String) }, requestId: expect.any(String) });
    } finally {
      await app.close();
    }
  });
});
