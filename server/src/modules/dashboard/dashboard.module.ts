import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { dashboardRoutes } from './dashboard.routes.js';


/** 领导驾驶舱 */
export const dashboardModule: ModuleManifest = {
  name: 'dashboard',
  permissions: permissionsOf('dashboard'),
  routes: dashboardRoutes,
};
