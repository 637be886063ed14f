import { and, eq, gte, lte } from 'drizzle-orm';
import { CalendarOverrideSchema, type CalendarOverride, type CalendarYear } from '@tiaodu/contracts';
import { calendarDays } from '../../db/schema.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { writeAudit } from '../../core/audit.js';
import { baseDay, calendarChanged, invalidateCalendar, shiftDate } from '../../core/calendar.js';

function checkDate(date: string): void {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!ok) throw new AppError('VALIDATION', '日期不正确', [{ path: 'date', message: '日期格式应为 YYYY-MM-DD' }]);
}

/** Every day of a year: the official status and the admin's override, if any. */
export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYear> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await ctx.db.select().from(calendarDays).where(and(gte(calendarDays.date, from), lte(calendarDays.date, to)));
  const overrides = new Map(rows.map((r) => [r.date, r]));
  const days: CalendarYear['days'] = [];
  for (let d = from; d <= to; d = shiftDate(d, 1)) {
    const b = baseDay(d);
    const o = overrides.get(d);
    days.push({ date: d, kind: b.kind, name: b.name, isWorkday: o ? o.isWorkday : b.isWorkday, override: o ? { isWorkday: o.isWorkday, name: o.name } : null });
  }
  return { year, days };
}

export async function setCalendarDay(ctx: Ctx, date: string, input: CalendarOverride): Promise<void> {
  checkDate(date);
  const v = CalendarOverrideSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(eq(calendarDays.date, date));
    const now = ctx.clock.now().toISOString();
    await tx
      .insert(calendarDays)
      .values({ date, isWorkday: v.isWorkday, name: v.name, updatedBy: ctx.user.id || null, updatedAt: now })
      .onConflictDoUpdate({ target: calendarDays.date, set: { isWorkday: v.isWorkday, name: v.name, updatedBy: ctx.user.id || null, updatedAt: now } });
    await writeAudit(tx, ctx, {
      action: 'calendar.set',
      entityType: 'calendar_day',
      entityId: date,
      summary: `${date} 设为${v.isWorkday ? '工作日' : '休息日'}${v.name ? `（${v.name}）` : ''}`,
      before: before ? { isWorkday: before.isWorkday, name: before.name } : null,
      after: { isWorkday: v.isWorkday, name: v.name },
    });
    await calendarChanged(tx, date);
  });
  invalidateCalendar(ctx.db);
}

export async function deleteCalendarDay(ctx: Ctx, date: string): Promise<void> {
  checkDate(date);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
    if (!before) throw new AppError('NOT_FOUND');
    await writeAudit(tx, ctx, {
      action: 'calendar.unset',
      entityType: 'calendar_day',
      entityId: date,
      summary: `${date} 恢复法定日历`,
      before: { isWorkday: before.isWorkday, name: before.name },
    });
    await calendarChanged(tx, date);
  });
  invalidateCalendar(ctx.db);
}
