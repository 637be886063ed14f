import type { ModuleManifest } from '../../core/module.js';
import { peopleRoutes } from './people.routes.js';


/** 领导与人员（有无账号） */
export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes,
};
