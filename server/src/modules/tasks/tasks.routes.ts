import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  TaskDetailSchema,
  TaskImportResultSchema,
  TaskInputSchema,
  TaskListItemSchema,
  TaskListQuerySchema,
  TaskNodeInputSchema,
  TaskNodePatchSchema,
  TaskOverdueQuerySchema,
  TaskOverdueSchema,
  TaskPatchSchema,
  TaskReportInputSchema,
  TaskReportSchema,
  TaskReviewSchema,
  TaskScheduleSchema,
  TaskStatsQuerySchema,
  TaskStatsSchema,
  TaskTypesSchema,
  TaskUrgeAnswerSchema,
  TaskUrgeInputSchema,
  TaskUrgeSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import { sendSerialised } from '../../core/read-cache.js';
import { uploadedFiles, uploadedWorkbook } from '../../plugins/uploads.js';
import { attachmentDisposition, XLSX_MIME } from '../../lib/xlsx/write.js';
import * as svc from './tasks.service.js';
import { exportTasks } from './tasks.export.js';

import { importTasks } from './tasks.import.js';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号无效').max(2 ** 31 - 1, '编号无效') });
const FileParams = IdParams.extend({ fileId: z.coerce.number().int().positive('编号无效').max(2 ** 31 - 1, '编号无效') });

/** 重点工作督办: tasks, nodes, reports and review, 督办, the 督查 desk and statistics, import and export. */
export function taskRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];
  const read = { permission: 'task:read' as const };
  const manage = { permission: 'task:manage' as const };
  const report = { permission: 'task:report' as const };

  r.get('/api/task-types', { config: read, schema: { tags, summary: '任务类型', response: { 200: TaskTypesSchema } } }, async (req) => svc.getTaskTypes(ctxOf(req, deps)));
  r.put('/api/task-types', { config: manage, schema: { tags, summary: '修改任务类型（调度员）', body: TaskTypesSchema, response: { 200: TaskTypesSchema } } }, async (req) => svc.setTaskTypes(ctxOf(req, deps), req.body));

  r.get('/api/tasks', { config: read, schema: { tags, summary: '重点任务（限本人范围；调度、督查默认只列一级任务）', querystring: TaskListQuerySchema, response: { 200: z.array(TaskListItemSchema) } } }, async (req) =>
    svc.listTasks(ctxOf(req, deps), req.query),
  );
  r.get('/api/tasks/mine', { config: read, schema: { tags, summary: '本人牵头或跟踪的任务（驾驶舱）', response: { 200: z.array(TaskListItemSchema) } } }, async (req) => svc.myTasks(ctxOf(req, deps)));
  r.get('/api/tasks/overdue', { config: read, schema: { tags, summary: '督查台：逾期节点、红黄灯任务、督办事项、未报进展（各取最紧要的 limit 条，另给总数）', querystring: TaskOverdueQuerySchema, response: { 200: TaskOverdueSchema } } }, async (req, reply) =>
    sendSerialised(req, reply, await svc.overdueJson(ctxOf(req, deps), req.query.limit)),
  );
  r.get('/api/tasks/stats', { config: read, schema: { tags, summary: '办结率与按时办结率（按牵头单位，期内到期事项）', querystring: TaskStatsQuerySchema, response: { 200: TaskStatsSchema } } }, async (req, reply) =>
    sendSerialised(req, reply, await svc.statsJson(ctxOf(req, deps), req.query.period)),
  );
  r.get('/api/tasks/export.xlsx', { config: read, schema: { tags, summary: '导出任务清单（Excel：序号、任务、牵头领导、牵头单位、配合单位、完成时限、进展情况）', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req, reply) => {
    const { buffer, title } = await exportTasks(ctxOf(req, deps), req.query.year);
    return reply.header('Content-Type', XLSX_MIME).header('Content-Disposition', attachmentDisposition(`${title}.xlsx`, 'tasks.xlsx')).header('Cache-Control', 'no-store').send(buffer);
  });
  r.post(
    '/api/tasks/import',
    { config: { permission: 'task:import' }, schema: { tags, summary: '导入任务清单（Excel，全部成功才导入；dryRun=true 只检查）', consumes: ['multipart/form-data'], querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }), response: { 200: TaskImportResultSchema } } },
    async (req) => {
      const up = await uploadedWorkbook(req, 'tasks.xlsx');
      return importTasks(ctxOf(req, deps), up.file, { dryRun: req.query.dryRun !== 'false', type: up.fields.type, year: up.fields.year ? Number(up.fields.year) : undefined });
    },
  );
  r.post('/api/tasks', { config: manage, schema: { tags, summary: '新建重点任务或子任务（parentId）', body: TaskInputSchema, response: { 201: TaskDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.createTask(ctxOf(req, deps), req.body)),
  );
  r.get('/api/tasks/:id', { config: read, schema: { tags, summary: '任务详情（目标、节点、子任务、关联项目、进展、督办）', params: IdParams, response: { 200: TaskDetailSchema } } }, async (req) => svc.getTask(ctxOf(req, deps), req.params.id));
  r.patch('/api/tasks/:id', { config: manage, schema: { tags, summary: '修改任务（done=true 办结）', params: IdParams, body: TaskPatchSchema, response: { 200: TaskDetailSchema } } }, async (req) =>
    svc.updateTask(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/tasks/:id', { config: manage, schema: { tags, summary: '删除任务（无子任务时）', params: IdParams, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await svc.deleteTask(ctxOf(req, deps), req.params.id);
    return { ok: true };
  });
  r.post(
    '/api/tasks/:id/letter',
    { config: manage, schema: { tags, summary: '上传责任状/军令状', consumes: ['multipart/form-data'], params: IdParams, response: { 201: TaskDetailSchema } } },
    async (req, reply) => reply.status(201).send(await svc.addLetter(ctxOf(req, deps), req.params.id, await uploadedFiles(req, { files: svc.FILE_MAX_FILES, fileSize: svc.FILE_MAX_BYTES }))),
  );
  r.get('/api/tasks/:id/files/:fileId', { config: read, schema: { tags, summary: '下载任务附件或佐证材料', params: FileParams } }, async (req, reply) => {
    const f = await svc.readTaskFile(ctxOf(req, deps), req.params.id, req.params.fileId);
    const inline = f.mime.startsWith('image/') || f.mime === 'application/pdf';
    return reply
      .header('content-type', f.mime)
      .header('content-length', f.size)
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(f.stream);
  });

  // nodes
  r.post('/api/tasks/:id/nodes', { config: manage, schema: { tags, summary: '新增节点', params: IdParams, body: TaskNodeInputSchema, response: { 201: TaskDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.addNode(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post('/api/tasks/:id/nodes/schedule', { config: manage, schema: { tags, summary: '按工期从完成时限倒排节点', params: IdParams, body: TaskScheduleSchema, response: { 201: TaskDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.scheduleNodes(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.patch('/api/task-nodes/:id', { config: manage, schema: { tags, summary: '修改节点（done 完成）', params: IdParams, body: TaskNodePatchSchema, response: { 200: TaskDetailSchema } } }, async (req) =>
    svc.patchNode(ctxOf(req, deps), req.params.id, req.body),
  );
  r.delete('/api/task-nodes/:id', { config: manage, schema: { tags, summary: '删除节点', params: IdParams, response: { 200: TaskDetailSchema } } }, async (req) => svc.deleteNode(ctxOf(req, deps), req.params.id));

  // reports
  r.post('/api/tasks/:id/reports', { config: report, schema: { tags, summary: '填报进展（牵头单位；submit=false 暂存）', params: IdParams, body: TaskReportInputSchema, response: { 201: TaskReportSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.reportProgress(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post(
    '/api/task-reports/:id/files',
    { config: report, schema: { tags, summary: '上传进展佐证材料（照片、PDF、.docx、.xlsx）', consumes: ['multipart/form-data'], params: IdParams, response: { 201: TaskReportSchema } } },
    async (req, reply) => reply.status(201).send(await svc.addReportFiles(ctxOf(req, deps), req.params.id, await uploadedFiles(req, { files: svc.FILE_MAX_FILES, fileSize: svc.FILE_MAX_BYTES }))),
  );
  r.post('/api/task-reports/:id/review', { config: { permission: 'task:review' }, schema: { tags, summary: '审核进展：通过或退回（须写原因）', params: IdParams, body: TaskReviewSchema, response: { 200: TaskReportSchema } } }, async (req) =>
    svc.reviewReport(ctxOf(req, deps), req.params.id, req.body),
  );

  // 督办
  r.post('/api/tasks/:id/urge', { config: { permission: 'task:urge' }, schema: { tags, summary: '督办：事由与新时限（工作日或日期）', params: IdParams, body: TaskUrgeInputSchema, response: { 201: TaskUrgeSchema } } }, async (req, reply) =>
    reply.status(201).send(await svc.urgeTask(ctxOf(req, deps), req.params.id, req.body)),
  );
  r.post('/api/task-urges/:id/answer', { config: report, schema: { tags, summary: '答复督办（牵头单位）', params: IdParams, body: TaskUrgeAnswerSchema, response: { 200: TaskUrgeSchema } } }, async (req) =>
    svc.answerUrge(ctxOf(req, deps), req.params.id, req.body),
  );
}
