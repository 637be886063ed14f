import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoOrganisation } from './admin.demo.js';
import { adminRoutes } from './admin.routes.js';


/** 组织与权限：区域、单位、企业、用户 */
export const adminModule: ModuleManifest = {
  name: 'admin',
  permissions: permissionsOf('admin'),
  routes: adminRoutes,
  demo: { order: 10, seed: seedDemoOrganisation },
};
