import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JobRunSchema, JobStateSchema, SchedulerRunRequestSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { systemCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as svc from './scheduler.service.js';

export function schedulerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['scheduler'];
  r.get(
    '/api/scheduler/jobs',
    { config: { permission: 'scheduler:run' }, schema: { tags, summary: '定时任务及最近一次运行', response: { 200: z.array(JobStateSchema) } } },
    async (req) => svc.listJobStates(ctxOf(req, deps)),
  );
  r.post(
    '/api/scheduler/run',
    {
      config: { permission: 'scheduler:run' },
      schema: { tags, summary: '立即运行定时任务（升级、信号、消息发送；可重复运行）', body: SchedulerRunRequestSchema, response: { 200: z.object({ runs: z.array(JobRunSchema) }) } },
    },
    async (req) => {
      // Jobs act as the platform, whoever asks; the request only decides when.
      const ctx = { ...systemCtx(deps), ip: req.ip, requestId: req.id };
      return { runs: await svc.runDue(ctx, { force: req.body.force, jobs: req.body.jobs }) };
    },
  );
}

/**
 * Browser tests only (TIAODU_TEST_CLOCK=1, refused in production by the config): read and
 * move the server's clock, so time-driven rules are tested without sleeping.
 */
export function testClockRoutes(app: FastifyInstance, deps: AppDeps): void {
  if (!deps.config.testClock) return;
  const clock = deps.clock as { set?: (t: Date | string) => void };
  if (typeof clock.set !== 'function') throw new Error('TIAODU_TEST_CLOCK=1 needs a settable clock');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const Now = z.object({ now: z.string() });
  r.get('/api/test/clock', { config: { public: true }, schema: { hide: true, response: { 200: Now } } }, async () => ({ now: deps.clock.now().toISOString() }));
  r.post('/api/test/clock', { config: { public: true }, schema: { hide: true, body: Now, response: { 200: Now } } }, async (req) => {
    const t = new Date(req.body.now);
    if (Number.isNaN(t.getTime())) throw new AppError('VALIDATION', '时间格式不正确');
    clock.set!(t);
    return { now: deps.clock.now().toISOString() };
  });
}
