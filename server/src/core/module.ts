/**
 * The shape every server module has. A module is a folder under `modules/` that exports one
 * manifest from `<name>.module.ts`; `modules/index.ts` lists the manifests in order, and the app
 * builds itself from that list: routes (in list order, which is also the order of the OpenAPI
 * document) and scheduled jobs. Nothing here imports a module.
 */
import type { FastifyInstance } from 'fastify';
import type { ModulePermissions } from '@tiaodu/contracts';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Clock } from './clock.js';
import type { Ctx } from './context.js';
import type { Subscriber } from './events.js';

/** What the HTTP glue of a module needs: the database, the configuration and the clock. */
export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/**
 * A job run by the in-process scheduler and on demand. `run` must be idempotent and read the
 * time from `ctx.clock`: running it twice, or late after a restart, gives the same state.
 */
export interface Job {
  name: string;
  /** How often the job is due, in milliseconds of the clock. */
  everyMs: number;
  run(ctx: Ctx): Promise<unknown>;
}

export interface ModuleManifest {
  /** The folder's name: projects, plans, reports … */
  name: string;
  /** Registers the module's routes on the `/api` scope. */
  routes?: (app: FastifyInstance, deps: AppDeps) => void;
  /** The module's scheduled jobs. */
  jobs?: readonly Job[];
  /** What the module does when another publishes an event (core/events.ts). */
  events?: readonly Subscriber[];
  /** The permission keys the module adds and the roles it grants them to (declared in contracts/src/permissions.ts, where the role table is assembled from them). */
  permissions?: ModulePermissions;
  /** The module's part of the demo county, seeded in ascending `order` through its services. */
  demo?: { order: number; seed(ctx: Ctx): Promise<void> };
}

/** Declares a job (a helper that keeps the manifests short). */
export function job(name: string, everyMs: number, run: (ctx: Ctx) => Promise<unknown>): Job {
  return { name, everyMs, run };
}
