import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app.js';

/** Excel import and export of the ledger. */
export function projectFileRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
