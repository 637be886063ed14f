import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { notificationRoutes } from './notifications.routes.js';
import { deliverJob } from './notifications.jobs.js';

/** 消息中心与短信/微信送达 */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  permissions: permissionsOf('notifications'),
  routes: notificationRoutes,
  jobs: [deliverJob],
};
