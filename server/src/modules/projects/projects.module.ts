import type { ModuleManifest } from '../../core/module.js';
import { projectRoutes } from './projects.routes.js';


/** 项目台账：台账、阶段、Excel 导入导出 */
export const projectsModule: ModuleManifest = {
  name: 'projects',
  routes: projectRoutes,
};
