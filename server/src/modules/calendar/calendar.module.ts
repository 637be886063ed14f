import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { calendarRoutes } from './calendar.routes.js';


/** 工作日历 */
export const calendarModule: ModuleManifest = {
  name: 'calendar',
  permissions: permissionsOf('calendar'),
  routes: calendarRoutes,
};
