import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoWarnings } from './warnings.demo.js';
import { warningRoutes } from './warnings.routes.js';
import { backfillJob, lightsJob } from './warnings.jobs.js';
import { warningSubscribers } from './hooks.js';

/** 预警：序时进度、红黄绿灯、规则集 */
export const warningsModule: ModuleManifest = {
  name: 'warnings',
  permissions: permissionsOf('warnings'),
  routes: warningRoutes,
  jobs: [lightsJob, backfillJob],
  events: warningSubscribers,
  demo: { order: 90, seed: seedDemoWarnings },
};
