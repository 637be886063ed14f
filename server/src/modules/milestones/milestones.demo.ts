import { and, asc, eq, inArray } from 'drizzle-orm';
import { departments, milestones, milestoneTemplates, projects } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { chinaToday } from '../../core/clock.js';
import { shiftDate } from '../../core/calendar.js';
import { applyTemplate, ensureDefaultTemplates } from './milestones.service.js';

/** Which demo department answers for which node (责任单位). */
const NODE_DEPT: Record<string, string> = {
  立项: '桐庐县发展和改革局',
  用地预审与选址: '桐庐县自然资源和规划局',
  土地出让: '桐庐县自然资源和规划局',
  规划许可: '桐庐县自然资源和规划局',
  环评: '杭州市生态环境局桐庐分局',
  能评: '桐庐县发展和改革局',
  施工图审查: '桐庐县住房和城乡建设局',
  施工许可: '桐庐县住房和城乡建设局',
  竣工验收: '桐庐县住房和城乡建设局',
};
const PEOPLE = ['周建平', '吴晓燕', '孙国强', '郑丽华', '钱立新'];

/**
 * Milestones of the demo projects in 前期 and 开工: the standard template (前期) or the
 * 开工→投产 template (开工) scheduled backward from the planned completion; nodes due before
 * today are done (mostly on time, some a few days late), except in every third project where
 * the last past node is still open, so the wall chart shows a few overdue bars. Deterministic.
 */
export async function seedDemoMilestones(ctx: Ctx): Promise<void> {
  await ensureDefaultTemplates(ctx.db);
  const tpls = await ctx.db.select().from(milestoneTemplates).orderBy(asc(milestoneTemplates.id));
  const full = tpls[0];
  const short = tpls.find((t) => t.name.startsWith('已开工')) ?? full;
  if (!full || !short) return;
  const depts = new Map((await ctx.db.select({ id: departments.id, name: departments.name }).from(departments)).map((d) => [d.name, d.id]));
  const today = chinaToday(ctx.clock.now());
  const ps = await ctx.db
    .select({ id: projects.id, stage: projects.stage, plannedCompletion: projects.plannedCompletion, plannedStart: projects.plannedStart })
    .from(projects)
    .where(inArray(projects.stage, ['preliminary', 'started']))
    .orderBy(asc(projects.id));
  for (const [k, p] of ps.entries()) {
    // The planned completion, brought nearer when it lies beyond the template's span so that
    // the demo shows early nodes done and a few overdue.
    const cap = shiftDate(today, p.stage === 'started' ? 150 + (k % 4) * 30 : 240 + (k % 5) * 20);
    const target = p.plannedCompletion && p.plannedCompletion > today && p.plannedCompletion < cap ? p.plannedCompletion : cap;
    await applyTemplate(ctx, p.id, { templateId: p.stage === 'started' ? short.id : full.id, targetDate: target, replace: true });
    const ms = await ctx.db.select().from(milestones).where(eq(milestones.projectId, p.id)).orderBy(asc(milestones.seq));
    const past = ms.filter((m) => m.dueDate < today);
    for (const [j, m] of ms.entries()) {
      const deptId = depts.get(NODE_DEPT[m.name] ?? '') ?? null;
      const isLastPast = past.length > 0 && m.id === past[past.length - 1]!.id;
      const open = isLastPast && k % 3 === 0;
      const late = (k + j) % 4 === 0 ? 3 + ((k + j) % 5) : 0;
      const doneDate = m.dueDate < today && !open ? (shiftDate(m.dueDate, late - 2) > today ? today : shiftDate(m.dueDate, late - 2)) : null;
      await ctx.db
        .update(milestones)
        .set({ responsibleDeptId: deptId, responsiblePerson: PEOPLE[(k + j) % PEOPLE.length]!, doneDate, note: open ? '材料补正中，已协调加快办理' : null })
        .where(and(eq(milestones.id, m.id)));
    }
  }
}
