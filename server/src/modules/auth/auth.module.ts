import type { ModuleManifest } from '../../core/module.js';
import { authRoutes } from './auth.routes.js';


/** 登录、退出、本人信息与密码 */
export const authModule: ModuleManifest = {
  name: 'auth',
  routes: authRoutes,
};
