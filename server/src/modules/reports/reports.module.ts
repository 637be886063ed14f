import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoReports } from './reports.demo.js';
import { reportRoutes } from './reports.routes.js';


/** 月报：填报窗口、填报、审核、修订、照片 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  permissions: permissionsOf('reports'),
  routes: reportRoutes,
  demo: { order: 50, seed: seedDemoReports },
};
