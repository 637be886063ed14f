import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DepartmentInputSchema,
  DepartmentSchema,
  EnterpriseInputSchema,
  EnterpriseSchema,
  RegionInputSchema,
  RegionSchema,
  ROLE_VALUES,
  UserCreateSchema,
  UserPatchSchema,
  UserSchema,
} from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { ctxOf } from '../../plugins/auth.js';
import * as org from './org.service.js';
import * as usersSvc from './users.service.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Ok = z.object({ ok: z.boolean() });
const Paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) };

export function adminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof ctxOf>[0]) => ctxOf(req, deps);

  // Regions: everyone signed in reads the tree (pickers, filters); admins change it.
  r.get('/api/regions', { schema: { tags: ['admin'], summary: '区域列表（GB/T 2260）', response: { 200: z.array(RegionSchema) } } }, async (req) => org.listRegions(ctx(req)));
  r.post('/api/regions', { config: { permission: 'admin:region' }, schema: { tags: ['admin'], summary: '新增区域', body: RegionInputSchema, response: { 201: RegionSchema } } }, async (req, reply) =>
    reply.status(201).send(await org.createRegion(ctx(req), req.body)),
  );
  r.patch(
    '/api/regions/:code',
    { config: { permission: 'admin:region' }, schema: { tags: ['admin'], summary: '修改区域', params: z.object({ code: z.string() }), body: RegionInputSchema.omit({ code: true }).partial(), response: { 200: RegionSchema } } },
    async (req) => org.updateRegion(ctx(req), req.params.code, req.body),
  );
  r.delete('/api/regions/:code', { config: { permission: 'admin:region' }, schema: { tags: ['admin'], summary: '删除区域', params: z.object({ code: z.string() }), response: { 200: Ok } } }, async (req) => {
    await org.deleteRegion(ctx(req), req.params.code);
    return { ok: true };
  });

  r.get('/api/departments', { schema: { tags: ['admin'], summary: '部门与责任单位', response: { 200: z.array(DepartmentSchema) } } }, async (req) => org.listDepartments(ctx(req)));
  r.post('/api/departments', { config: { permission: 'admin:department' }, schema: { tags: ['admin'], summary: '新增单位', body: DepartmentInputSchema, response: { 201: DepartmentSchema } } }, async (req, reply) =>
    reply.status(201).send(await org.createDepartment(ctx(req), req.body)),
  );
  r.patch(
    '/api/departments/:id',
    { config: { permission: 'admin:department' }, schema: { tags: ['admin'], summary: '修改单位', params: IdParams, body: DepartmentInputSchema.partial(), response: { 200: DepartmentSchema } } },
    async (req) => org.updateDepartment(ctx(req), req.params.id, req.body),
  );
  r.delete('/api/departments/:id', { config: { permission: 'admin:department' }, schema: { tags: ['admin'], summary: '删除单位', params: IdParams, response: { 200: Ok } } }, async (req) => {
    await org.deleteDepartment(ctx(req), req.params.id);
    return { ok: true };
  });

  r.get(
    '/api/enterprises',
    { schema: { tags: ['admin'], summary: '项目业主企业（按数据范围）', querystring: z.object({ q: z.string().max(100).optional(), ...Paging }), response: { 200: z.object({ items: z.array(EnterpriseSchema), total: z.number() }) } } },
    async (req) => org.listEnterprises(ctx(req), req.query),
  );
  r.post('/api/enterprises', { config: { permission: 'admin:enterprise' }, schema: { tags: ['admin'], summary: '新增企业', body: EnterpriseInputSchema, response: { 201: EnterpriseSchema } } }, async (req, reply) =>
    reply.status(201).send(await org.createEnterprise(ctx(req), req.body)),
  );
  r.patch(
    '/api/enterprises/:id',
    { config: { permission: 'admin:enterprise' }, schema: { tags: ['admin'], summary: '修改企业', params: IdParams, body: EnterpriseInputSchema.partial(), response: { 200: EnterpriseSchema } } },
    async (req) => org.updateEnterprise(ctx(req), req.params.id, req.body),
  );

  r.get('/api/leaders', { schema: { tags: ['admin'], summary: '包保领导', response: { 200: z.array(z.object({ id: z.number(), name: z.string(), title: z.string().nullable() })) } } }, async (req) =>
    usersSvc.listLeaders(ctx(req)),
  );
  r.get(
    '/api/users',
    {
      config: { permission: 'admin:user' },
      schema: { tags: ['admin'], summary: '用户列表', querystring: z.object({ q: z.string().max(100).optional(), role: z.enum(ROLE_VALUES).optional(), ...Paging }), response: { 200: z.object({ items: z.array(UserSchema), total: z.number() }) } },
    },
    async (req) => usersSvc.listUsers(ctx(req), req.query),
  );
  r.post('/api/users', { config: { permission: 'admin:user' }, schema: { tags: ['admin'], summary: '新增用户', body: UserCreateSchema, response: { 201: UserSchema } } }, async (req, reply) =>
    reply.status(201).send(await usersSvc.createUser(ctx(req), req.body)),
  );
  r.patch('/api/users/:id', { config: { permission: 'admin:user' }, schema: { tags: ['admin'], summary: '修改用户（含重置密码、解锁）', params: IdParams, body: UserPatchSchema, response: { 200: UserSchema } } }, async (req) =>
    usersSvc.updateUser(ctx(req), req.params.id, req.body),
  );
}
