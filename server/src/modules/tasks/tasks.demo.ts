import { sql } from 'drizzle-orm';
import type { Role, ScopeType } from '@tiaodu/contracts';
import type { Ctx } from '../../core/context.js';
import { chinaToday, ManualClock } from '../../core/clock.js';
import { loadCalendar, shiftDate } from '../../core/calendar.js';
import { DEMO_COUNTY } from '../../core/demo.js';
import { createTask, reportProgress, reviewReport, urgeTask, updateTask } from './tasks.service.js';
import { parseTaskPeriod, periodOf, previousTaskPeriod } from './domain/periods.js';

/**
 * The demo county's key tasks (桐庐县), all dated from today so the demo runs on any day:
 * - 农村生活污水治理攻坚 (攻坚战役, 24 sites) with sub-tasks to 分水镇 and 横村镇 and monthly
 *   reports since it began (accepted, the last one waiting for review);
 * - the 水利局's half-year review: 20 of 24 sites done, 65% of the dredging (accepted);
 * - 十项重点工作 of the year's last 60 days with dated deliverables and persons;
 * - 重大项目攻坚 linked to ledger projects (their completed investment and starts roll in);
 * - 土地征收攻坚 of the 自然资源局, red by an overdue node, with one 督办 open;
 * - 分水镇's 制笔产业园 task.
 */
export async function seedDemoTasks(ctx: Ctx): Promise<void> {
  const today = chinaToday(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const cal = await loadCalendar(ctx.db);
  const users = new Map<string, { id: number; role: string; scope_type: string; region_code: string | null; department_id: number | null; person_id: number | null; display_name: string }>();
  for (const u of (await ctx.db.execute(sql`SELECT id, username, role, scope_type, region_code, department_id, person_id, display_name FROM users`)).rows as Array<Record<string, unknown>>)
    users.set(String(u.username), u as never);
  const need = ['diaodu', 'ducha', 'fenshui', 'ziranziyuan', 'xianzhang', 'fuxianzhang', 'fuxianzhang2'];
  if (need.some((u) => !users.has(u))) return;
  const person = (u: string) => users.get(u)!.person_id ?? null;
  const dept = new Map<string, number>();
  for (const d of (await ctx.db.execute(sql`SELECT id, short_name FROM departments`)).rows as Array<{ id: number; short_name: string | null }>) if (d.short_name) dept.set(d.short_name, Number(d.id));
  const people = new Map<string, number>();
  for (const p of (await ctx.db.execute(sql`SELECT id, name FROM people`)).rows as Array<{ id: number; name: string }>) people.set(p.name, Number(p.id));
  const D = (name: string) => ({ unitType: 'department' as const, unitId: String(dept.get(name)) });
  const R = (code: string) => ({ unitType: 'region' as const, unitId: code });
  const FENSHUI = '330122103';
  const HENGCUN = '330122102';
  const YAOLIN = '330122104';
  /** A context acting as a demo user on a given China day. */
  const as = (username: string, day: string, hour = 10): Ctx => {
    const u = users.get(username)!;
    return {
      ...ctx,
      clock: new ManualClock(new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`)),
      user: { id: Number(u.id), username, displayName: u.display_name, role: u.role as Role, scopeType: u.scope_type as ScopeType, regionCode: u.region_code, departmentId: u.department_id, enterpriseId: null },
    };
  };
  const began = shiftDate(today, -150);
  const yearEnd = `${year}-12-31`;
  // the task's deadline in the year, never before today's next month
  const within = (d: string) => (d < today || d > yearEnd ? yearEnd : d);

  /** Monthly reports from `from` to the last closed month: cumulative figures, all accepted but the last. */
  const reportMonths = async (taskId: number, reporter: string, from: string, figures: (i: number, n: number) => Array<{ targetId: number; value: string }>, text: (i: number) => string, lastPending = true) => {
    const months: string[] = [];
    let p = previousTaskPeriod(periodOf('monthly', today));
    while (p.start >= from.slice(0, 8) + '01' && months.length < 12) {
      months.unshift(p.period);
      p = previousTaskPeriod(p);
    }
    for (const [i, m] of months.entries()) {
      const end = parseTaskPeriod(m)!.end;
      const day = cal.addWorkdays(end, 1) <= today ? cal.addWorkdays(end, 1) : today;
      const r = await reportProgress(as(reporter, day), taskId, { period: m, figures: figures(i, months.length), text: text(i), nodeIdsDone: [] });
      if (!(lastPending && i === months.length - 1)) await reviewReport(as('ducha', day, 15), r.id, { action: 'accept', reason: null });
    }
  };

  // 1. 攻坚战役: 农村生活污水治理攻坚
  const sewage = await createTask(as('diaodu', began), {
    title: '农村生活污水治理攻坚',
    type: '攻坚战役',
    year,
    leadLeaderId: person('fuxianzhang'),
    leadUnit: D('生态环境分局'),
    coUnits: [D('水利局'), R(FENSHUI), R(HENGCUN), R(YAOLIN)],
    followerId: person('fuxianzhang2'),
    benchmark: '对标省农村生活污水治理"强基增效双提标"示范县',
    description: '全县农村生活污水处理站点提标改造，出水水质达标率95%以上',
    targets: [{ name: '处理站点提标改造', value: 24, unit: '处', main: true, breakdown: { by: 'quarter', values: [3, 9, 8, 4] } }],
    cadence: 'monthly',
    deadline: within(yearEnd),
    publicCommitment: true,
    nodes: [],
    projectIds: [],
  });
  const sites = sewage.targets[0]!.id;
  await reportMonths(
    sewage.id,
    'diaodu',
    began,
    (i, n) => [{ targetId: sites, value: String(Math.min(24, Math.round((20 * (i + 1)) / Math.max(n, 1)))) }],
    (i) => `第${i + 1}批站点完成提标改造，运行稳定`,
  );
  for (const [code, n] of [
    [FENSHUI, 8],
    [HENGCUN, 8],
  ] as const) {
    await createTask(as('diaodu', began), {
      title: `${code === FENSHUI ? '分水镇' : '横村镇'}污水处理站点提标改造`,
      type: '攻坚战役',
      year,
      leadLeaderId: person('fuxianzhang'),
      parentId: sewage.id,
      leadUnit: R(code),
      coUnits: [],
      personId: code === FENSHUI ? person('fenshui') : null,
      targets: [{ name: '站点提标改造', value: n, unit: '处' }],
      cadence: 'monthly',
      deadline: within(yearEnd),
      nodes: [{ name: '设计方案批复', dueDate: within(shiftDate(began, 30)) }],
      projectIds: [],
    });
  }

  // 2. 水利局 half-year review: 20 of 24 sites, 65% of the dredging
  const water = await createTask(as('diaodu', began), {
    title: '水利局年度重点工作：污水站点与河道清淤',
    type: '重点工作',
    year,
    leadLeaderId: person('fuxianzhang2'),
    leadUnit: D('水利局'),
    coUnits: [R(FENSHUI), R(YAOLIN)],
    targets: [
      { name: '污水处理站点', value: 24, unit: '处', main: true },
      { name: '河道清淤', value: 10, unit: '万方' },
    ],
    cadence: 'monthly',
    deadline: within(yearEnd),
    nodes: [],
    projectIds: [],
  });
  {
    const last = previousTaskPeriod(periodOf('monthly', today));
    const day = cal.addWorkdays(last.end, 1) <= today ? cal.addWorkdays(last.end, 1) : today;
    if (last.start >= began.slice(0, 8) + '01') {
      const r = await reportProgress(as('diaodu', day), water.id, {
        period: last.period,
        figures: [
          { targetId: water.targets[0]!.id, value: '20' },
          { targetId: water.targets[1]!.id, value: '6.5' },
        ],
        text: '半年小结：污水站点完成20处（共24处），河道清淤完成65%（6.5万方）',
      });
      await reviewReport(as('ducha', day, 15), r.id, { action: 'accept', reason: null });
    }
  }

  // 3. 十项重点工作 of the year's last 60 days: dated deliverables and persons
  const last60 = shiftDate(yearEnd, -60);
  const ten: Array<[string, string, string, number]> = [
    ['城南未来社区通过省级验收', '住建局', '邵副县长', 10],
    ['富春江科技城新材料产业园一期投产', '经信局', '孙副县长', 25],
    ['国道320桐庐段改建工程完工', '交通局', '冯副县长', 40],
    ['县域医共体总院新院区开诊', '卫健局', '邵副县长', 55],
  ];
  for (const [title, unit, leader, offset] of ten) {
    const due = within(shiftDate(last60, offset));
    await createTask(as('diaodu', today), {
      title,
      type: '重点工作',
      year,
      leadLeaderId: people.get(leader) ?? null,
      leadUnit: D(unit),
      coUnits: [D('发改局')],
      personId: people.get(leader) ?? null,
      targets: [{ name: title, kind: 'deliverable', dueDate: due }],
      cadence: 'xun',
      deadline: due,
      nodes: [{ name: '完成验收准备', dueDate: due < shiftDate(today, 20) ? due : shiftDate(due, -15) }],
      projectIds: [],
    });
  }

  // 4. 重大项目攻坚: linked ledger projects of the county
  const projects = ((await ctx.db.execute(sql`SELECT id FROM projects WHERE deleted_at IS NULL AND region_code LIKE ${DEMO_COUNTY.code + '%'} ORDER BY total_investment DESC, id LIMIT 5`)).rows as Array<{ id: number }>).map((p) => Number(p.id));
  if (projects.length) {
    await createTask(as('diaodu', began), {
      title: '重大项目攻坚年',
      type: '攻坚战役',
      year,
      leadLeaderId: person('xianzhang'),
      leadUnit: D('发改局'),
      coUnits: [D('自然资源局'), D('住建局')],
      followerId: person('fuxianzhang'),
      targets: [
        { name: '重大项目完成投资', value: 30, unit: '亿元', main: true, fromProjects: true },
        { name: '重大项目开工', value: projects.length, unit: '个', fromProjects: true },
      ],
      cadence: 'monthly',
      deadline: within(yearEnd),
      publicCommitment: true,
      nodes: [],
      projectIds: projects,
    });
  }

  // 5. 土地征收攻坚: red by an overdue node, with a 督办 open
  const overdueDue = cal.addWorkdays(cal.previousWorkday(today), -3);
  const land = await createTask(as('diaodu', began), {
    title: '重点项目土地征收攻坚',
    type: '攻坚战役',
    year,
    leadLeaderId: person('fuxianzhang'),
    leadUnit: D('自然资源局'),
    coUnits: [R(FENSHUI), R(HENGCUN)],
    targets: [{ name: '完成土地征收', value: 1200, unit: '亩', main: true }],
    cadence: 'monthly',
    deadline: within(yearEnd),
    nodes: [
      { name: '征收补偿方案公告', dueDate: overdueDue < began ? within(shiftDate(today, 10)) : overdueDue },
      { name: '土地报批', dueDate: within(shiftDate(today, 40)) },
    ],
    projectIds: [],
  });
  await reportMonths(land.id, 'ziranziyuan', began, (i, n) => [{ targetId: land.targets[0]!.id, value: String(Math.round((500 * (i + 1)) / Math.max(n, 1))) }], () => '征收工作有序推进', false);
  await urgeTask(as('ducha', today), land.id, { reason: '征收补偿方案公告逾期，请说明原因并限期完成', limitDays: 5 });

  // 6. 分水镇: 制笔产业园 (the demo town login reports it)
  await createTask(as('diaodu', began), {
    title: '分水制笔产业园提升改造',
    type: '民心实事',
    year,
    leadLeaderId: person('fuxianzhang2'),
    leadUnit: R(FENSHUI),
    coUnits: [D('经信局')],
    personId: person('fenshui'),
    targets: [{ name: '改造标准厂房', value: 12, unit: '万平方米', main: true }],
    cadence: 'monthly',
    deadline: within(yearEnd),
    nodes: [{ name: '一期厂房完工', dueDate: within(shiftDate(today, 30)) }],
    projectIds: [],
  });
  // one earlier task already done
  const done = await createTask(as('diaodu', began), {
    title: '县城污水处理厂提标',
    type: '改革任务',
    year,
    leadLeaderId: person('fuxianzhang'),
    leadUnit: D('水利局'),
    coUnits: [],
    targets: [],
    cadence: 'monthly',
    deadline: within(yearEnd),
    nodes: [],
    projectIds: [],
  });
  await updateTask(as('diaodu', today), done.id, { done: true });
}
