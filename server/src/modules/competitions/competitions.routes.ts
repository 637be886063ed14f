import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdjustmentInputSchema,
  AdjustmentSchema,
  CompetitionInputSchema,
  CompetitionPatchSchema,
  CompetitionResultsSchema,
  CompetitionSchema,
  CompetitionSummarySchema,
  ComputeBodySchema,
  ContestantHistorySchema,
  FlagHistoryRowSchema,
  LeaderboardSchema,
  NewPreviewBodySchema,
  PeriodParamsSchema,
  PeriodSchema,
  PreviewBodySchema,
  PublicCompetitionSchema,
  ResultsQuerySchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import type { Ctx } from '../../core/context.js';
import { sendSerialised } from '../../core/read-cache.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedFiles } from '../../plugins/uploads.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import * as svc from './competitions.service.js';
import { exportResults } from './competitions.export.js';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const AdjParams = IdParams.extend({ aid: z.coerce.number().int().positive('编号无效') });
const FileParams = AdjParams.extend({ fileId: z.coerce.number().int().positive('编号无效') });
const ContestantParams = IdParams.extend({ contestantId: z.string().regex(/^(region|department|external):[\w-]+$/, '参赛单位无效') });
const AdjQuery = z.object({ period: PeriodSchema.optional() });


/** 考核与擂台赛: schemes, period results, leaderboard, flags, a contestant's record, adjustments. */
export function competitionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['competitions'];
  const read = { permission: 'competition:read' as const };
  const manage = { permission: 'competition:manage' as const };
  const compute = { permission: 'competition:compute' as const };

  r.get('/api/competitions', { config: read, schema: { tags, summary: '擂台赛列表（含已计算、已发布的期别）', response: { 200: z.array(CompetitionSummarySchema) } } }, async (req) => svc.listCompetitions(ctxOf(req, deps)));
  r.get('/api/competitions/presets', { config: manage, schema: { tags, summary: '预设方案（延安、渭南、绵阳、三明等，已填入本平台的指标和单位）', response: { 200: z.array(z.any()) } } }, async (req) => svc.presets(ctxOf(req, deps)));
  r.post('/api/competitions', { config: manage, schema: { tags, summary: '新建擂台赛（自定方案或由预设方案生成）', body: CompetitionInputSchema, response: { 201: CompetitionSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.createCompetition(ctxOf(req, deps), req.body)),
  );
  r.post('/api/competitions/preview', { config: manage, schema: { tags, summary: '按尚未保存的方案试算某期成绩（新建时的实时预览）', body: NewPreviewBodySchema, response: { 200: CompetitionResultsSchema } } }, async (req) =>
    svc.preview(ctxOf(req, deps), null, req.body),
  );
  r.get('/api/competitions/:id', { config: read, schema: { tags, summary: '擂台赛与现行考核方案、历次版本', params: IdParams, response: { 200: CompetitionSchema } } }, async (req) => svc.getCompetition(ctxOf(req, deps), req.params.id));
  r.patch('/api/competitions/:id', { config: manage, schema: { tags, summary: '修改擂台赛；已发布成绩用过的方案修改后成为新版本', params: IdParams, body: CompetitionPatchSchema, response: { 200: CompetitionSchema } } }, async (req) =>
    svc.updateCompetition(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post('/api/competitions/:id/preview', { config: manage, schema: { tags, summary: '按编辑中的方案试算某期成绩（不保存）', params: IdParams, body: PreviewBodySchema, response: { 200: CompetitionResultsSchema } } }, async (req) =>
    svc.preview(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post('/api/competitions/:id/periods/:period/compute', { config: compute, schema: { tags, summary: '计算某期成绩（草稿）；已发布的期别须填写更正理由，生成新版', params: PeriodParamsSchema, body: ComputeBodySchema.optional(), response: { 200: CompetitionResultsSchema } } }, async (req) =>
    svc.computePeriod(ctxOf(req, deps), req.params.id, req.params.period, req.body?.reason ?? null),
  );
  r.post('/api/competitions/:id/periods/:period/publish', { config: compute, schema: { tags, summary: '发布某期成绩（数据缺失时列出缺项，不发布）', params: PeriodParamsSchema, response: { 200: CompetitionResultsSchema } } }, async (req) =>
    svc.publishPeriod(ctxOf(req, deps), req.params.id, req.params.period),
  );
  r.get('/api/competitions/:id/periods/:period/results', { config: read, schema: { tags, summary: '某期成绩单：序列、得分、各项得分与依据、名次、位次变化、红黄旗、红黑榜、说明', params: PeriodParamsSchema, querystring: ResultsQuerySchema, response: { 200: CompetitionResultsSchema } } }, async (req, reply) =>
    sendSerialised(req, reply, await svc.resultsJson(ctxOf(req, deps), req.params.id, req.params.period, req.query.revision)),
  );
  r.get('/api/competitions/:id/periods/:period/export.xlsx', { config: read, schema: { tags, summary: '导出某期成绩（Excel，按序列分节）', params: PeriodParamsSchema } }, async (req, reply) => {
    const { buffer, title } = await exportResults(ctxOf(req, deps), req.params.id, req.params.period);
    return reply
      .header('Content-Type', XLSX_MIME)
      .header('Content-Disposition', attachmentDisposition(`${title}.xlsx`, `competition_${req.params.id}_${req.params.period}.xlsx`))
      .header('Cache-Control', 'no-store')
      .send(buffer);
  });
  r.get('/api/competitions/:id/leaderboard', { config: read, schema: { tags, summary: '龙虎榜：全年已发布成绩累计排名', params: IdParams, querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: LeaderboardSchema } } }, async (req, reply) =>
    sendSerialised(req, reply, await svc.leaderboardJson(ctxOf(req, deps), req.params.id, req.query.year)),
  );
  r.get('/api/competitions/:id/flags', { config: read, schema: { tags, summary: '流动红旗：历次红黄旗、红黑榜', params: IdParams, response: { 200: z.array(FlagHistoryRowSchema) } } }, async (req) => svc.flagHistory(ctxOf(req, deps), req.params.id));
  r.get('/api/competitions/:id/contestants/:contestantId', { config: read, schema: { tags, summary: '参赛单位的历次成绩、名次、旗帜与加减分', params: ContestantParams, response: { 200: ContestantHistorySchema } } }, async (req) =>
    svc.contestantHistory(ctxOf(req, deps), req.params.id, req.params.contestantId),
  );

  // adjustments (加减分)
  r.get('/api/competitions/:id/adjustments', { config: read, schema: { tags, summary: '加减分记录（本单位或全部）', params: IdParams, querystring: AdjQuery, response: { 200: z.array(AdjustmentSchema) } } }, async (req) =>
    svc.listAdjustments(ctxOf(req, deps), req.params.id, { period: req.query.period }),
  );
  r.post('/api/competitions/:id/adjustments', { config: compute, schema: { tags, summary: '录入加减分（理由必填）', params: IdParams, body: AdjustmentInputSchema, response: { 201: AdjustmentSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.addAdjustment(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.delete('/api/competitions/:id/adjustments/:aid', { config: compute, schema: { tags, summary: '删除加减分（成绩发布前）', params: AdjParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await svc.deleteAdjustment(ctxOf(req, deps), req.params.id, req.params.aid);
    return { ok: true };
  });
  r.post(
    '/api/competitions/:id/adjustments/:aid/files',
    { config: compute, schema: { tags, summary: '上传加减分佐证（图片、PDF、.docx、.xlsx）', consumes: ['multipart/form-data'], params: AdjParams, response: { 201: AdjustmentSchema } } },
    async (req, reply) => reply.status(201).send(await svc.addAdjustmentFiles(ctxOf(req, deps), req.params.id, req.params.aid, await uploadedFiles(req, { files: 9, fileSize: 20 * 1024 * 1024 }))),
  );
  r.get('/api/competitions/:id/adjustments/:aid/files/:fileId', { config: read, schema: { tags, summary: '下载加减分佐证', params: FileParams } }, async (req, reply) => {
    const f = await svc.readAdjustmentFile(ctxOf(req, deps), req.params.id, req.params.aid, req.params.fileId);
    const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });
}

/** The public pages: published results only, no login. */
export function publicCompetitionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const ctx = (req: { ip: string; id: string }): Ctx => ({
    db: deps.db,
    config: deps.config,
    clock: deps.clock,
    ip: req.ip,
    requestId: String(req.id),
    user: { id: 0, username: 'public', displayName: '公众', role: 'unit', scopeType: 'enterprise', regionCode: null, departmentId: null, enterpriseId: null },
  });
  r.get('/api/public/competitions', { config: { public: true }, schema: { tags, summary: '已发布的擂台赛成绩（无需登录）', response: { 200: z.array(PublicCompetitionSchema) } } }, async (req) => svc.publicCompetitions(ctx(req)));
  r.get('/api/public/competitions/:id/:period', { config: { public: true }, schema: { tags, summary: '一期已发布的擂台赛成绩与红黄旗（无需登录）', params: PeriodParamsSchema, response: { 200: CompetitionResultsSchema } } }, async (req, reply) =>
    sendSerialised(req, reply, await svc.publicResultsJson(ctx(req), req.params.id, req.params.period)),
  );
}
