/**
 * The demo county's 交办 items, a proposal and a campaign, made through the services by the demo
 * users at past moments (dates relative to ctx.clock):
 * - 县委常委会 → 自然资源局: 生态修复工程用地报批, answered within its limit and rated 满意 (办结);
 * - 县委常委会 → 分水镇: 制笔产业园闲置厂房盘活, never answered: today's run escalates it;
 * - a 建议提案 to 开发区 (with 交通运输局) answered on time, waiting for the rating;
 * - 大干60天 (11-02 to 12-31 of the current year) with ledger projects, the 农村户厕改造 target of
 *   分水镇, and the key tasks the tasks module answers for.
 */
import type { Role, ScopeType } from '@tiaodu/contracts';
import { departments, indicators, projects, users } from '../../db/schema.js';
import { chinaToday, ManualClock } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { taskStatusOf } from '../tasks/tasks.service.js';
import { answerAssignment, createAssignment, escalateOverdueAssignments, rateAssignment } from './assignments.service.js';
import { createCampaign } from './campaigns.service.js';

export async function seedDemoAssignments(ctx: Ctx): Promise<void> {
  const cal = await loadCalendar(ctx.db);
  const today = chinaToday(ctx.clock.now());
  const people = await ctx.db.select().from(users);
  const dept = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.name, d.id]));
  const as = (username: string, daysAgo: number, hour = 10): Ctx => {
    const u = people.find((x) => x.username === username)!;
    const day = daysAgo > 0 ? cal.addWorkdays(cal.previousWorkday(today), -daysAgo) : today;
    return {
      ...ctx,
      clock: new ManualClock(new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)),
      user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scopeType: u.scopeType as ScopeType, regionCode: u.regionCode, departmentId: u.departmentId, enterpriseId: u.enterpriseId },
    };
  };
  const county = people.find((u) => u.username === 'xianzhang')?.personId ?? null;
  const meetingDay = (daysAgo: number) => cal.addWorkdays(cal.previousWorkday(today), -daysAgo);
  const nr = dept.get('桐庐县自然资源和规划局');
  const jt = dept.get('桐庐县交通运输局');
  if (!nr || !jt) return;

  // 1. answered within its limit and rated 满意
  let a = await createAssignment(as('diaodu', 12), {
    kind: '交办',
    title: '富春江生态保护修复工程用地报批',
    content: '县委常委会研究：请自然资源局加快富春江生态保护修复工程二期用地报批，明确报批时间表并报县委办。',
    source: 'meeting',
    meetingName: '县委常委会',
    meetingDate: meetingDay(12),
    assignerPersonId: county,
    assignee: { unitType: 'department', unitId: String(nr) },
    coUnits: [{ unitType: 'region', unitId: '330122101' }],
    limitDays: 5,
    dueDate: null,
  });
  a = await answerAssignment(as('ziranziyuan', 9), a.id, { answer: '二期用地报批材料已于本周报送市局，预计下月取得批复，报批时间表已报县委办。', version: a.version });
  await rateAssignment(as('xianzhang', 8), a.id, { rating: 'satisfied', note: '推进有力', version: a.version });

  // 2. never answered: overdue and escalated by today's run
  await createAssignment(as('diaodu', 14), {
    kind: '交办',
    title: '分水制笔产业园闲置厂房盘活',
    content: '县委常委会研究：请分水镇摸清制笔产业园闲置厂房底数，提出盘活方案，引进制笔配套企业。',
    source: 'meeting',
    meetingName: '县委常委会',
    meetingDate: meetingDay(14),
    assignerPersonId: county,
    assignee: { unitType: 'region', unitId: '330122103' },
    coUnits: [{ unitType: 'department', unitId: String(dept.get('桐庐县经济和信息化局') ?? nr) }],
    limitDays: 5,
    dueDate: null,
  });

  // 3. a proposal answered on time, waiting for the rating
  a = await createAssignment(as('diaodu', 6), {
    kind: '建议提案',
    title: '关于开通园区职工夜班公交的建议',
    content: '县政协委员提出：开发区企业职工夜班下班后出行不便，建议开通开发区至县城的夜班公交线路。',
    source: 'leader',
    meetingName: null,
    meetingDate: null,
    assignerPersonId: county,
    assignee: { unitType: 'region', unitId: '330122400' },
    coUnits: [{ unitType: 'department', unitId: String(jt) }],
    limitDays: 10,
    dueDate: null,
  });
  await answerAssignment(as('kaifaqu', 2), a.id, { answer: '已会同交通运输局、公交公司测算客流，拟于下月起试运行开发区至县城夜班线路两条。', version: a.version });

  await escalateOverdueAssignments(ctx);

  // 大干60天
  const year = Number(today.slice(0, 4));
  const names = ['320国道桐庐段改建工程', '富春江生态保护修复工程', '分水江水利枢纽配套灌区工程', '桐庐220千伏输变电工程'];
  const rows = await ctx.db.select({ id: projects.id, name: projects.name }).from(projects);
  const items: Parameters<typeof createCampaign>[1]['items'] = [];
  for (const n of names) {
    const p = rows.find((r) => r.name === n);
    if (p) items.push({ kind: 'project', projectId: p.id, target: null });
  }
  const [toilet] = (await ctx.db.select({ id: indicators.id, code: indicators.code }).from(indicators)).filter((i) => i.code === 'rural_toilet');
  if (toilet) items.push({ kind: 'indicator', indicatorId: toilet.id, unitType: 'region', unitId: '330122103', target: null });
  const tasks = await taskStatusOf(ctx, Array.from({ length: 20 }, (_, i) => i + 1));
  for (const t of [...tasks.values()].slice(0, 5)) items.push({ kind: 'task', taskId: t.id });
  await createCampaign(as('diaodu', 0, 9), {
    name: '大干60天',
    startDate: `${year}-11-02`,
    endDate: `${year}-12-31`,
    description: '奋战四季度、大干六十天：对照年度目标，重点项目投资、农村户厕改造和年度重点任务逐项攻坚、挂图作战。',
    items,
  });
}
