import { permissionsOf } from '@tiaodu/contracts';
import { job, type ModuleManifest } from '../../core/module.js';
import { taskRoutes } from './tasks.routes.js';
import { escalateOverdueUrges } from './tasks.service.js';
import { seedDemoTasks } from './tasks.demo.js';

/**
 * 重点工作督办: key tasks with targets, sub-tasks, nodes and linked projects, progress reports on a
 * cadence with review, 督办 that climbs the problems' ladder when left unanswered, the 督查 desk,
 * 办结率 statistics and the figures of a 督查通报. Publishes `task.changed`.
 */
export const tasksModule: ModuleManifest = {
  name: 'tasks',
  permissions: permissionsOf('tasks'),
  routes: taskRoutes,
  jobs: [job('tasks.escalate', 60 * 60_000, (ctx) => escalateOverdueUrges(ctx))],
  demo: { order: 100, seed: seedDemoTasks },
};
