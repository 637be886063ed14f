import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CampaignCreateSchema, CampaignDetailSchema, CampaignListSchema, CampaignPatchSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import * as svc from './campaigns.service.js';
import { exportCampaign } from './campaigns.export.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * 攻坚行动. Registered by the assignments module's manifest; the keys are the tasks module's
 * (campaigns are read with task:read, managed with campaign:manage).
 */
export function campaignRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['campaigns'];
  r.get('/api/campaigns', { config: { permission: 'task:read' }, schema: { tags, summary: '攻坚行动（全县）', response: { 200: CampaignListSchema } } }, async (req) => svc.listCampaigns(ctxOf(req, deps)));
  r.post(
    '/api/campaigns',
    { config: { permission: 'campaign:manage' }, schema: { tags, summary: '新建攻坚行动（任务、项目、指标目标）', body: CampaignCreateSchema, response: { 201: CampaignDetailSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createCampaign(ctxOf(req, deps), req.body)),
  );
  r.get(
    '/api/campaigns/:id',
    { config: { permission: 'task:read' }, schema: { tags, summary: '攻坚行动：倒计时、逐项进度与亮灯、滞后事项、结束后的总结表', params: IdParams, response: { 200: CampaignDetailSchema } } },
    async (req) => svc.getCampaign(ctxOf(req, deps), req.params.id),
  );
  r.get(
    '/api/campaigns/:id/export.xlsx',
    { config: { permission: 'task:read' }, schema: { tags, summary: '导出攻坚行动逐项检查表（Excel：类别、事项、责任单位、应完成、已完成、完成率、亮灯、说明）', params: IdParams } },
    async (req, reply) => {
      const { buffer, title } = await exportCampaign(ctxOf(req, deps), req.params.id);
      return reply.header('Content-Type', XLSX_MIME).header('Content-Disposition', attachmentDisposition(`${title}.xlsx`, 'campaign.xlsx')).header('Cache-Control', 'no-store').send(buffer);
    },
  );
  r.patch(
    '/api/campaigns/:id',
    { config: { permission: 'campaign:manage' }, schema: { tags, summary: '修改攻坚行动', params: IdParams, body: CampaignPatchSchema, response: { 200: CampaignDetailSchema } } },
    async (req) => svc.updateCampaign(ctxOf(req, deps), req.params.id, req.body),
  );
}
