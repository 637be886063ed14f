import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PersonAccountInputSchema, PersonInputSchema, PersonPatchSchema, PersonQuerySchema, PersonSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as svc from './people.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive('编号无效') });

/** 人员: leaders and unit people, with or without a login. */
export function peopleRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];
  r.get(
    '/api/people',
    { schema: { tags, summary: '人员（领导、单位负责人、联络员），有无账号均列出；role=leader 只列领导', querystring: PersonQuerySchema, response: { 200: z.array(PersonSchema) } } },
    async (req) => svc.listPeople(ctxOf(req, deps), req.query),
  );
  r.get('/api/people/:id', { schema: { tags, summary: '人员详情', params: IdParams, response: { 200: PersonSchema } } }, async (req) => svc.getPerson(ctxOf(req, deps), req.params.id));
  r.post(
    '/api/people',
    { config: { permission: 'admin:user' }, schema: { tags, summary: '新增人员', body: PersonInputSchema, response: { 201: PersonSchema } } },
    async (req, reply) => reply.status(201).send(await svc.createPerson(ctxOf(req, deps), req.body)),
  );
  r.patch(
    '/api/people/:id',
    { config: { permission: 'admin:user' }, schema: { tags, summary: '修改人员（含分管单位）', params: IdParams, body: PersonPatchSchema, response: { 200: PersonSchema } } },
    async (req) => svc.updatePerson(ctxOf(req, deps), req.params.id, req.body),
  );
  r.post(
    '/api/people/:id/account',
    { config: { permission: 'admin:user' }, schema: { tags, summary: '为人员开通账号（领导：包保的项目；单位人员：本单位）', params: IdParams, body: PersonAccountInputSchema, response: { 201: PersonSchema } } },
    async (req, reply) => reply.status(201).send(await svc.giveAccount(ctxOf(req, deps), req.params.id, req.body)),
  );
}
