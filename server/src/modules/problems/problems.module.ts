import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoProblems } from './problems.demo.js';
import { problemRoutes } from './problems.routes.js';
import { escalateJob, promptJob } from './problems.jobs.js';
import { on } from '../../core/events.js';
import { onReportSubmitted } from './problems.service.js';

/** 问题解决清单：交办、办理、升级、评价 */
export const problemsModule: ModuleManifest = {
  name: 'problems',
  permissions: permissionsOf('problems'),
  routes: problemRoutes,
  jobs: [escalateJob, promptJob],
  // a report's 存在问题 raise a problem, in the report's transaction
  events: [on('report.submitted', (tx, ctx, e) => onReportSubmitted(tx as Parameters<typeof onReportSubmitted>[0], ctx, e.report))],
  demo: { order: 60, seed: seedDemoProblems },
};
