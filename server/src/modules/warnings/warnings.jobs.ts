import { registerJob } from '../scheduler/registry.js';
import { recomputeRecentLights } from './warnings.service.js';

// Lights move with time too: a report deadline passes, a milestone falls due, 序时进度 grows.
// Every hour the last complete month and the current month are recomputed for all projects
// (idempotent: the same data and day give the same lights).
registerJob('warnings.lights', 60 * 60_000, (ctx) => recomputeRecentLights(ctx));
