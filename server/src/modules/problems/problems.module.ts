import type { ModuleManifest } from '../../core/module.js';
import { problemRoutes } from './problems.routes.js';
import { escalateJob, promptJob } from './problems.jobs.js';

/** 问题解决清单：交办、办理、升级、评价 */
export const problemsModule: ModuleManifest = {
  name: 'problems',
  routes: problemRoutes,
  jobs: [escalateJob, promptJob],
};
