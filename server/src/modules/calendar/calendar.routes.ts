import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarOverrideSchema, CalendarQuerySchema, CalendarYearSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './calendar.service.js';

const DateParams = z.object({ date: z.string() });
const Ok = z.object({ ok: z.boolean() });

export function calendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  r.get(
    '/api/calendar',
    { schema: { tags, summary: '工作日历（法定节假日、调休与本地调整）', querystring: CalendarQuerySchema, response: { 200: CalendarYearSchema } } },
    async (req) => svc.getCalendarYear(ctxOf(req, deps), req.query.year),
  );
  r.put(
    '/api/calendar/days/:date',
    { config: { permission: 'calendar:edit' }, schema: { tags, summary: '设置某日是否工作日', params: DateParams, body: CalendarOverrideSchema, response: { 200: Ok } } },
    async (req) => {
      await svc.setCalendarDay(ctxOf(req, deps), req.params.date, req.body);
      return { ok: true };
    },
  );
  r.delete(
    '/api/calendar/days/:date',
    { config: { permission: 'calendar:edit' }, schema: { tags, summary: '撤销某日的调整，恢复法定日历', params: DateParams, response: { 200: Ok } } },
    async (req) => {
      await svc.deleteCalendarDay(ctxOf(req, deps), req.params.date);
      return { ok: true };
    },
  );
}
