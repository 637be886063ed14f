import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BenchmarkQuerySchema,
  BenchmarkSchema,
  ExternalUnitInputSchema,
  ExternalUnitSchema,
  FormulaInfoSchema,
  IndicatorInputSchema,
  IndicatorPatchSchema,
  IndicatorPeriodInputSchema,
  IndicatorPeriodPatchSchema,
  IndicatorPeriodSchema,
  IndicatorQuerySchema,
  IndicatorSchema,
  IndicatorValuesQuerySchema,
  IndicatorValuesSchema,
  OwedItemSchema,
  PeerGroupInputSchema,
  PeerGroupSchema,
  PublishSchema,
  RankSummarySchema,
  TargetGridSchema,
  TargetsPutQuerySchema,
  TargetsPutSchema,
  TargetsQuerySchema,
  UnitOptionSchema,
  UnitOptionsQuerySchema,
  ValueRecordSchema,
  ValueReportSchema,
  ValueReviewSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { AppError } from '../../core/errors.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedFiles } from '../../plugins/uploads.js';
import * as svc from './indicators.service.js';
import * as values from './indicators.values.js';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号无效') });
const FileParams = z.object({ id: z.coerce.number().int().positive('编号无效'), fileId: z.coerce.number().int().positive('编号无效') });

/** 指标库与目标责任: catalogue, targets, entry periods, values, review, benchmarks. */
export function indicatorRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  const read = { permission: 'indicator:read' as const };

  // catalogue
  r.get('/api/indicators', { config: read, schema: { tags, summary: '指标库（默认只列在用指标）', querystring: IndicatorQuerySchema, response: { 200: z.array(IndicatorSchema) } } }, async (req) =>
    svc.listIndicators(ctxOf(req, deps), req.query),
  );
  r.get('/api/indicators/formulas', { config: read, schema: { tags, summary: '系统计算指标的公式与口径', response: { 200: z.array(FormulaInfoSchema) } } }, async () => svc.formulas());
  r.get('/api/indicators/units', { config: read, schema: { tags, summary: '被考核单位（按类型或指标，限本人数据范围）', querystring: UnitOptionsQuerySchema, response: { 200: z.array(UnitOptionSchema) } } }, async (req) =>
    svc.unitOptions(ctxOf(req, deps), req.query),
  );
  r.get('/api/indicators/:id', { config: read, schema: { tags, summary: '指标详情', params: IdParams, response: { 200: IndicatorSchema } } }, async (req) => svc.getIndicator(deps.db, req.params.id));
  r.post('/api/indicators', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '新增指标', body: IndicatorInputSchema, response: { 201: IndicatorSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.createIndicator(ctxOf(req, deps), req.body)),
  );
  r.patch('/api/indicators/:id', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '修改指标（status=retired 停用）', params: IdParams, body: IndicatorPatchSchema, response: { 200: IndicatorSchema } } }, async (req) =>
    svc.updateIndicator(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/indicators/:id', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '删除未使用的自定义指标', params: IdParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await svc.deleteIndicator(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });

  // targets
  r.get('/api/targets', { config: read, schema: { tags, summary: '目标任务表（单位 × 年度目标、基数、分解、多年目标）', querystring: TargetsQuerySchema, response: { 200: TargetGridSchema } } }, async (req) =>
    svc.targetGrid(ctxOf(req, deps), req.query.year, req.query.indicatorId),
  );
  r.put('/api/targets', { config: { permission: 'indicator:target' }, schema: { tags, summary: '保存目标任务表（年度与指标在请求体或查询参数中）', querystring: TargetsPutQuerySchema, body: TargetsPutSchema, response: { 200: TargetGridSchema } } }, async (req) => {
    const year = req.body.year ?? req.query.year;
    const indicatorId = req.body.indicatorId ?? req.query.indicatorId;
    if (!year || !indicatorId) throw new AppError('VALIDATION', '请填写年度和指标', [{ path: year ? 'indicatorId' : 'year', message: year ? '请选择指标' : '请填写年度' }]);
    return svc.saveTargets(ctxOf(req, deps), { year, indicatorId, rows: req.body.rows });
  });

  // data entry periods
  r.get('/api/indicator-periods', { config: read, schema: { tags, summary: '指标填报期（含应报、已报、未报、逾期数）', response: { 200: z.array(IndicatorPeriodSchema) } } }, async (req) => svc.listPeriods(ctxOf(req, deps)));
  r.post('/api/indicator-periods', { config: { permission: 'indicator:review' }, schema: { tags, summary: '开启填报期', body: IndicatorPeriodInputSchema, response: { 201: IndicatorPeriodSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.openPeriod(ctxOf(req, deps), req.body)),
  );
  r.patch('/api/indicator-periods/:id', { config: { permission: 'indicator:review' }, schema: { tags, summary: '修改截止日期、关闭或重新开启填报期', params: IdParams, body: IndicatorPeriodPatchSchema, response: { 200: IndicatorPeriodSchema } } }, async (req) =>
    svc.patchPeriod(ctxOf(req, deps), req.params.id, req.body),
  );
  r.get('/api/indicator-periods/:id/cells', { config: read, schema: { tags, summary: '填报期的每个单位 × 指标及其状态（审核、未报、逾期）', params: IdParams, response: { 200: z.array(OwedItemSchema) } } }, async (req) =>
    svc.periodCells(ctxOf(req, deps), req.params.id),
  );

  // values
  r.get('/api/indicator-values', { config: read, schema: { tags, summary: '指标数据（一个指标一期的单位排名表）', querystring: IndicatorValuesQuerySchema, response: { 200: IndicatorValuesSchema } } }, async (req) =>
    values.valuesTable(ctxOf(req, deps), req.query),
  );
  r.get('/api/indicator-values/owed', { config: read, schema: { tags, summary: '本单位待填报的指标', response: { 200: z.array(OwedItemSchema) } } }, async (req) => svc.owed(ctxOf(req, deps)));
  r.post('/api/indicator-values', { config: { permission: 'indicator:report' }, schema: { tags, summary: '填报指标数据（submit=false 存草稿）', body: ValueReportSchema, response: { 201: ValueRecordSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.reportValue(ctxOf(req, deps), req.body)),
  );
  r.post('/api/indicator-values/publish', { config: { permission: 'indicator:review' }, schema: { tags, summary: '发布或撤回一个指标一期的排名（发布后各单位可见同类单位的数值与排名）', body: PublishSchema, response: { 200: PublishSchema } } }, async (req) =>
    svc.setPublished(ctxOf(req, deps), req.body),
  );
  r.get('/api/indicator-values/:id', { config: read, schema: { tags, summary: '一条指标数据（含修改历史与佐证材料）', params: IdParams, response: { 200: ValueRecordSchema } } }, async (req) =>
    svc.getValueRecord(ctxOf(req, deps), req.params.id),
  );
  r.post('/api/indicator-values/:id/review', { config: { permission: 'indicator:review' }, schema: { tags, summary: '审核：通过或退回（须写原因）', params: IdParams, body: ValueReviewSchema, response: { 200: ValueRecordSchema } } }, async (req) =>
    svc.reviewValue(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/indicator-values/:id/files',
    { config: { permission: 'indicator:report' }, schema: { tags, summary: '上传佐证材料（图片、PDF、.docx、.xlsx，每个不超过20MB）', consumes: ['multipart/form-data'], params: IdParams, response: { 201: ValueRecordSchema } } },
    async (req, reply) => reply.status(201).send(await svc.addFiles(ctxOf(req, deps), req.params.id, await uploadedFiles(req, { files: svc.EVIDENCE_MAX_FILES, fileSize: svc.EVIDENCE_MAX_BYTES }))),
  );
  r.get('/api/indicator-values/:id/files/:fileId', { config: read, schema: { tags, summary: '下载佐证材料', params: FileParams } }, async (req, reply) => {
    const f = await svc.readFile(ctxOf(req, deps), req.params.id, req.params.fileId);
    const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });
  r.delete('/api/indicator-values/:id/files/:fileId', { config: { permission: 'indicator:report' }, schema: { tags, summary: '删除佐证材料（审核前）', params: FileParams, response: { 200: ValueRecordSchema } } }, async (req) =>
    svc.deleteFile(ctxOf(req, deps), req.params.id, req.params.fileId),
  );

  // benchmarking
  r.get('/api/benchmarks', { config: read, schema: { tags, summary: '经济运行对标：本单位在同级或对标组中的数值、增速、位次', querystring: BenchmarkQuerySchema, response: { 200: BenchmarkSchema } } }, async (req) =>
    values.benchmark(ctxOf(req, deps), req.query),
  );
  r.get('/api/benchmarks/summary', { config: read, schema: { tags, summary: '本单位在各对标指标最新发布期的位次（驾驶舱）', response: { 200: RankSummarySchema } } }, async (req) => values.rankSummary(ctxOf(req, deps)));
  r.get('/api/peer-groups', { config: read, schema: { tags, summary: '对标组', response: { 200: z.array(PeerGroupSchema) } } }, async (req) => svc.listPeerGroups(ctxOf(req, deps)));
  r.post('/api/peer-groups', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '新增对标组', body: PeerGroupInputSchema, response: { 201: z.array(PeerGroupSchema) } } }, async (req, reply) =>
    reply.status(201).send(await svc.createPeerGroup(ctxOf(req, deps), req.body)),
  );
  r.patch('/api/peer-groups/:id', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '修改对标组', params: IdParams, body: PeerGroupInputSchema.partial(), response: { 200: z.array(PeerGroupSchema) } } }, async (req) =>
    svc.updatePeerGroup(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/peer-groups/:id', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '删除对标组', params: IdParams, response: { 200: z.array(PeerGroupSchema) } } }, async (req) =>
    svc.deletePeerGroup(ctxOf(req, deps), req.params.id),
  );
  r.get('/api/external-units', { config: read, schema: { tags, summary: '平台外的对标单位（只导入其统计数据）', response: { 200: z.array(ExternalUnitSchema) } } }, async (req) => svc.listExternalUnits(ctxOf(req, deps)));
  r.post('/api/external-units', { config: { permission: 'indicator:manage' }, schema: { tags, summary: '新增平台外对标单位', body: ExternalUnitInputSchema, response: { 201: ExternalUnitSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.createExternalUnit(ctxOf(req, deps), req.body)),
  );
}
