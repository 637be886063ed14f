import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddProjectApprovalSchema,
  ApplyApprovalTemplateSchema,
  ApprovalActSchema,
  ApprovalItemInputSchema,
  ApprovalItemSchema,
  ApprovalListQuerySchema,
  ApprovalListSchema,
  ApprovalRateSchema,
  ApprovalSettingsSchema,
  ApprovalTemplateInputSchema,
  ApprovalTemplateSchema,
  EfficiencyMonthQuerySchema,
  EfficiencyMonthSchema,
  EfficiencyQuarterQuerySchema,
  EfficiencyQuarterSchema,
  MONTH_PERIOD_RE,
  OverdueListSchema,
  OverdueQuerySchema,
  ProjectApprovalDetailSchema,
  ProjectApprovalsSchema,
  PublicEfficiencySchema,
  PublicTableSchema,
  PublishedTableSchema,
  PublishInputSchema,
  QUARTER_PERIOD_RE,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import * as catalogue from './catalogue.service.js';
import * as svc from './approvals.service.js';
import * as eff from './efficiency.service.js';
import { exportMonthTable } from './efficiency.export.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.boolean() });

export function approvalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['approvals'];

  /* ---------------------------------------------------------------- catalogue and templates */
  r.get(
    '/api/approval-items',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '审批事项目录', querystring: z.object({ active: z.enum(['true', 'false']).optional() }), response: { 200: z.array(ApprovalItemSchema) } } },
    async (req) => catalogue.listItems(ctxOf(req, deps), { active: req.query.active === 'true' }),
  );
  r.post(
    '/api/approval-items',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '新增审批事项（办理部门、法定与承诺时限、各环节时限）', body: ApprovalItemInputSchema, response: { 201: ApprovalItemSchema } } },
    async (req, reply) => reply.status(201).send(await catalogue.createItem(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/api/approval-items/:id',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '修改审批事项（已加入项目的事项保留原时限）', params: IdParams, body: ApprovalItemInputSchema, response: { 200: ApprovalItemSchema } } },
    async (req) => catalogue.updateItem(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/api/approval-items/:id',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '删除未使用的审批事项', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await catalogue.deleteItem(ctxOf(req, deps), req.params.id);
      return { ok: true };
    },
  );
  r.get(
    '/api/approval-templates',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '按项目类型的审批事项模板', response: { 200: z.array(ApprovalTemplateSchema) } } },
    async (req) => catalogue.listTemplates(ctxOf(req, deps)),
  );
  r.post(
    '/api/approval-templates',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '新增审批事项模板', body: ApprovalTemplateInputSchema, response: { 201: ApprovalTemplateSchema } } },
    async (req, reply) => reply.status(201).send(await catalogue.createTemplate(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/api/approval-templates/:id',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '修改审批事项模板', params: IdParams, body: ApprovalTemplateInputSchema, response: { 200: ApprovalTemplateSchema } } },
    async (req) => catalogue.updateTemplate(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete(
    '/api/approval-templates/:id',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '删除审批事项模板', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await catalogue.deleteTemplate(ctxOf(req, deps), req.params.id);
      return { ok: true };
    },
  );
  r.get(
    '/api/approval-settings',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '审批全流程时限与效能等次标准', response: { 200: ApprovalSettingsSchema } } },
    async (req) => catalogue.getSettings(ctxOf(req, deps)),
  );
  r.patch(
    '/api/approval-settings',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '修改审批全流程时限与效能等次标准', body: ApprovalSettingsSchema, response: { 200: ApprovalSettingsSchema } } },
    async (req) => catalogue.putSettings(ctxOf(req, deps), req.body),
  );

  /* ---------------------------------------------------------------- a project's items */
  r.get(
    '/api/projects/:id/approvals',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '项目的审批事项、办理环节与四阶段全流程用时', params: IdParams, response: { 200: ProjectApprovalsSchema } } },
    async (req) => svc.projectApprovalsView(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/api/projects/:id/approval-templates',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '可套用的审批事项模板（标明是否适合该项目）', params: IdParams, response: { 200: z.array(ApprovalTemplateSchema) } } },
    async (req) => svc.projectTemplates(ctxOf(req, deps), req.params.id),
  );
  r.post(
    '/api/projects/:id/approvals/apply-template',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '套用模板：增加项目尚无的事项（可并联办理）', params: IdParams, body: ApplyApprovalTemplateSchema, response: { 200: ProjectApprovalsSchema } } },
    async (req) => svc.applyTemplate(ctxOf(req, deps), req.params.id, req.body.templateId),
  );
  r.post(
    '/api/projects/:id/approvals',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '为项目增加一个审批事项', params: IdParams, body: AddProjectApprovalSchema, response: { 200: ProjectApprovalsSchema } } },
    async (req) => svc.addItem(ctxOf(req, deps), req.params.id, req.body.itemId),
  );
  r.get(
    '/api/project-approvals/:id',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '一个审批事项：环节、时间、经办人、预警', params: IdParams, response: { 200: ProjectApprovalDetailSchema } } },
    async (req) => svc.getApproval(ctxOf(req, deps), req.params.id),
  );
  r.delete(
    '/api/project-approvals/:id',
    { config: { permission: 'approval:manage' }, schema: { tags, summary: '移除尚未申报的事项', params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await svc.removeApproval(ctxOf(req, deps), req.params.id);
      return { ok: true };
    },
  );
  r.post(
    '/api/project-approvals/:id/act',
    {
      // who may do which act is decided per act: the handling department (受理…办结, 退回补正, 不予受理) or the applicant (申报, 补正后提交)
      config: { permission: 'approval:read' },
      schema: { tags, summary: '办理一步：申报、受理、承办、审核、批准、办结、退回补正、重新提交、不予受理', params: IdParams, body: ApprovalActSchema, response: { 200: ProjectApprovalDetailSchema } },
    },
    async (req) => svc.actOnApproval(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/project-approvals/:id/rate',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '申请人评价办结的事项（满意、基本满意、不满意）', params: IdParams, body: ApprovalRateSchema, response: { 200: ProjectApprovalDetailSchema } } },
    async (req) => svc.rateApproval(ctxOf(req, deps), req.params.id, req.body.rating),
  );

  /* ---------------------------------------------------------------- lists */
  r.get(
    '/api/approvals',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '审批事项（部门只见本部门承办的事项），预警重者在前', querystring: ApprovalListQuerySchema, response: { 200: ApprovalListSchema } } },
    async (req) => svc.listApprovals(ctxOf(req, deps), req.query),
  );
  r.get(
    '/api/approvals/overdue',
    { config: { permission: 'approval:read' }, schema: { tags, summary: '督查：超过承诺时限的事项与超时的环节，超期多者在前（分页）', querystring: OverdueQuerySchema, response: { 200: OverdueListSchema } } },
    async (req) => svc.overdueRows(ctxOf(req, deps), req.query),
  );

  /* ---------------------------------------------------------------- efficiency (效能监察) */
  r.get(
    '/api/efficiency/monthly',
    { config: { permission: 'efficiency:read' }, schema: { tags, summary: '部门效能月度表：受理、办结、平均办结天数、提速率、超时、满意率、排名', querystring: EfficiencyMonthQuerySchema, response: { 200: EfficiencyMonthSchema } } },
    async (req) => eff.monthTable(ctxOf(req, deps), req.query.year, req.query.month),
  );
  r.get(
    '/api/efficiency/monthly/export.xlsx',
    { config: { permission: 'efficiency:read' }, schema: { tags, summary: '导出部门效能月度表（Excel）', querystring: EfficiencyMonthQuerySchema } },
    async (req, reply) => {
      const { year, month } = req.query;
      const buf = await exportMonthTable(ctxOf(req, deps), year, month);
      return reply
        .header('Content-Type', XLSX_MIME)
        .header('Content-Disposition', attachmentDisposition(`部门效能月度表_${year}年${month}月.xlsx`, `efficiency_${year}_${month}.xlsx`))
        .header('Cache-Control', 'no-store')
        .send(buf);
    },
  );
  r.get(
    '/api/efficiency/quarterly',
    { config: { permission: 'efficiency:read' }, schema: { tags, summary: '部门效能季度等次（优秀、良好、合格、不合格）', querystring: EfficiencyQuarterQuerySchema, response: { 200: EfficiencyQuarterSchema } } },
    async (req) => eff.quarterTable(ctxOf(req, deps), req.query.year, req.query.quarter),
  );
  r.get(
    '/api/efficiency/published',
    { config: { permission: 'efficiency:read' }, schema: { tags, summary: '已公开的效能表', response: { 200: z.array(PublishedTableSchema) } } },
    async (req) => eff.listPublished(ctxOf(req, deps)),
  );
  r.post(
    '/api/efficiency/publish',
    { config: { permission: 'efficiency:publish' }, schema: { tags, summary: '公开（或撤回）某月效能表、某季度等次', body: PublishInputSchema, response: { 200: z.array(PublishedTableSchema) } } },
    async (req) => eff.publish(ctxOf(req, deps), req.body),
  );
}

/** The public pages (信息公开): no login, only what the admin published, no personal data. */
export function publicEfficiencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  r.get(
    '/api/public/efficiency',
    { config: { public: true }, schema: { tags, summary: '已公开的部门效能表（无需登录）', response: { 200: z.array(PublicTableSchema) } } },
    async () => eff.publicIndex(deps.db),
  );
  r.get(
    '/api/public/efficiency/:kind/:period',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '一张已公开的部门效能表（无需登录）',
        params: z
          .object({ kind: z.enum(['department_monthly', 'department_quarterly']), period: z.string() })
          .refine((p) => (p.kind === 'department_monthly' ? MONTH_PERIOD_RE : QUARTER_PERIOD_RE).test(p.period), { message: '期间不正确', path: ['period'] }),
        response: { 200: PublicEfficiencySchema },
      },
    },
    async (req) => eff.publicTable(deps.db, req.params.kind, req.params.period),
  );
}
