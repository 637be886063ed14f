import type { ModuleManifest } from '../../core/module.js';
import { setupRoutes } from './setup.routes.js';


/** 初始化向导与全国行政区划 */
export const setupModule: ModuleManifest = {
  name: 'setup',
  routes: setupRoutes,
};
