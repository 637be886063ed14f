import type { ModuleManifest } from '../../core/module.js';
import { seedDemoPeople } from './people.demo.js';
import { peopleRoutes } from './people.routes.js';


/** 领导与人员（有无账号） */
export const peopleModule: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes,
  demo: { order: 15, seed: seedDemoPeople },
};
