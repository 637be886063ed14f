import { job } from '../../core/module.js';
import { escalateOverdueAssignments } from './assignments.service.js';

/** Items unanswered past their limit climb the problems' ladder; limits are days, so an hourly pass is plenty. */
export const escalateJob = job('assignments.escalate', 60 * 60_000, (ctx) => escalateOverdueAssignments(ctx));
