import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DivisionQuerySchema,
  DivisionSchema,
  SETUP_STEP_VALUES,
  SetupDepartmentsInputSchema,
  SetupDepartmentsResultSchema,
  SetupRegionInputSchema,
  SetupStatusSchema,
  SetupStepInputSchema,
  StandardDepartmentSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './setup.service.js';

/** 初始化向导 (first-run checklist) and the national division list. */
export function setupRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['setup'];
  r.get('/api/setup', { config: { permission: 'admin:user' }, schema: { tags, summary: '初始化向导：各步骤完成情况', response: { 200: SetupStatusSchema } } }, async (req) =>
    svc.setupStatus(ctxOf(req, deps)),
  );
  r.post(
    '/api/setup/steps/:key',
    {
      config: { permission: 'admin:user' },
      schema: { tags, summary: '标记初始化步骤：done 完成、skipped 跳过、open 重新打开', params: z.object({ key: z.enum(SETUP_STEP_VALUES, { message: '未知的初始化步骤' }) }), body: SetupStepInputSchema, response: { 200: SetupStatusSchema } },
    },
    async (req) => svc.markStep(ctxOf(req, deps), req.params.key, req.body.status),
  );
  r.get(
    '/api/divisions',
    { config: { permission: 'admin:region' }, schema: { tags, summary: '全国行政区划（GB/T 2260）：不带 parent 为省，parent 为省/市/县时列出下级', querystring: DivisionQuerySchema, response: { 200: z.array(DivisionSchema) } } },
    async (req) => svc.listDivisions(req.query.parent, req.query.q),
  );
  r.post(
    '/api/setup/region',
    { config: { permission: 'admin:region' }, schema: { tags, summary: '从全国行政区划设置本级（县或市）及所辖乡镇（街道）', body: SetupRegionInputSchema, response: { 200: SetupStatusSchema } } },
    async (req) => svc.setRegion(ctxOf(req, deps), req.body),
  );
  r.get(
    '/api/setup/standard-departments',
    { config: { permission: 'admin:department' }, schema: { tags, summary: '县级常用单位清单（可勾选、改名）', response: { 200: z.array(StandardDepartmentSchema) } } },
    async () => svc.standardDepartments(),
  );
  r.post(
    '/api/setup/departments',
    { config: { permission: 'admin:department' }, schema: { tags, summary: '批量新增单位（已有的不重复新增）', body: SetupDepartmentsInputSchema, response: { 200: SetupDepartmentsResultSchema } } },
    async (req) => svc.addDepartments(ctxOf(req, deps), req.body),
  );
}
