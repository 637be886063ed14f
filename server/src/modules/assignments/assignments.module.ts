import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { assignmentRoutes } from './assignments.routes.js';
import { campaignRoutes } from './campaigns.routes.js';
import { escalateJob } from './assignments.jobs.js';
import { seedDemoAssignments } from './assignments.demo.js';

/**
 * 领导交办与建议提案, and 攻坚行动. One manifest registers both route files: a manifest carries its
 * own permission declaration (module 'assignments'), and the campaigns' routes check the keys the
 * tasks module declares (task:read, campaign:manage) — a route may check any declared key.
 */
export const assignmentsModule: ModuleManifest = {
  name: 'assignments',
  permissions: permissionsOf('assignments'),
  routes: (app, deps) => {
    assignmentRoutes(app, deps);
    campaignRoutes(app, deps);
  },
  jobs: [escalateJob],
  demo: { order: 105, seed: seedDemoAssignments },
};
