/**
 * Every endpoint × every role, read from the OpenAPI document the app serves, so a new
 * endpoint joins without being listed here. For each operation and each fixture user, the
 * path parameters are filled once with objects of the user's scope and once with objects
 * outside it (the other county's project, milestone, problem …). Asserted:
 * - no 5xx, ever;
 * - a role without the operation's permission key (contracts/src/permissions.ts, named in the
 *   operation's description) gets 403 FORBIDDEN, for reads and writes alike;
 * - no write on an object outside the user's scope succeeds;
 * - no answer carries the names or codes of projects outside the user's scope;
 * - without a session every protected operation answers 401;
 * - a control character in any query parameter or JSON body answers 400 VALIDATION.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission, type Role } from '@tiaodu/contracts';
import { PERMISSION_NOTE } from '../src/app.js';
import { createTestEnv, FIXTURE_USERS, projectBody, type Agent, type TestEnv } from './helpers.js';

interface Op {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  permission?: Permission;
  secured: boolean;
  json: boolean;
  query: string[];
}
interface Side {
  project: number;
  milestone: number;
  problem: number;
  region: string;
  dept: number;
  ent: number;
  user: number;
  mark: string;
  code: string;
}

const A_MARK = '甲县机密';
const B_MARK = '乙县机密';
/** Which county's projects each fixture user has in scope. */
const SCOPE: Record<string, Array<'A' | 'B'>> = {
  regionA: ['A'],
  townA1: ['A'],
  unitA: ['A'],
  deptA: ['A'],
  leader1: ['A'],
  leader2: [],
  regionB: ['B'],
  promo: ['A', 'B'],
  super: ['A', 'B'],
  disp: ['A', 'B'],
  admin1: ['A', 'B'],
};
// scoped users first; the users who may delete anything last, so their writes cannot hide a leak
const ORDER = Object.keys(SCOPE);
/** Operations that end the caller's session; the auth tests cover them. */
const ENDS_SESSION = new Set(['POST /api/auth/logout', 'POST /api/auth/password']);

let env: TestEnv;
let ops: Op[];
const side: Partial<Record<'A' | 'B', Side>> = {};

beforeAll(async () => {
  env = await createTestEnv();
  // every session first: the matrix's own calls of POST /api/auth/login use up the login rate limit
  for (const u of ORDER) await env.login(u);
  const disp = await env.login('disp');
  const mk = async (key: 'A' | 'B', region: string, ent: number, dept: number, leaders: number[], code: string, raiser: Agent, scopeUser: number) => {
    const mark = key === 'A' ? A_MARK : B_MARK;
    const p = await disp.post('/api/projects', projectBody(region, { name: `${mark}项目`, code, ownerEnterpriseId: ent, responsibleDeptId: dept, leaderIds: leaders }));
    expect(p.statusCode, p.body).toBe(201);
    const project = p.json().id as number;
    const m = await disp.post(`/api/projects/${project}/milestones`, { name: `${mark}节点`, dueDate: '2026-09-30', responsibleDeptId: dept });
    expect(m.statusCode, m.body).toBe(201);
    const ms = await disp.get(`/api/projects/${project}/milestones`);
    const pr = await raiser.post('/api/problems', { projectId: project, category: 'land', title: `${mark}问题`, description: `${mark}问题的描述` });
    expect(pr.statusCode, pr.body).toBe(201);
    side[key] = { project, milestone: ms.json()[0].id, problem: pr.json().id, region, dept, ent, user: scopeUser, mark, code };
  };
  await mk('A', env.fx.townA1, env.fx.entA, env.fx.deptA, [env.fx.people.leader1!], '2026-330122-44-01-900001', await env.login('unitA'), env.fx.users.regionA!);
  await mk('B', env.fx.countyB, env.fx.entB, env.fx.deptB, [], '2026-330127-44-01-900002', await env.login('regionB'), env.fx.users.regionB!);

  const doc = (await env.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { description?: string; security?: unknown[]; requestBody?: { content: Record<string, unknown> }; parameters?: Array<{ in: string; name: string; schema?: { type?: string } }> }>>;
  };
  ops = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      const method = m.toUpperCase() as Op['method'];
      if (!['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(method)) continue;
      const note = op.description?.split(PERMISSION_NOTE)[1]?.trim().split(/\s/)[0];
      ops.push({
        method,
        path,
        permission: note as Permission | undefined,
        secured: (op.security?.length ?? 0) > 0,
        json: Boolean(op.requestBody?.content['application/json']),
        query: (op.parameters ?? []).filter((x) => x.in === 'query' && x.schema?.type !== 'number' && x.schema?.type !== 'integer' && x.schema?.type !== 'boolean').map((x) => x.name),
      });
    }
  }
  // reads before writes, deletions last
  const rank = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 } as const;
  ops.sort((a, b) => rank[a.method] - rank[b.method]);
}, 120_000);
afterAll(async () => env?.close());

/** The URL of an operation on the objects of one side; `bound` when every parameter names an object of that side's projects. */
function fill(path: string, s: Side): { url: string; bound: boolean } {
  let bound = true;
  const url = path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    if (name === 'projectId') return String(s.project);
    if (name === 'year') return '2026';
    if (name === 'month') return '5';
    if (name === 'date') return '2026-10-08';
    if (name === 'kind') return 'monthly';
    if (name === 'period') return '2026-05';
    if (name === 'code') return s.region;
    if (name !== 'id') return (bound = false), '1';
    if (/^\/api\/projects\/\{id\}/.test(path)) return String(s.project);
    if (path.startsWith('/api/milestones/')) return String(s.milestone);
    if (path.startsWith('/api/problems/{id}')) return String(s.problem);
    bound = false;
    if (path.startsWith('/api/departments/')) return String(s.dept);
    if (path.startsWith('/api/enterprises/')) return String(s.ent);
    if (path.startsWith('/api/users/')) return String(s.user);
    return String(s.project);
  });
  return { url, bound: bound && /\{(id|projectId)\}/.test(path) };
}

function call(agent: Agent | null, method: Op['method'], url: string, body?: unknown) {
  const headers: Record<string, string> = agent ? { cookie: agent.cookie, 'x-csrf-token': agent.csrf } : {};
  return env.app.inject({ method, url, headers, ...(method === 'GET' || method === 'DELETE' ? {} : { payload: (body ?? {}) as object }) });
}

describe('the OpenAPI document', () => {
  it('lists the operations with their permission keys', () => {
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.find((o) => o.method === 'PATCH' && o.path === '/api/projects/{id}')).toMatchObject({ permission: 'project:update', secured: true });
    expect(ops.find((o) => o.method === 'POST' && o.path === '/api/auth/login')).toMatchObject({ secured: false });
  });
});

describe('every operation without a session', () => {
  it('answers 401 when protected, and never 5xx', async () => {
    const bad: string[] = [];
    for (const op of ops) {
      const res = await call(null, op.method, fill(op.path, side.A!).url);
      if (res.statusCode >= 500 || (op.secured && res.statusCode !== 401)) bad.push(`${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('every operation refuses control characters in its text input', () => {
  it('query parameters and JSON bodies answer 400 VALIDATION', async () => {
    const admin = await env.login('admin1');
    const bad: string[] = [];
    let checked = 0;
    for (const op of ops) {
      if (ENDS_SESSION.has(`${op.method} ${op.path}`)) continue;
      const { url } = fill(op.path, side.A!);
      const probes: Array<[string, unknown]> = op.query.map((q) => [`${url}${url.includes('?') ? '&' : '?'}${q}=a%00b`, undefined]);
      if (op.json) probes.push([url, { probe: 'a\u0000b' }]);
      for (const [u, body] of probes) {
        checked++;
        const res = await call(admin, op.method, u, body);
        if (res.statusCode !== 400 || res.json().error?.code !== 'VALIDATION') bad.push(`${op.method} ${u} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(bad).toEqual([]);
  });
});

describe.each(ORDER)('every operation as %s', (username) => {
  it('no 5xx, 403 without the permission, no write outside the scope, no data of projects outside the scope', async () => {
    const user = FIXTURE_USERS.find((u) => u.username === username)!;
    const role: Role = user.role;
    const agent = await env.login(username);
    const inScope = SCOPE[username]!;
    const outside = (['A', 'B'] as const).filter((k) => !inScope.includes(k));
    const hidden = outside.flatMap((k) => [side[k]!.mark, side[k]!.code]);
    const sides = [side[inScope[0] ?? 'A']!, ...outside.map((k) => side[k]!)];
    const bad: string[] = [];
    for (const op of ops) {
      if (ENDS_SESSION.has(`${op.method} ${op.path}`)) continue;
      const variants = /\{/.test(op.path) ? [...new Set(sides)] : [sides[0]!];
      for (const s of variants) {
        const { url, bound } = fill(op.path, s);
        const res = await call(agent, op.method, url);
        const what = `${op.method} ${url} → ${res.statusCode}`;
        if (res.statusCode >= 500) bad.push(`${what} ${res.body.slice(0, 160)}`);
        if (op.permission && !can(role, op.permission) && res.statusCode !== 403) bad.push(`${what} without ${op.permission}`);
        const isOutside = outside.some((k) => side[k] === s);
        if (op.method !== 'GET' && isOutside && bound && res.statusCode < 300) bad.push(`${what}: a write outside the scope succeeded`);
        // JSON and CSV-like answers; the .xlsx downloads are zipped and not looked into here
        for (const h of hidden) if (res.body.includes(h)) bad.push(`${what} shows ${h}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
