import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordSchema, LoginSchema, MeSchema } from '@tiaodu/contracts';
import type { AppDeps } from '../../core/module.js';
import { AppError } from '../../core/errors.js';
import { clearSessionCookie, ctxOf, setSessionCookie } from '../../plugins/auth.js';
import { changeOwnPassword, getMe, login, logout } from './auth.service.js';

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/auth/login',
    {
      config: { public: true, keepsReadCache: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: LoginSchema, response: { 200: MeSchema } },
    },
    async (req, reply) => {
      const { token, me } = await login(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id });
      setSessionCookie(reply, token, deps.config);
      return me;
    },
  );
  r.post('/api/auth/logout', { config: { public: true, keepsReadCache: true }, schema: { tags: ['auth'], summary: '退出登录' } }, async (req, reply) => {
    if (req.session) {
      const header = req.headers['x-csrf-token'];
      if (header !== req.session.csrfToken) throw new AppError('CSRF');
      await logout(deps.db, req.session.id);
    }
    clearSessionCookie(reply);
    return { ok: true };
  });
  r.get('/api/auth/me', { config: { beforePasswordChange: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } } }, async (req) => getMe(deps, req.user!.id, req.session!.csrfToken));
  r.post('/api/auth/password', { config: { beforePasswordChange: true, keepsReadCache: true }, schema: { tags: ['auth'], summary: '修改本人密码', body: ChangePasswordSchema, response: { 200: z.object({ ok: z.boolean() }) } } }, async (req) => {
    await changeOwnPassword(ctxOf(req, deps), req.body, req.session?.id);
    return { ok: true };
  });
}
