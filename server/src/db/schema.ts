/**
 * Every table of Tiaodu, gathered for the migration tool (drizzle.config.ts) and for the code
 * that still reads another module's tables from here. The shared kernel is defined in
 * `kernel.schema.ts`; each module's own tables in `modules/<module>/<module>.schema.ts`.
 * This file defines nothing: it only re-exports, and imports no other module file.
 */
export * from './kernel.schema.js';
export * from '../modules/projects/import/import.schema.js';
export * from '../modules/plans/plans.schema.js';
export * from '../modules/milestones/milestones.schema.js';
export * from '../modules/reports/reports.schema.js';
export * from '../modules/warnings/warnings.schema.js';
export * from '../modules/dashboard/dashboard.schema.js';
export * from '../modules/problems/problems.schema.js';
export * from '../modules/approvals/approvals.schema.js';
export * from '../modules/notifications/notifications.schema.js';
export * from '../modules/indicators/indicators.schema.js';
export * from '../modules/competitions/competitions.schema.js';
export * from '../modules/tours/tours.schema.js';
export * from '../modules/tasks/tasks.schema.js';
export * from '../modules/assignments/assignments.schema.js';
