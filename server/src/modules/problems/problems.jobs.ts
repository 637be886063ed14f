import { job } from '../../core/module.js';
import { escalateOverdueProblems, promptDueProblems } from './problems.service.js';

/** Overdue problems climb the ladder; due dates are days, so a quarter-hour pass is plenty. */
export const escalateJob = job('problems.escalate', 15 * 60_000, (ctx) => escalateOverdueProblems(ctx));
/** One working day before a problem's limit, its holders are told (once per level and due date). */
export const promptJob = job('problems.prompt', 15 * 60_000, (ctx) => promptDueProblems(ctx));
