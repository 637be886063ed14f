import type { ModuleManifest } from '../../core/module.js';
import { planRoutes } from './plans.routes.js';


/** 年度计划与月度分解 */
export const plansModule: ModuleManifest = {
  name: 'plans',
  routes: planRoutes,
};
