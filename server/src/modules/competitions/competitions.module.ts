import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { on } from '../../core/events.js';
import { competitionRoutes, publicCompetitionRoutes } from './competitions.routes.js';
import { markStale } from './competitions.service.js';
import { seedDemoCompetitions } from './competitions.demo.js';

/**
 * 考核与擂台赛: versioned schemes over the indicator values, period snapshots with flags and
 * lists, the 龙虎榜, adjustments, the public results. Drafts go stale when the figures behind
 * them change (indicator.values.changed, after commit).
 */
export const competitionsModule: ModuleManifest = {
  name: 'competitions',
  permissions: permissionsOf('competitions'),
  routes: (app, deps) => {
    competitionRoutes(app, deps);
    publicCompetitionRoutes(app, deps);
  },
  events: [
    on('indicator.values.changed', (db, _ctx, e) => markStale(db, e.periods), 'afterCommit'),
    on('project.changed', (db, _ctx, e) => markStale(db, [String(e.year)]), 'afterCommit'),
    on('projects.imported', (db, _ctx, e) => markStale(db, [String(e.year)]), 'afterCommit'),
    on('plan.changed', (db, _ctx, e) => markStale(db, [String(e.year)]), 'afterCommit'),
    on('report.changed', (db, _ctx, e) => markStale(db, [String(e.year)]), 'afterCommit'),
  ],
  demo: { order: 95, seed: seedDemoCompetitions },
};
