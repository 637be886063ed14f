import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoPlans } from './plans.demo.js';
import { planRoutes } from './plans.routes.js';


/** 年度计划与月度分解 */
export const plansModule: ModuleManifest = {
  name: 'plans',
  permissions: permissionsOf('plans'),
  routes: planRoutes,
  demo: { order: 30, seed: seedDemoPlans },
};
