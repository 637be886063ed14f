import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoProjects } from './projects.demo.js';
import { projectRoutes } from './projects.routes.js';


/** 项目台账：台账、阶段、Excel 导入导出 */
export const projectsModule: ModuleManifest = {
  name: 'projects',
  permissions: permissionsOf('projects'),
  routes: projectRoutes,
  demo: { order: 20, seed: seedDemoProjects },
};
