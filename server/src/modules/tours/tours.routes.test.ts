import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { roundQ } from '../../core/exact.js';
import { createTestEnv, FIXTURE_USERS, projectBody, type Agent, type TestEnv } from '../../../test/helpers.js';
import { tourUnitScores } from './tours.service.js';

/**
 * 现场观摩评比 through the API on the two-county fixture (桐庐: towns 桐君 330122001 and 横村
 * 330122102; 淳安 330127), on 2026-06-15 (China).
 */
let env: TestEnv;
let disp: Agent, admin: Agent, townA1: Agent, regionA: Agent, regionB: Agent, leader1: Agent, leader2: Agent, superv: Agent, deptA: Agent;
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
const MARK_T1 = '桐君观摩甲';
const MARK_T2 = '横村观摩乙';
const MARK_B = '淳安观摩丙';
let projT1: number, projT2: number, projB: number;
let tour: number;
const nom: Record<string, number> = {};
const uid = (u: string) => env.fx.users[u]!;
const scores = (industry: number, intensity: number, leading: number, progress: number) => ({ industry, intensity, leading, progress });
const countSheets = async () => Number(((await env.ctx.db.execute(sql`SELECT count(*) AS n FROM tour_sheets`)).rows[0] as { n: number }).n);

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T02:00:00Z' });
  [disp, admin, townA1, regionA, regionB, leader1, leader2, superv, deptA] = (await Promise.all(['disp', 'admin1', 'townA1', 'regionA', 'regionB', 'leader1', 'leader2', 'super', 'deptA'].map((u) => env.login(u)))) as [Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent, Agent];
  const mk = async (region: string, name: string) => {
    const r = await disp.post('/api/projects', projectBody(region, { name, code: null }));
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as number;
  };
  projT1 = await mk(env.fx.townA1, `${MARK_T1}智能制造项目`);
  projT2 = await mk(env.fx.townA2, `${MARK_T2}针织园项目`);
  projB = await mk(env.fx.countyB, `${MARK_B}文旅项目`);
}, 120_000);
afterAll(() => env?.close());

describe('the judge pool (评委库)', () => {
  it('the dispatcher adds accounts that may score; others may only look', async () => {
    for (const u of ['leader1', 'super', 'deptA', 'leader2']) {
      const r = await disp.post('/api/tour-judges', { userId: uid(u), title: u === 'leader1' ? '副县长' : null, organisation: '县政府' });
      expect(r.statusCode, r.body).toBe(201);
    }
    const unit = await disp.post('/api/tour-judges', { userId: uid('unitA') });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error.details[0].path).toBe('userId');
    const dup = await disp.post('/api/tour-judges', { userId: uid('leader1') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已在评委库中');
    expect((await regionA.post('/api/tour-judges', { userId: uid('regionA') })).statusCode).toBe(403);
    const list = await townA1.get('/api/tour-judges');
    expect(list.statusCode).toBe(200);
    expect(list.json().map((j: { username: string }) => j.username)).toEqual(['leader1', 'super', 'deptA', 'leader2']);
    expect(list.json()[0]).toMatchObject({ title: '副县长', organisation: '县政府' });
    const cands = (await disp.get('/api/tour-judges/candidates')).json();
    expect(cands.map((c: { username: string }) => c.username)).not.toContain('leader1');
    expect(cands.map((c: { username: string }) => c.username)).not.toContain('unitA');
  });
});

describe('a tour', () => {
  it('is created by the dispatcher with the default 30/30/20/20 criteria and checklist; bad input is refused in Chinese', async () => {
    const body = { name: '2026年第二季度重点项目现场观摩', date: '2026-06-15', endDate: '2026-06-16', level: '县级', organiser: '县重点办', round: 2, method: 'mean', judges: [uid('leader1'), uid('super'), uid('deptA')] };
    expect((await regionA.post('/api/tours', body)).statusCode).toBe(403);
    const neg = await disp.post('/api/tours', { ...body, criteria: [{ key: 'a', name: '带动作用', max: -5 }] });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details[0]).toMatchObject({ path: 'criteria.0.max', message: '评分项分值应大于 0' });
    const dates = await disp.post('/api/tours', { ...body, endDate: '2026-06-14' });
    expect(dates.statusCode).toBe(400);
    expect(dates.json().error.details[0].path).toBe('endDate');
    const notPool = await disp.post('/api/tours', { ...body, judges: [uid('regionA')] });
    expect(notPool.statusCode).toBe(400);
    expect(notPool.json().error.message).toBe('评委须从评委库中选择');
    const res = await disp.post('/api/tours', body);
    expect(res.statusCode, res.body).toBe(201);
    tour = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', criteriaMax: 100, nominationCount: 0, scoringOpen: false, abilities: { manage: true } });
    expect(res.json().criteria.map((c: { name: string; max: number }) => `${c.name}${c.max}`)).toEqual(['与主导产业关联30', '投资强度和产出效益30', '带动作用20', '形象进度20']);
    expect(res.json().checklist.map((c: { name: string }) => c.name)).toContain('手续齐全');
    expect(res.json().judges.map((j: { name: string }) => j.name)).toEqual(['测试leader1', '测试super', '测试deptA']);
  });

  it('regions nominate within their own subtree only', async () => {
    const own = await townA1.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA1, projectId: projT1, category: 'industry', checklist: { permits: true, green: true } });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ name: `${MARK_T1}智能制造项目`, regionName: '桐君街道', ready: false, canEdit: true });
    nom.t1 = own.json().id;
    const other = await townA1.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA2, name: '别镇的项目' });
    expect(other.statusCode).toBe(403);
    const outside = await regionB.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA1, name: '越界推荐' });
    expect(outside.statusCode).toBe(403);
    const wrongProject = await regionA.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA2, projectId: projT1 });
    expect(wrongProject.statusCode).toBe(400);
    expect(wrongProject.json().error.message).toContain('不属于横村镇');
    const notVisibleProject = await regionB.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.countyB, projectId: projT1 });
    expect(notVisibleProject.statusCode).toBe(400);
    expect((await deptA.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA1, name: '部门推荐' })).statusCode).toBe(403);
    const county = await regionA.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA2, projectId: projT2, category: 'rural' });
    expect(county.statusCode, county.body).toBe(201);
    nom.t2 = county.json().id;
    const b = await regionB.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.countyB, projectId: projB, category: 'optional' });
    expect(b.statusCode, b.body).toBe(201);
    nom.b = b.json().id;
    const dup = await regionB.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.countyB, projectId: projB });
    expect(dup.statusCode).toBe(409);
    // a region changes only its own nominations
    expect((await townA1.patch(`/api/tours/${tour}/nominations/${nom.t2}`, { note: '改别人的' })).statusCode).toBe(404);
    const ticked = await townA1.patch(`/api/tours/${tour}/nominations/${nom.t1}`, { checklist: { completed: true, fresh: true } });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().ready).toBe(true);
    const badKey = await townA1.patch(`/api/tours/${tour}/nominations/${nom.t1}`, { checklist: { nope: true } });
    expect(badKey.statusCode).toBe(400);
  });

  it('photos: images only, seen by those who see the nomination', async () => {
    const up = await townA1.upload(`/api/tours/${tour}/nominations/${nom.t1}/photos`, PNG, '现场.png');
    expect(up.statusCode, up.body).toBe(201);
    const photo = up.json().photos[0];
    expect(photo).toMatchObject({ name: '现场.png', mime: 'image/png' });
    const notImage = await townA1.upload(`/api/tours/${tour}/nominations/${nom.t1}/photos`, Buffer.from('%PDF-1.4 not a photo'), 'x.pdf');
    expect(notImage.statusCode).toBe(400);
    expect((await regionB.upload(`/api/tours/${tour}/nominations/${nom.t1}/photos`, PNG, 'b.png')).statusCode).toBe(404);
    const get = await townA1.get(`/api/tours/${tour}/nominations/${nom.t1}/photos/${photo.id}`);
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe('image/png');
    expect((await regionB.get(`/api/tours/${tour}/nominations/${nom.t1}/photos/${photo.id}`)).statusCode).toBe(404);
    expect((await leader1.get(`/api/tours/${tour}/nominations/${nom.t1}/photos/${photo.id}`)).statusCode).toBe(200); // a judge
  });

  it('the itinerary names the stops; nothing can be scored before the tour opens', async () => {
    const it1 = await disp.patch(`/api/tours/${tour}`, { itinerary: [{ time: '08:30', stop: '县行政中心集合' }, { time: '09:00', nominationId: nom.t1 }, { time: '10:00', nominationId: nom.t2 }, { time: '11:00', nominationId: 999999 }] });
    expect(it1.statusCode).toBe(400);
    expect(it1.json().error.details[0].path).toBe('itinerary.3.nominationId');
    const it2 = await disp.patch(`/api/tours/${tour}`, { itinerary: [{ time: '08:30', stop: '县行政中心集合' }, { time: '09:00', nominationId: nom.t1 }, { time: '10:00', nominationId: nom.b }] });
    expect(it2.statusCode, it2.body).toBe(200);
    // regionA does not see 淳安's stop by name
    const seenByA = (await regionA.get(`/api/tours/${tour}`)).json();
    expect(seenByA.itinerary.map((s: { label: string }) => s.label)).toEqual(['县行政中心集合', `${MARK_T1}智能制造项目`, '观摩点']);
    const early = await leader1.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(25, 25, 15, 15) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('观摩尚在筹备，评分未开始');
    const open = await disp.patch(`/api/tours/${tour}`, { status: 'open' });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ status: 'open', scoringOpen: true });
    // nominations are closed once scoring opened
    const late = await regionA.post(`/api/tours/${tour}/nominations`, { regionCode: env.fx.townA2, name: '迟到的推荐项目' });
    expect(late.statusCode).toBe(409);
  });
});

describe('scoring', () => {
  it('a judge scores a project once; a second sheet is 409, a correction is a PATCH', async () => {
    const first = await leader1.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(27.5, 26, 18, 19) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ total: 90.5, judgeUserId: uid('leader1'), scores: { industry: 27.5 } });
    const again = await leader1.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(20, 20, 10, 10) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('您已为该项目评分，不能重复评分；如需更正请修改原评分表');
    const fix = await leader1.patch(`/api/tours/${tour}/scores/${first.json().id}`, { scores: scores(28, 26, 18, 19) });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(fix.json().total).toBe(91);
    expect((await superv.patch(`/api/tours/${tour}/scores/${first.json().id}`, { scores: scores(1, 1, 1, 1) })).statusCode).toBe(404);
  });

  it('names the field of a score above its maximum or negative; nothing is written', async () => {
    const before = await countSheets();
    const over = await superv.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(31, 26, 18, 19) });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details).toEqual([{ path: 'scores.industry', message: '「与主导产业关联」的分数不能超过满分 30 分' }]);
    const neg = await superv.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(20, -1, 18, 19) });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().error.details[0].path).toBe('scores.intensity');
    const missing = await superv.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: { industry: 20 } });
    expect(missing.statusCode).toBe(400);
    expect(await countSheets()).toBe(before);
  });

  it('only the tour’s judges score: 403 for anyone else', async () => {
    const before = await countSheets();
    const notJudge = await leader2.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(20, 20, 10, 10) });
    expect(notJudge.statusCode).toBe(403);
    expect(notJudge.json().error.message).toBe('您不是本次观摩的评委，不能评分');
    expect((await regionA.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(20, 20, 10, 10) })).statusCode).toBe(403);
    expect((await env.login('promo').then((a) => a.post(`/api/tours/${tour}/scores`, { nominationId: nom.t1, scores: scores(20, 20, 10, 10) }))).statusCode).toBe(403);
    expect(await countSheets()).toBe(before);
  });

  it('the rest of the panel scores; each sees its own sheets, the dispatcher all', async () => {
    const post = async (a: Agent, n: number | undefined, s: ReturnType<typeof scores>) => {
      const r = await a.post(`/api/tours/${tour}/scores`, { nominationId: n, scores: s });
      expect(r.statusCode, r.body).toBe(201);
    };
    await post(superv, nom.t1, scores(25, 25, 15, 15)); // 80
    await post(deptA, nom.t1, scores(26, 26, 17, 17)); // 86
    await post(leader1, nom.t2, scores(27, 27, 16, 16)); // 86
    await post(superv, nom.t2, scores(26, 27, 17, 16)); // 86
    await post(leader1, nom.b, scores(20, 20, 10, 10)); // 60
    expect((await superv.get(`/api/tours/${tour}/scores`)).json()).toHaveLength(2);
    expect((await disp.get(`/api/tours/${tour}/scores`)).json()).toHaveLength(6);
    expect((await regionA.get(`/api/tours/${tour}/scores`)).json()).toEqual([]);
  });

  it('outside the window nothing is written: after the end date, and before the tour date', async () => {
    const before = await countSheets();
    // a tour of last week whose scoring closed yesterday
    const past = (await disp.post('/api/tours', { name: '上周观摩', date: '2026-06-10', endDate: '2026-06-14', organiser: '县重点办', round: 1, judges: [uid('deptA')] })).json().id;
    await disp.post(`/api/tours/${past}/nominations`, { regionCode: env.fx.townA1, name: '上周的项目' });
    expect((await disp.patch(`/api/tours/${past}`, { status: 'open' })).statusCode).toBe(200);
    const pn = (await disp.get(`/api/tours/${past}`)).json().nominations[0].id;
    const late = await deptA.post(`/api/tours/${past}/scores`, { nominationId: pn, scores: scores(20, 20, 10, 10) });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('评分已于 2026-06-14 截止');
    const future = await disp.post('/api/tours', { name: '下季度观摩', date: '2026-07-01', organiser: '县重点办', round: 3, judges: [uid('leader1')] });
    const f = future.json().id;
    await disp.post(`/api/tours/${f}/nominations`, { regionCode: env.fx.townA1, name: '下季度项目' });
    await disp.patch(`/api/tours/${f}`, { status: 'open' });
    const fn = (await disp.get(`/api/tours/${f}`)).json().nominations[0].id;
    const early = await leader1.post(`/api/tours/${f}/scores`, { nominationId: fn, scores: scores(20, 20, 10, 10) });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('评分自观摩当日（2026-07-01）开始');
    expect(await countSheets()).toBe(before);
  });
});

describe('results', () => {
  it('the dispatcher sees them at once: mean, project ranks with ties, region ranks', async () => {
    const r = await disp.get(`/api/tours/${tour}/results`);
    expect(r.statusCode, r.body).toBe(200);
    const res = r.json();
    expect(res).toMatchObject({ visible: true, method: 'mean', panel: 3, criteriaMax: 100 });
    // 桐君: (91 + 80 + 86) / 3 = 85.67; 横村: 86; 淳安: 60
    expect(res.nominations.map((n: { name: string; score: number; rank: number; judges: number }) => [n.name.slice(0, 5), n.score, n.rank, n.judges])).toEqual([
      [MARK_T2, 86, 1, 2],
      [MARK_T1, 85.67, 2, 3],
      [MARK_B, 60, 3, 1],
    ]);
    expect(res.regions.map((g: { regionName: string; score: number; rank: number }) => [g.regionName, g.score, g.rank])).toEqual([
      ['横村镇', 86, 1],
      ['桐君街道', 85.67, 2],
      ['淳安县', 60, 3],
    ]);
    // the trimmed mean is shown too, with its fallback named
    const t2 = res.nominations.find((n: { nominationId: number }) => n.nominationId === nom.t2);
    expect(t2).toMatchObject({ trimmedMean: 86, trimmed: false });
  });

  it('a region sees its own nominations’ scores only once the tour is closed', async () => {
    const before = (await townA1.get(`/api/tours/${tour}/results`)).json();
    expect(before).toMatchObject({ visible: false, nominations: [], regions: [] });
    const closed = await disp.patch(`/api/tours/${tour}`, { status: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    const town = (await townA1.get(`/api/tours/${tour}/results`)).json();
    expect(town.visible).toBe(true);
    expect(town.nominations.map((n: { nominationId: number; rank: number }) => [n.nominationId, n.rank])).toEqual([[nom.t1, 2]]);
    expect(town.regions.map((g: { regionName: string; rank: number }) => [g.regionName, g.rank])).toEqual([['桐君街道', 2]]);
    const b = await regionB.get(`/api/tours/${tour}/results`);
    expect(b.json().nominations.map((n: { nominationId: number }) => n.nominationId)).toEqual([nom.b]);
    expect(b.body).not.toContain(MARK_T1);
    expect(b.body).not.toContain(MARK_T2);
    // no scoring once closed
    const after = await deptA.post(`/api/tours/${tour}/scores`, { nominationId: nom.t2, scores: scores(20, 20, 10, 10) });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toBe('观摩评比已结束，评分已关闭');
  });

  it('tourUnitScores gives every region its score of 100 and rank, for a judged competition item', async () => {
    const u = await tourUnitScores(env.ctx, tour);
    expect(u).toMatchObject({ id: tour, status: 'closed' });
    expect([...u!.units.entries()].map(([k, v]) => [k, v.score ? roundQ(v.score, 2) : null, v.rank, v.judges])).toEqual([
      [`region:${env.fx.townA1}`, 85.67, 2, 3],
      [`region:${env.fx.townA2}`, 86, 1, 2],
      [`region:${env.fx.countyB}`, 60, 3, 1],
    ]);
    expect(await tourUnitScores(env.ctx, 999999)).toBeNull();
  });

  it('every change is audited', async () => {
    const r = await env.ctx.db.execute(sql`SELECT action, count(*) AS n FROM audit_events WHERE action LIKE 'tour.%' GROUP BY action ORDER BY action`);
    const got = Object.fromEntries((r.rows as Array<{ action: string; n: number }>).map((x) => [x.action, Number(x.n)]));
    expect(Object.keys(got)).toEqual(['tour.create', 'tour.judge', 'tour.nominate', 'tour.nomination', 'tour.photo', 'tour.score', 'tour.update']);
    expect(got['tour.score']).toBe(7); // six sheets and one correction
  });
});

describe('济宁 rank votes', () => {
  it('each judge ranks every project once; points 100, 97, 94 … averaged over the votes', async () => {
    const created = await disp.post('/api/tours', { name: '名次投票观摩', date: '2026-06-15', organiser: '市重点办', level: '市级', round: 1, method: 'borda', judges: [uid('leader1'), uid('super'), uid('deptA')] });
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json().id;
    const ids: number[] = [];
    for (const name of ['甲项目', '乙项目', '丙项目']) ids.push((await disp.post(`/api/tours/${b}/nominations`, { regionCode: name === '丙项目' ? env.fx.countyB : env.fx.townA1, name })).json().id);
    await disp.patch(`/api/tours/${b}`, { status: 'open' });
    const partial = await leader1.post(`/api/tours/${b}/scores`, { ranking: [ids[0], ids[1]] });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().error.details[0]).toEqual({ path: 'ranking', message: '请为全部 3 个项目排出名次' });
    expect((await leader1.post(`/api/tours/${b}/scores`, { ranking: [ids[0], ids[1], ids[2]] })).statusCode).toBe(201);
    expect((await leader1.post(`/api/tours/${b}/scores`, { ranking: [ids[1], ids[0], ids[2]] })).statusCode).toBe(409);
    expect((await superv.post(`/api/tours/${b}/scores`, { ranking: [ids[1], ids[0], ids[2]] })).statusCode).toBe(201);
    expect((await deptA.post(`/api/tours/${b}/scores`, { ranking: [ids[2], ids[0], ids[1]] })).statusCode).toBe(201);
    const res = (await disp.get(`/api/tours/${b}/results`)).json();
    // 甲: (100 + 97 + 97) / 3 = 98; 乙: (97 + 100 + 94) / 3 = 97; 丙: (94 + 94 + 100) / 3 = 96
    expect(res.nominations.map((n: { name: string; borda: number; rank: number }) => [n.name, n.borda, n.rank])).toEqual([
      ['甲项目', 98, 1],
      ['乙项目', 97, 2],
      ['丙项目', 96, 3],
    ]);
    expect(res.regions.map((g: { regionName: string; score: number; rank: number }) => [g.regionName, g.score, g.rank])).toEqual([
      ['桐君街道', 97.5, 1],
      ['淳安县', 96, 2],
    ]);
    // the method cannot change once votes are in
    expect((await disp.patch(`/api/tours/${b}`, { method: 'mean' })).statusCode).toBe(409);
  });
});

describe('nothing leaks, role by role', () => {
  const SEES: Record<string, string[]> = {
    admin1: [MARK_T1, MARK_T2, MARK_B],
    disp: [MARK_T1, MARK_T2, MARK_B],
    super: [MARK_T1, MARK_T2, MARK_B],
    promo: [MARK_T1, MARK_T2, MARK_B],
    leader1: [MARK_T1, MARK_T2, MARK_B], // a judge of the tour
    deptA: [MARK_T1, MARK_T2, MARK_B], // a judge of the tour
    regionA: [MARK_T1, MARK_T2],
    townA1: [MARK_T1],
    regionB: [MARK_B],
    leader2: [],
    unitA: [],
  };
  it.each(FIXTURE_USERS.map((u) => u.username))('%s sees the nominations of its scope only, in every answer', async (username) => {
    const a = await env.login(username);
    const urls = ['/api/tours', `/api/tours/${tour}`, `/api/tours/${tour}/nominations`, `/api/tours/${tour}/results`, `/api/tours/${tour}/scores`];
    const seen = new Set<string>();
    for (const url of urls) {
      const r = await a.get(url);
      if (username === 'unitA') {
        expect(r.statusCode, url).toBe(403); // project units hold no tour:read
        continue;
      }
      expect(r.statusCode, `${url} ${r.body}`).toBe(200);
      for (const m of [MARK_T1, MARK_T2, MARK_B]) if (r.body.includes(m)) seen.add(m);
    }
    expect([...seen].sort()).toEqual([...SEES[username]!].sort());
  });
});

describe('the judge pool keeps its judges in use', () => {
  it('a judge on a tour cannot be removed; an unused one can', async () => {
    const pool = (await disp.get('/api/tour-judges')).json() as Array<{ id: number; username: string }>;
    const l1 = pool.find((j) => j.username === 'leader1')!;
    const l2 = pool.find((j) => j.username === 'leader2')!;
    const inUse = await disp.delete(`/api/tour-judges/${l1.id}`);
    expect(inUse.statusCode).toBe(409);
    expect((await disp.delete(`/api/tour-judges/${l2.id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/tour-judges')).json()).toHaveLength(3);
  });
});
