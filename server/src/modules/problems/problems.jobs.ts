import { registerJob } from '../scheduler/registry.js';
import { escalateOverdueProblems } from './problems.service.js';

/** Overdue problems climb the ladder; due dates are days, so a quarter-hour pass is plenty. */
registerJob('problems.escalate', 15 * 60_000, (ctx) => escalateOverdueProblems(ctx));
