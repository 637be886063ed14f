import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { auditRoutes } from './audit.routes.js';


/** 审计日志与哈希链校验 */
export const auditModule: ModuleManifest = {
  name: 'audit',
  permissions: permissionsOf('audit'),
  routes: auditRoutes,
};
