import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoApprovals } from './approvals.demo.js';
import { approvalRoutes, publicEfficiencyRoutes } from './approvals.routes.js';
import { signalsJob } from './signals.job.js';

/** 手续办理与效能监察（含公开的部门效能表） */
export const approvalsModule: ModuleManifest = {
  name: 'approvals',
  permissions: permissionsOf('approvals'),
  routes: (app, deps) => {
    approvalRoutes(app, deps);
    publicEfficiencyRoutes(app, deps);
  },
  jobs: [signalsJob],
  demo: { order: 70, seed: seedDemoApprovals },
};
