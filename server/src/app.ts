import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { systemClock, type Clock } from './core/clock.js';
import { registerAuth } from './plugins/auth.js';
import { bumpReadCache } from './core/read-cache.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerInputGuard } from './plugins/input.js';
import { startScheduler } from './modules/scheduler/scheduler.service.js';
import { registerJob } from './modules/scheduler/registry.js';
import { MODULES, subscribeModules } from './modules/index.js';
import { enableAfterCommit } from './core/events.js';
import type { AppDeps } from './core/module.js';

z.config(z.locales.zhCN());

/** How an operation's description in the OpenAPI document names its permission key. */
export const PERMISSION_NOTE = '所需权限：';

export type { AppDeps };

export type App = FastifyInstance;

export interface BuildOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  /** Start the in-process scheduler (the server does; tests run jobs on demand). */
  scheduler?: boolean;
}

/** Trusts the nearest `n` proxies: addresses 0..n-1 of the X-Forwarded-For chain, counted from the connection. */
function hops(n: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < n;
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const deps: AppDeps = { db: opts.db, config: opts.config, clock: opts.clock ?? systemClock };
  const app = Fastify({
    logger: opts.config.logLevel === 'silent' ? false : { level: opts.config.logLevel },
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For is believed only from the configured proxies (TIAODU_TRUST_PROXY)
    trustProxy: typeof opts.config.trustProxy === 'number' ? hops(opts.config.trustProxy) : opts.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const dist = opts.config.webDist;
  const serveWeb = Boolean(dist && existsSync(path.join(dist, 'index.html')));
  registerErrorHandler(app, { spaFallback: serveWeb });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(opts.config.mapTileUrl ? [new URL(opts.config.mapTileUrl.replace(/\{[a-z]\}/g, 'a')).origin] : [])],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Tiaodu (调度) API', version: '0.1.0', description: '重点项目调度平台接口' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tiaodu_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      // each operation names what it needs: a session, the CSRF token on writes, a permission key
      const cfg = input.route.config as { public?: boolean; permission?: string } | undefined;
      const methods = ([] as string[]).concat(input.route.method);
      const write = methods.some((m) => m !== 'GET' && m !== 'HEAD');
      const schema = out.schema as Record<string, unknown>;
      const security: Array<Record<string, string[]>> = cfg?.public ? [] : [write ? { session: [], csrf: [] } : { session: [] }];
      const description = [schema.description, cfg?.permission ? `${PERMISSION_NOTE}${cfg.permission}` : undefined].filter(Boolean).join('\n\n');
      return { ...out, schema: { ...schema, security, ...(description ? { description } : {}) } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, deps);
  registerInputGuard(app);
  // a committed write makes the cached dashboards and warning lists stale (core/read-cache.ts);
  // onSend runs after the handler's transaction and before the client can see the answer
  app.addHook('onSend', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS' && reply.statusCode < 400 && !req.routeOptions.config?.keepsReadCache) bumpReadCache(deps.db);
  });

  app.get('/api/health', { config: { public: true }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/settings', { config: { public: true }, schema: { hide: true } }, async () => ({ mapTileUrl: opts.config.mapTileUrl ?? null }));

  // the app is its modules: their routes in list order, their jobs in the scheduler
  for (const m of MODULES) for (const j of m.jobs ?? []) registerJob(j.name, j.everyMs, j.run);
  subscribeModules();
  enableAfterCommit(opts.db);
  await app.register(async (api) => {
    for (const m of MODULES) m.routes?.(api, deps);
  });

  if (opts.scheduler) {
    const stop = startScheduler(deps, (err) => app.log.error({ err }, 'scheduled job failed'));
    app.addHook('onClose', async () => stop());
  }

  if (serveWeb) {
    await app.register(fastifyStatic, { root: dist!, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  return app;
}
