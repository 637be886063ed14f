import { inArray } from 'drizzle-orm';
import type { Role, ScopeType } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { chinaToday, ManualClock } from '../../core/clock.js';
import { projects, users } from '../../db/schema.js';
import { addJudge, createTour, nominate, submitSheet, updateTour } from './tours.service.js';

/**
 * The demo county's tours:
 * - the judge pool: 郑县长, 孙副县长, 冯副县长, 赵督查 (县委督查室), 吴资规 (自然资源局) and 王调度;
 * - last quarter's tour (e.g. 2026年第三季度重点项目现场观摩), four weeks ago: six projects from
 *   分水镇, 横村镇 and 瑶琳镇, five judges, every sheet in, closed: results by trimmed mean;
 * - this quarter's tour (e.g. 第四季度), a week from today, open, with the same panel and two
 *   projects: judges score from the tour date on.
 * Deterministic for a given day.
 */
const JUDGES: Array<[username: string, title: string, organisation: string]> = [
  ['xianzhang', '县长', '县人民政府'],
  ['fuxianzhang', '常务副县长', '县人民政府'],
  ['fuxianzhang2', '副县长', '县人民政府'],
  ['ducha', '督查室主任', '县委督查室'],
  ['ziranziyuan', '审批科科长', '县自然资源和规划局'],
  ['diaodu', '重点办主任', '县发改局'],
];
const PANEL = ['xianzhang', 'fuxianzhang', 'fuxianzhang2', 'ducha', 'ziranziyuan'];

const NOMINATIONS: Array<[project: string, region: string, category: 'industry' | 'rural' | 'optional', base: number]> = [
  ['分水制笔产业园提升改造工程', '330122103', 'industry', 88],
  ['分水镇集镇有机更新', '330122103', 'optional', 80],
  ['横村针织产业数字化改造项目', '330122102', 'industry', 91],
  ['横村镇现代农业产业园', '330122102', 'rural', 84],
  ['瑶琳仙境景区提升工程', '330122104', 'optional', 86],
  ['瑶琳镇农旅融合示范区', '330122104', 'rural', 79],
];
/** How each judge of the panel leans, in points of 100. */
const LEAN = [2, -1, 0, 3, -2];

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const half = (x: number) => Math.round(x * 2) / 2;

export async function seedDemoTours(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const y = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const [lastY, lastQ] = quarter === 1 ? [y - 1, 4] : [y, quarter - 1];
  const QZH = ['', '一', '二', '三', '四'];

  const accounts = await ctx.db.select().from(users).where(inArray(users.username, JUDGES.map((j) => j[0])));
  const account = (username: string) => accounts.find((u) => u.username === username)!;
  for (const [username, title, organisation] of JUDGES) await addJudge(ctx, { userId: account(username).id, title, organisation });
  const panel = PANEL.map((u) => account(u).id);
  const ids = new Map((await ctx.db.select({ id: projects.id, name: projects.name }).from(projects)).map((p) => [p.name, p.id]));

  // --- last quarter's tour: toured four weeks ago, every sheet in, closed
  const date = addDays(today, -28);
  const past = await createTour(ctx, {
    name: `${lastY}年第${QZH[lastQ]}季度重点项目现场观摩`,
    date,
    endDate: addDays(date, 1),
    level: '县级',
    organiser: '县委县政府（县重点项目推进办公室）',
    round: lastQ,
    method: 'trimmed',
    judges: panel,
    note: '各乡镇（街道）每个停车点交流不超过1小时；评议成绩计入乡镇（街道）年度考核',
  });
  const noms: number[] = [];
  for (const [i, [project, region, category]] of NOMINATIONS.entries()) {
    const n = await nominate(ctx, past.id, { regionCode: region, projectId: ids.get(project) ?? null, name: project, category, checklist: { permits: true, green: true, completed: i !== 5, fresh: true }, order: i + 1 });
    noms.push(n.id);
  }
  await updateTour(ctx, past.id, {
    itinerary: [
      { time: '08:00', nominationId: null, stop: '县行政中心集合出发' },
      ...noms.map((id, i) => ({ time: ['08:40', '09:30', '10:30', '11:20', '14:00', '14:50'][i]!, nominationId: id, stop: null })),
      { time: '16:00', nominationId: null, stop: '县行政中心讲评会' },
    ],
  });
  await updateTour(ctx, past.id, { status: 'open' });
  for (const [j, username] of PANEL.entries()) {
    const u = account(username);
    const as: Ctx = {
      ...ctx,
      clock: new ManualClock(new Date(`${date}T${String(15 + j).padStart(2, '0')}:30:00+08:00`)),
      user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scopeType: u.scopeType as ScopeType, regionCode: u.regionCode, departmentId: u.departmentId, enterpriseId: u.enterpriseId },
    };
    for (const [i, [, , , base]] of NOMINATIONS.entries()) {
      const total = Math.min(100, base + LEAN[j]! + ((i * 7 + j * 3) % 5) - 2);
      const scores = { industry: Math.min(30, half(total * 0.3)), intensity: Math.min(30, half(total * 0.3)), leading: Math.min(20, half(total * 0.2)), progress: 0 };
      scores.progress = Math.max(0, Math.min(20, total - scores.industry - scores.intensity - scores.leading));
      await submitSheet(as, past.id, { nominationId: noms[i]!, scores, comment: i === 2 && j === 0 ? '数字化改造成效明显，可在全县推广' : null });
    }
  }
  await updateTour({ ...ctx, clock: new ManualClock(new Date(`${addDays(date, 2)}T09:00:00+08:00`)) }, past.id, { status: 'closed' });

  // --- this quarter's tour: a week from today, open
  const next = addDays(today, 7);
  const coming = await createTour(ctx, {
    name: `${y}年第${QZH[quarter]}季度重点项目现场观摩`,
    date: next,
    endDate: addDays(next, 2),
    level: '县级',
    organiser: '县委县政府（县重点项目推进办公室）',
    round: quarter,
    method: 'trimmed',
    judges: panel,
    itinerary: [{ time: '08:00', nominationId: null, stop: '县行政中心集合出发' }],
  });
  await nominate(ctx, coming.id, { regionCode: '330122003', projectId: ids.get('桐庐快递物流科创园') ?? null, name: '桐庐快递物流科创园', category: 'industry', checklist: { permits: true, green: true, completed: false, fresh: true }, order: 1 });
  await nominate(ctx, coming.id, { regionCode: '330122101', projectId: ids.get('富春江绿道三期') ?? null, name: '富春江绿道三期', category: 'rural', checklist: { permits: true, green: true, completed: true, fresh: true }, order: 2 });
  await updateTour(ctx, coming.id, { status: 'open' });
}
