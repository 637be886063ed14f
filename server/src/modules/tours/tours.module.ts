import { permissionsOf } from '@tiaodu/contracts';
import type { ModuleManifest } from '../../core/module.js';
import { seedDemoTours } from './tours.demo.js';
import { tourRoutes } from './tours.routes.js';

/**
 * 现场观摩评比: tours with nominations, photos, a judge panel from the judge pool, score sheets
 * filled on a phone at the site, and results by mean, trimmed mean or 济宁 rank votes. A judged
 * competition item reads the regions' scores through tourUnitScores (tours.service.ts).
 */
export const toursModule: ModuleManifest = {
  name: 'tours',
  permissions: permissionsOf('tours'),
  routes: tourRoutes,
  demo: { order: 90, seed: seedDemoTours },
};
