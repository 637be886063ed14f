import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoMilestones } from './milestones.demo.js';
import { milestoneRoutes } from './milestones.routes.js';


/** 节点计划、节点模板（倒排工期）、挂图作战 */
export const milestonesModule: ModuleManifest = {
  name: 'milestones',
  permissions: permissionsOf('milestones'),
  routes: milestoneRoutes,
  demo: { order: 40, seed: seedDemoMilestones },
};
