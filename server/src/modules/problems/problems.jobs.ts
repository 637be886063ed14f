import { registerJob } from '../scheduler/registry.js';
import { escalateOverdueProblems, promptDueProblems } from './problems.service.js';

/** Overdue problems climb the ladder; due dates are days, so a quarter-hour pass is plenty. */
registerJob('problems.escalate', 15 * 60_000, (ctx) => escalateOverdueProblems(ctx));
/** One working day before a problem's limit, its holders are told (once per level and due date). */
registerJob('problems.prompt', 15 * 60_000, (ctx) => promptDueProblems(ctx));
