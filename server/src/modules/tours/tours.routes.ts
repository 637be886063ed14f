import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NominationInputSchema,
  NominationPatchSchema,
  NominationSchema,
  ScoreInputSchema,
  ScorePatchSchema,
  ScoreSheetSchema,
  TourDetailSchema,
  TourInputSchema,
  TourJudgeCandidateSchema,
  TourJudgeInputSchema,
  TourJudgeSchema,
  TourPatchSchema,
  TourQuerySchema,
  TourResultsSchema,
  TourSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { uploadedFiles } from '../../plugins/uploads.js';
import * as svc from './tours.service.js';

const id = z.coerce.number().int().positive('编号无效');
const IdParams = z.object({ id });
const NomParams = z.object({ id, nid: id });
const PhotoParams = z.object({ id, nid: id, photoId: id });
const SheetParams = z.object({ id, sid: id });
const Ok = z.object({ ok: z.boolean() });

/** 现场观摩评比: tours, nominations and photos, score sheets, results, the judge pool. */
export function tourRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tours'];
  const read = { permission: 'tour:read' as const };
  const manage = { permission: 'tour:manage' as const };
  const nominate = { permission: 'tour:nominate' as const };

  r.get('/api/tours', { config: read, schema: { tags, summary: '观摩评比活动', querystring: TourQuerySchema, response: { 200: z.array(TourSchema) } } }, async (req) => svc.listTours(ctxOf(req, deps), req.query));
  r.post('/api/tours', { config: manage, schema: { tags, summary: '新建观摩评比（筹备中）', body: TourInputSchema, response: { 201: TourDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTour(ctxOf(req, deps), req.body)),
  );
  r.get('/api/tours/:id', { config: read, schema: { tags, summary: '观摩评比详情（推荐项目限本人可见范围）', params: IdParams, response: { 200: TourDetailSchema } } }, async (req) => svc.getTour(ctxOf(req, deps), req.params.id));
  r.patch('/api/tours/:id', { config: manage, schema: { tags, summary: '修改观摩评比；status: open 开始评分，closed 结束并公布结果', params: IdParams, body: TourPatchSchema, response: { 200: TourDetailSchema } } }, async (req) =>
    svc.updateTour(ctxOf(req, deps), req.params.id, req.body),
  );

  r.get('/api/tours/:id/nominations', { config: read, schema: { tags, summary: '推荐项目（限本人可见范围）', params: IdParams, response: { 200: z.array(NominationSchema) } } }, async (req) => svc.listNominations(ctxOf(req, deps), req.params.id));
  r.post('/api/tours/:id/nominations', { config: nominate, schema: { tags, summary: '推荐观摩项目（限本辖区，筹备中）', params: IdParams, body: NominationInputSchema, response: { 201: NominationSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.nominate(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.patch('/api/tours/:id/nominations/:nid', { config: nominate, schema: { tags, summary: '修改推荐项目（名称、类别、检查项、顺序）', params: NomParams, body: NominationPatchSchema, response: { 200: NominationSchema } } }, async (req) =>
    svc.updateNomination(ctxOf(req, deps), req.params.id, req.params.nid, req.body),
  );
  r.delete('/api/tours/:id/nominations/:nid', { config: nominate, schema: { tags, summary: '撤回推荐项目（筹备中）', params: NomParams, response: { 200: Ok } } }, async (req) => {
    await svc.deleteNomination(ctxOf(req, deps), req.params.id, req.params.nid);
    return { ok: true };
  });
  r.post(
    '/api/tours/:id/nominations/:nid/photos',
    { config: nominate, schema: { tags, summary: '上传项目现场照片（JPEG、PNG、WebP，每张不超过20MB）', consumes: ['multipart/form-data'], params: NomParams, response: { 201: NominationSchema } } },
    async (req, reply) => reply.status(201).send(await svc.addPhotos(ctxOf(req, deps), req.params.id, req.params.nid, await uploadedFiles(req, { files: svc.PHOTO_MAX_FILES, fileSize: svc.PHOTO_MAX_BYTES }, '照片'))),
  );
  r.get('/api/tours/:id/nominations/:nid/photos/:photoId', { config: read, schema: { tags, summary: '项目现场照片', params: PhotoParams } }, async (req, reply) => {
    const f = await svc.readPhoto(ctxOf(req, deps), req.params.id, req.params.nid, req.params.photoId);
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });
  r.delete('/api/tours/:id/nominations/:nid/photos/:photoId', { config: nominate, schema: { tags, summary: '删除项目现场照片', params: PhotoParams, response: { 200: NominationSchema } } }, async (req) =>
    svc.deletePhoto(ctxOf(req, deps), req.params.id, req.params.nid, req.params.photoId),
  );

  r.get('/api/tours/:id/scores', { config: read, schema: { tags, summary: '评分表：评委本人的；观摩管理者看全部', params: IdParams, response: { 200: z.array(ScoreSheetSchema) } } }, async (req) => svc.listSheets(ctxOf(req, deps), req.params.id));
  r.post('/api/tours/:id/scores', { config: { permission: 'tour:score' }, schema: { tags, summary: '评委提交一个项目的评分表（名次投票：提交全部项目的排序），每人每项目一次', params: IdParams, body: ScoreInputSchema, response: { 201: ScoreSheetSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.submitSheet(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.patch('/api/tours/:id/scores/:sid', { config: { permission: 'tour:score' }, schema: { tags, summary: '评委更正本人的评分表（评分期内）', params: SheetParams, body: ScorePatchSchema, response: { 200: ScoreSheetSchema } } }, async (req) =>
    svc.correctSheet(ctxOf(req, deps), req.params.id, req.params.sid, req.body),
  );
  r.get('/api/tours/:id/results', { config: read, schema: { tags, summary: '评比结果：项目与推荐单位得分、名次（结束后公布）', params: IdParams, response: { 200: TourResultsSchema } } }, async (req) => svc.results(ctxOf(req, deps), req.params.id));

  r.get('/api/tour-judges', { config: read, schema: { tags, summary: '评委库', response: { 200: z.array(TourJudgeSchema) } } }, async (req) => svc.listJudges(ctxOf(req, deps)));
  r.get('/api/tour-judges/candidates', { config: manage, schema: { tags, summary: '可加入评委库的账号', response: { 200: z.array(TourJudgeCandidateSchema) } } }, async (req) => svc.judgeCandidates(ctxOf(req, deps)));
  r.post('/api/tour-judges', { config: manage, schema: { tags, summary: '加入评委库', body: TourJudgeInputSchema, response: { 201: TourJudgeSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.addJudge(ctxOf(req, deps), req.body)),
  );
  r.delete('/api/tour-judges/:id', { config: manage, schema: { tags, summary: '移出评委库（不在任何观摩的评委组中）', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await svc.removeJudge(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
}
