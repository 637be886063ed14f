import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { schedulerRoutes, testClockRoutes } from './scheduler.routes.js';


/** 定时任务（按需运行）与测试时钟 */
export const schedulerModule: ModuleManifest = {
  name: 'scheduler',
  permissions: permissionsOf('scheduler'),
  routes: (app, deps) => {
    schedulerRoutes(app, deps);
    testClockRoutes(app, deps);
  },
};
