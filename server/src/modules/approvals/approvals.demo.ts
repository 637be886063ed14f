import { and, eq, inArray } from 'drizzle-orm';
import { monthPeriodKey, type ApprovalAction, type ApprovalItemInput, type ApprovalRating, type Role, type ScopeType } from '@tiaodu/contracts';
import { approvalItems, departments, projectApprovals, projects, users } from '../../db/schema.js';
import { chinaToday, ManualClock } from '../../core/clock.js';
import { loadCalendar } from '../../core/calendar.js';
import type { Ctx } from '../../core/context.js';
import { createUser } from '../admin/users.service.js';
import { createItem, createTemplate } from './catalogue.service.js';
import { actOnApproval, addItem, applyTemplate, rateApproval } from './approvals.service.js';
import { publish } from './efficiency.service.js';
import { runApprovalSignals } from './signals.job.js';
import { DEMO_PASSWORD } from '../../core/demo.js';

const ZR = '桐庐县自然资源和规划局';
const ZJ = '桐庐县住房和城乡建设局';
const FG = '桐庐县发展和改革局';
const ST = '杭州市生态环境局桐庐分局';
const SL = '桐庐县水利水电局';

type Steps = [accept: number, undertake: number, review: number, approve: number, finish: number];

/**
 * The county's approval catalogue (工程建设项目审批事项): statutory limits as the laws set
 * them, the shorter limits the county promises, and the limits of each step, in working days.
 */
const CATALOGUE: Array<[code: string, name: string, dept: string, phase: ApprovalItemInput['phase'], statutory: number, promised: number, steps: Steps]> = [
  ['TL-FG-01', '企业投资项目备案', FG, 'land_planning', 3, 2, [1, 1, 0, 0, 0]],
  ['TL-FG-02', '政府投资项目可行性研究报告审批', FG, 'land_planning', 20, 8, [1, 3, 2, 1, 1]],
  ['TL-FG-03', '固定资产投资项目节能审查', FG, 'land_planning', 20, 10, [1, 5, 2, 1, 1]],
  ['TL-ZR-01', '建设项目用地预审与选址意见书核发', ZR, 'land_planning', 20, 7, [1, 3, 1, 1, 1]],
  ['TL-ZR-02', '建设用地规划许可证核发', ZR, 'land_planning', 20, 5, [1, 2, 1, 1, 0]],
  ['TL-ST-01', '建设项目环境影响报告书（表）审批', ST, 'land_planning', 60, 15, [1, 8, 3, 2, 1]],
  ['TL-SL-01', '生产建设项目水土保持方案审批', SL, 'land_planning', 20, 10, [1, 5, 2, 1, 1]],
  ['TL-ZR-03', '建设工程规划许可证核发', ZR, 'engineering', 20, 7, [1, 3, 1, 1, 1]],
  ['TL-ZJ-01', '施工图设计文件联合审查', ZJ, 'engineering', 20, 10, [1, 5, 2, 1, 1]],
  ['TL-ZJ-03', '建设工程消防设计审查', ZJ, 'engineering', 15, 7, [1, 3, 1, 1, 1]],
  ['TL-ZJ-02', '建筑工程施工许可证核发', ZJ, 'construction', 15, 3, [1, 1, 1, 0, 0]],
  ['TL-ZJ-04', '建设工程消防验收', ZJ, 'acceptance', 15, 7, [1, 3, 1, 1, 1]],
  ['TL-ZR-04', '建设工程规划核实', ZR, 'acceptance', 15, 5, [1, 2, 1, 1, 0]],
  ['TL-ZJ-05', '房屋建筑和市政基础设施工程竣工联合验收', ZJ, 'acceptance', 20, 10, [1, 5, 2, 1, 1]],
];

const TEMPLATES: Array<{ name: string; investmentType: 'government' | 'enterprise' | null; projectField: 'industry' | 'service' | 'infrastructure' | null; codes: string[] }> = [
  {
    name: '企业投资工业项目（备案类）',
    investmentType: 'enterprise',
    projectField: 'industry',
    codes: ['TL-FG-01', 'TL-FG-03', 'TL-ZR-01', 'TL-ZR-02', 'TL-ST-01', 'TL-ZR-03', 'TL-ZJ-01', 'TL-ZJ-03', 'TL-ZJ-02', 'TL-ZJ-04', 'TL-ZR-04', 'TL-ZJ-05'],
  },
  {
    name: '企业投资服务业项目（备案类）',
    investmentType: 'enterprise',
    projectField: 'service',
    codes: ['TL-FG-01', 'TL-ZR-01', 'TL-ZR-02', 'TL-ST-01', 'TL-ZR-03', 'TL-ZJ-01', 'TL-ZJ-02', 'TL-ZJ-05'],
  },
  {
    name: '政府投资房屋建筑类项目',
    investmentType: 'government',
    projectField: null,
    codes: ['TL-FG-02', 'TL-FG-03', 'TL-ZR-01', 'TL-ZR-02', 'TL-ST-01', 'TL-SL-01', 'TL-ZR-03', 'TL-ZJ-01', 'TL-ZJ-03', 'TL-ZJ-02', 'TL-ZJ-04', 'TL-ZR-04', 'TL-ZJ-05'],
  },
  {
    name: '线性基础设施项目（交通、水利、电力）',
    investmentType: 'government',
    projectField: 'infrastructure',
    codes: ['TL-FG-02', 'TL-ZR-01', 'TL-ST-01', 'TL-SL-01', 'TL-ZJ-02'],
  },
];

/** The people who handle the other departments' items (自然资源局's 吴资规 is a printed demo login). */
export const HANDLERS: Array<[username: string, name: string, title: string, dept: string]> = [
  ['fagai', '林发改', '发改局投资科', FG],
  ['zhujian', '马住建', '住建局审批科', ZJ],
  ['shengtai', '黄环评', '生态环境分局审批科', ST],
  ['shuili', '胡水利', '水利局水保科', SL],
];

/** One act: what, how many working days before today (0 = today), at what hour, with what reason. */
type Act = [action: ApprovalAction, daysAgo: number, hour: number, reason?: string];
/** A whole item done: 申报 … 办结 on these working days (days ago), then the applicant's rating. */
const done = (days: [number, number, number, number, number, number], rating?: ApprovalRating): { acts: Act[]; rating?: ApprovalRating } => ({
  acts: (['submit', 'accept', 'undertake', 'review', 'approve', 'finish'] as const).map((a, i) => [a, days[i]!, 9 + i]),
  rating,
});

/**
 * Approvals of some demo projects in every state, made through the approvals service by the
 * demo users at past moments (so steps, signals and notices read as they would have), then
 * today's signal run and the publication of last month's table:
 * - 富春智造 (unit 周业主 applies): 备案 and 用地 done and rated, 节能审查 done late (red),
 *   环评 in 承办 past its step limit (yellow), 建设工程规划许可 applied yesterday (prompt);
 * - 碳纤维: phases 1–3 done months ago (the whole-process bar);
 * - 城南未来社区 (代办 by the dispatcher): 用地预审 returned for correction (补正中), 环评 in
 *   审核 past its step limit, 水土保持 past its promised limit (red);
 * - 城南冷链: 备案 refused (不予受理) and applied again, 用地预审 in 审核 on its last day;
 * - 快递物流科创园, 针织数字化, 老旧小区改造: more done items for the monthly tables.
 */
export async function seedDemoApprovals(ctx: Ctx): Promise<void> {
  const cal = await loadCalendar(ctx.db);
  const today = chinaToday(ctx.clock.now());
  const dept = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.name, d.id]));
  if (![ZR, ZJ, FG, ST, SL].every((d) => dept.has(d))) return;
  for (const [username, displayName, title, d] of HANDLERS) {
    await createUser(ctx, { username, displayName, title, role: 'department', scopeType: 'department', departmentId: dept.get(d)!, password: DEMO_PASSWORD });
  }
  await ctx.db.update(users).set({ mustChangePassword: false }).where(inArray(users.username, HANDLERS.map((h) => h[0])));
  const people = await ctx.db.select().from(users);
  const as = (username: string, daysAgo: number, hour = 10): Ctx => {
    const u = people.find((x) => x.username === username)!;
    const day = daysAgo > 0 ? cal.addWorkdays(cal.previousWorkday(today), -daysAgo) : today;
    return {
      ...ctx,
      clock: new ManualClock(new Date(`${day}T${String(hour).padStart(2, '0')}:${String(7 * hour % 60).padStart(2, '0')}:00+08:00`)),
      user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, scopeType: u.scopeType as ScopeType, regionCode: u.regionCode, departmentId: u.departmentId, enterpriseId: u.enterpriseId },
    };
  };
  const handlerOf = new Map<string, string>([[ZR, 'ziranziyuan'], ...HANDLERS.map(([u, , , d]) => [d, u] as [string, string])]);

  for (const [code, name, d, phase, statutoryDays, promisedDays, s] of CATALOGUE) {
    await createItem(ctx, { code, name, departmentId: dept.get(d)!, phase, statutoryDays, promisedDays, stepDays: { accept: s[0], undertake: s[1], review: s[2], approve: s[3], finish: s[4] } });
  }
  const templateIds = new Map<string, number>();
  for (const t of TEMPLATES) templateIds.set(t.name, (await createTemplate(ctx, { name: t.name, investmentType: t.investmentType, projectField: t.projectField, itemCodes: t.codes })).id);
  const items = new Map((await ctx.db.select({ id: approvalItems.id, code: approvalItems.code, departmentId: approvalItems.departmentId }).from(approvalItems)).map((i) => [i.code, i]));
  const deptName = new Map([...dept.entries()].map(([n, id]) => [id, n]));
  const proj = new Map((await ctx.db.select({ id: projects.id, name: projects.name }).from(projects)).map((p) => [p.name, p.id]));

  /** The item of a project with this code (the one not refused, when it was applied for again). */
  const rowOf = async (projectId: number, code: string) => {
    const all = await ctx.db
      .select({ id: projectApprovals.id, status: projectApprovals.status })
      .from(projectApprovals)
      .where(and(eq(projectApprovals.projectId, projectId), eq(projectApprovals.itemId, items.get(code)!.id)))
      .orderBy(projectApprovals.id);
    return (all.find((x) => x.status !== 'rejected') ?? all[all.length - 1])!.id;
  };
  const play = async (projectName: string, applicant: string, template: string | null, scripts: Array<[code: string, s: { acts: Act[]; rating?: ApprovalRating }]>) => {
    const pid = proj.get(projectName);
    if (!pid) return;
    if (template) await applyTemplate(as('diaodu', 130), pid, templateIds.get(template)!);
    for (const [code, s] of scripts) {
      const id = await rowOf(pid, code);
      const handler = handlerOf.get(deptName.get(items.get(code)!.departmentId!)!)!;
      for (const [action, daysAgo, hour, reason] of s.acts) {
        const who = action === 'submit' || action === 'resubmit' ? applicant : handler;
        await actOnApproval(as(who, daysAgo, hour), id, { action, reason: reason ?? null });
      }
      if (s.rating) {
        const last = s.acts[s.acts.length - 1]!;
        await rateApproval(as(applicant, Math.max(0, last[1] - 1), 15), id, s.rating);
      }
    }
  };

  await play('富春智造年产50万台智能装备生产线项目', 'xiangmu', '企业投资工业项目（备案类）', [
    ['TL-FG-01', done([46, 46, 45, 45, 45, 45], 'satisfied')],
    ['TL-ZR-01', done([42, 41, 39, 38, 37, 36], 'satisfied')],
    ['TL-ZR-02', done([32, 31, 30, 29, 28, 28], 'basic')],
    ['TL-FG-03', done([26, 25, 20, 17, 14, 12], 'basic')],
    ['TL-ST-01', { acts: [['submit', 11, 9], ['accept', 10, 10]] }],
    ['TL-ZR-03', { acts: [['submit', 1, 15]] }],
  ]);
  await play('浙江富春江新材料年产3万吨碳纤维项目', 'diaodu', '企业投资工业项目（备案类）', [
    ['TL-FG-01', done([112, 112, 111, 111, 111, 111], 'satisfied')],
    ['TL-ZR-01', done([108, 107, 105, 104, 103, 103], 'satisfied')],
    ['TL-FG-03', done([106, 105, 101, 99, 98, 97], 'satisfied')],
    ['TL-ST-01', done([106, 104, 96, 94, 92, 91], 'basic')],
    ['TL-ZR-02', done([100, 99, 98, 97, 96, 96], 'satisfied')],
    ['TL-ZR-03', done([88, 87, 85, 84, 83, 83], 'satisfied')],
    ['TL-ZJ-01', done([80, 79, 75, 73, 72, 71], 'basic')],
    ['TL-ZJ-03', done([80, 79, 77, 76, 75, 75], 'satisfied')],
    ['TL-ZJ-02', done([68, 68, 67, 66, 66, 66], 'satisfied')],
  ]);
  await play('城南未来社区建设项目', 'diaodu', '政府投资房屋建筑类项目', [
    ['TL-FG-02', done([40, 39, 37, 35, 34, 33], 'satisfied')],
    ['TL-ZR-01', { acts: [['submit', 15, 9], ['accept', 14, 10], ['return', 12, 11, '缺少不动产权属证明材料，请补正后重新提交']] }],
    ['TL-ST-01', { acts: [['submit', 12, 9], ['accept', 12, 14], ['undertake', 5, 10]] }],
    ['TL-SL-01', { acts: [['submit', 14, 9], ['accept', 13, 10], ['undertake', 9, 10], ['review', 6, 10]] }],
  ]);
  const coldChain = proj.get('城南冷链物流中心');
  if (coldChain) await addItem(as('diaodu', 10), coldChain, items.get('TL-FG-01')!.id);
  await play('城南冷链物流中心', 'diaodu', null, [
    ['TL-FG-01', { acts: [['submit', 9, 9], ['reject', 8, 10, '项目选址与国土空间规划不符，请调整选址后重新申报']] }],
  ]);
  // applied for again after the refusal: the template gives the project a new 备案 item
  if (coldChain) await applyTemplate(as('diaodu', 7), coldChain, templateIds.get('企业投资服务业项目（备案类）')!);
  await play('城南冷链物流中心', 'diaodu', null, [
    ['TL-FG-01', done([6, 6, 5, 5, 5, 5], 'satisfied')],
    ['TL-ZR-01', { acts: [['submit', 5, 14], ['accept', 4, 10], ['undertake', 1, 10]] }],
  ]);
  await play('桐庐快递物流科创园', 'diaodu', '企业投资服务业项目（备案类）', [
    ['TL-FG-01', done([4, 4, 3, 3, 3, 3], 'satisfied')],
    ['TL-ZR-01', { acts: [['submit', 2, 9], ['accept', 1, 10]] }],
  ]);
  await play('横村针织产业数字化改造项目', 'diaodu', null, []);
  const knit = proj.get('横村针织产业数字化改造项目');
  if (knit) {
    await addItem(as('diaodu', 30), knit, items.get('TL-FG-01')!.id);
    await addItem(as('diaodu', 30), knit, items.get('TL-ST-01')!.id);
    await play('横村针织产业数字化改造项目', 'diaodu', null, [
      ['TL-FG-01', done([22, 21, 20, 20, 19, 19], 'unsatisfied')],
      ['TL-ST-01', done([19, 18, 10, 6, 4, 2], 'basic')],
    ]);
  }
  await play('县城老旧小区改造（2026年度）', 'diaodu', '政府投资房屋建筑类项目', [
    ['TL-FG-02', done([75, 74, 71, 69, 68, 68], 'satisfied')],
    ['TL-ZR-01', done([66, 65, 62, 61, 61, 60], 'satisfied')],
    ['TL-ZR-02', done([58, 57, 55, 54, 54, 54], 'satisfied')],
    ['TL-ST-01', done([66, 64, 55, 51, 49, 48], 'basic')],
    ['TL-ZR-03', done([47, 46, 44, 43, 42, 42], 'satisfied')],
    ['TL-ZJ-01', done([40, 40, 35, 33, 32, 31], 'satisfied')],
    ['TL-ZJ-02', done([27, 26, 24, 22, 21, 21], 'unsatisfied')],
  ]);

  // what the scheduler would have recorded by now, then last month's table made public
  await runApprovalSignals(ctx);
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = m === 1 ? [y - 1, 12] : [y, m - 1];
  await publish(as('diaodu', 0), { kind: 'department_monthly', period: monthPeriodKey(last[0]!, last[1]!), published: true });
}
