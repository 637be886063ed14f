import { permissionsOf } from '@tiaodu/contracts';
import { job, type ModuleManifest } from '../../core/module.js';
import { on } from '../../core/events.js';
import { seedDemoIndicators } from './indicators.demo.js';
import { indicatorRoutes } from './indicators.routes.js';
import { indicatorImportRoutes } from './import/import.routes.js';
import { markChanged, refreshStale } from './indicators.compute.js';
import { remindOwed } from './indicators.service.js';

/**
 * 指标库与目标责任: the catalogue, targets with 序时 checks, data entry periods, values from four
 * sources, league tables and 经济运行对标. Computed figures follow the project data: every commit
 * that changes projects, plans or reports raises its year's version (after commit), and the
 * figures are recomputed on the next read or by the refresh job.
 */
export const indicatorsModule: ModuleManifest = {
  name: 'indicators',
  permissions: permissionsOf('indicators'),
  routes: (app, deps) => {
    indicatorRoutes(app, deps);
    indicatorImportRoutes(app, deps);
  },
  jobs: [job('indicators.refresh', 10 * 60_000, (ctx) => refreshStale(ctx)), job('indicators.remind', 60 * 60_000, (ctx) => remindOwed(ctx))],
  events: [
    on('project.changed', (db, _ctx, e) => markChanged(db, [e.year]), 'afterCommit'),
    on('projects.imported', (db, _ctx, e) => markChanged(db, [e.year]), 'afterCommit'),
    on('plan.changed', (db, _ctx, e) => markChanged(db, [e.year]), 'afterCommit'),
    on('report.changed', (db, _ctx, e) => markChanged(db, [e.year]), 'afterCommit'),
  ],
  demo: { order: 80, seed: seedDemoIndicators },
};
