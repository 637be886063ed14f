import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Role, ScopeType } from '@tiaodu/contracts';
import { departments, monthlyReports, projects, users } from '../../db/schema.js';
import { chinaToday, ManualClock } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { acceptProblem, answerProblem, assignProblem, escalateOverdueProblems, raiseFromReport, raiseProblem, rateProblem } from './problems.service.js';

/** 分管领导 of the departments the demo problems go to (the second level of the ladder). */
const IN_CHARGE: Array<[dept: string, leader: string]> = [
  ['桐庐县自然资源和规划局', 'fuxianzhang2'],
  ['桐庐县住房和城乡建设局', 'fuxianzhang2'],
  ['桐庐县交通运输局', 'fuxianzhang'],
  ['桐庐县经济和信息化局', 'fuxianzhang'],
  ['国网桐庐县供电公司', 'fuxianzhang'],
];

/**
 * Problems of the demo county in every state, made through the problems service by the demo
 * users at past moments (so timelines, notices and audit read as they would have happened),
 * then the escalation run of today:
 * - 用地规划条件调整 (富春智造): assigned to 自然资源局 15 working days ago with 5 days, never
 *   answered: climbs to 分管领导 and then to 包保领导;
 * - 线路走廊林木采伐许可 (分水110千伏): assigned 28 working days ago, at the top level
 *   (县委县政府调度会) and overdue there;
 * - 外资企业注册手续 (招商): just raised, waiting for the dispatcher;
 * - 进场道路征地拆迁 (320国道): assigned to 交通局, within its limit;
 * - 施工临时用水 (智能制造产业园): answered, waiting for the unit's rating;
 * - 二期用地指标: 暂缓 with its condition and date, waiting for the rating;
 * - 施工图变更审查 (物流港): answered and rated 满意, 已销号;
 * - one problem raised from last month's monthly report (来源：月报).
 */
export async function seedDemoProblems(ctx: Ctx): Promise<void> {
  const cal = await loadCalendar(ctx.db);
  const today = chinaToday(ctx.clock.now());
  const dept = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.name, d.id]));
  const people = await ctx.db.select().from(users);
  const uid = (username: string) => people.find((u) => u.username === username)!.id;
  const personOf = (username: string) => people.find((u) => u.username === username)!.personId;
  for (const [d, leader] of IN_CHARGE) if (dept.has(d)) await ctx.db.update(departments).set({ leaderId: personOf(leader) }).where(eq(departments.id, dept.get(d)!));
  const proj = new Map((await ctx.db.select({ id: projects.id, name: projects.name }).from(projects)).map((p) => [p.name, p.id]));

  /** The demo user `username` acting on the working day `daysAgo` working days before today, at `hour`. */
  const as = (username: string, daysAgo: number, hour = 10): Ctx => {
    const u = people.find((x) => x.username === username)!;
    const day = daysAgo > 0 ? cal.addWorkdays(cal.previousWorkday(today), -daysAgo) : today;
    return {
      ...ctx,
      clock: new ManualClock(new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)),
      user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scopeType: u.scopeType as ScopeType, regionCode: u.regionCode, departmentId: u.departmentId, enterpriseId: u.enterpriseId },
    };
  };
  const nr = dept.get('桐庐县自然资源和规划局')!;
  const ziran = uid('ziranziyuan');

  // 1. overdue twice over: 自然资源局 → 分管领导 → 包保领导
  let p = await raiseProblem(as('xiangmu', 16), {
    projectId: proj.get('富春智造年产50万台智能装备生产线项目')!,
    category: 'land',
    title: '项目用地规划条件调整',
    description: '厂区容积率需由1.2调整至1.6，规划条件调整申请已提交一个月，尚未批复，影响施工图设计。',
  });
  p = await assignProblem(as('diaodu', 15), p.id, { responsibleDeptId: nr, responsibleUserId: ziran, limitDays: 5, note: '请加快审查', version: p.version });
  await acceptProblem(as('ziranziyuan', 14), p.id, { note: '已受理，正在组织论证', version: p.version });

  // 2. just raised by the investment-promotion officer
  await raiseProblem(as('zhaoshang', 0, 9), {
    projectId: proj.get('桐庐快递物流科创园')!,
    category: 'approval',
    title: '外资股东变更后企业登记手续',
    description: '项目公司引入外资股东后需办理企业变更登记和外资备案，企业对办理流程不熟悉，请协调市场监管、商务部门指导。',
  });

  // 3. within its limit
  p = await raiseProblem(as('diaodu', 3), { projectId: proj.get('320国道桐庐段改建工程')!, category: 'demolition', title: '进场道路沿线3户房屋征收未完成', description: '旧县街道段3户房屋征收补偿未谈妥，影响进场道路贯通。' });
  await assignProblem(as('diaodu', 3, 15), p.id, { responsibleDeptId: dept.get('桐庐县交通运输局')!, responsibleUserId: null, limitDays: 10, note: '会同旧县街道办理', version: p.version });

  // 4. answered, waiting for the unit's rating
  p = await raiseProblem(as('xiangmu', 9), { projectId: proj.get('桐庐经济开发区智能制造产业园一期')!, category: 'utilities', title: '施工临时用水接入', description: '二号地块施工临时用水管网未接入，目前靠水车运水。' });
  p = await assignProblem(as('diaodu', 8), p.id, { responsibleDeptId: nr, responsibleUserId: ziran, limitDays: 5, note: null, version: p.version });
  p = await acceptProblem(as('ziranziyuan', 8, 15), p.id, { note: null, version: p.version });
  await answerProblem(as('ziranziyuan', 5), p.id, { outcome: 'solved', answer: '已协调水务集团从园区主管网接出DN100临时管道，本周五通水。', deferralCondition: null, deferralDate: null, version: p.version });

  // 5. 暂缓, waiting for the rating
  p = await raiseProblem(as('xiangmu', 12), { projectId: proj.get('桐庐经济开发区智能制造产业园一期')!, category: 'land', title: '二期用地指标未落实', description: '二期约120亩用地尚无新增建设用地指标，二期无法按计划供地。' });
  p = await assignProblem(as('diaodu', 11), p.id, { responsibleDeptId: nr, responsibleUserId: ziran, limitDays: 10, note: null, version: p.version });
  const expected = cal.addWorkdays(today, 60);
  await answerProblem(as('ziranziyuan', 4), p.id, { outcome: 'deferred', answer: '本年度县级新增建设用地指标已用完，已列入下一批次省级指标申报。', deferralCondition: '省级新增建设用地指标下达', deferralDate: expected, version: p.version });

  // 6. closed: answered and rated 满意
  p = await raiseProblem(as('diaodu', 20), { projectId: proj.get('桐庐物流港综合物流园')!, category: 'approval', title: '冷库施工图变更审查', description: '冷库由单层改为双层，施工图变更需重新审查。' });
  p = await assignProblem(as('diaodu', 20, 15), p.id, { responsibleDeptId: dept.get('桐庐县住房和城乡建设局')!, responsibleUserId: null, limitDays: 5, note: null, version: p.version });
  p = await answerProblem(as('diaodu', 17), p.id, { outcome: 'solved', answer: '住建局已开通绿色通道，变更图纸审查合格。', deferralCondition: null, deferralDate: null, version: p.version });
  await rateProblem(as('diaodu', 16), p.id, { rating: 'satisfied', note: '办理迅速', limitDays: undefined, version: p.version });

  // 8. left alone for six weeks: at the top of the ladder (县委县政府调度会) and still overdue
  p = await raiseProblem(as('diaodu', 29), {
    projectId: proj.get('分水110千伏线路改造工程')!,
    category: 'utilities',
    title: '线路走廊林木采伐许可',
    description: '新建线路走廊涉及公益林约30亩，林木采伐许可未办理，铁塔基础无法施工。',
  });
  await assignProblem(as('diaodu', 28), p.id, { responsibleDeptId: dept.get('国网桐庐县供电公司')!, responsibleUserId: null, limitDays: 5, note: '会同自然资源局办理', version: p.version });

  // 7. from last month's monthly report
  const [report] = await ctx.db
    .select({ id: monthlyReports.id })
    .from(monthlyReports)
    .where(and(isNotNull(monthlyReports.problemsText), inArray(monthlyReports.status, ['submitted', 'accepted'])))
    .orderBy(sql`${monthlyReports.year} DESC, ${monthlyReports.month} DESC, ${monthlyReports.id}`)
    .limit(1);
  if (report) await raiseFromReport(as('diaodu', 2), report.id, { category: 'construction' });

  // time has run since: today's escalation run
  await escalateOverdueProblems(ctx);
}
