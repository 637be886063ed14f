/**
 * The modules of Tiaodu, in order: the app registers their routes in this order (which is also
 * the order of the OpenAPI document) and their scheduled jobs. A new module is a new folder with
 * its `<name>.module.ts` and one line here.
 */
import type { ModuleManifest } from '../core/module.js';
import type { Ctx } from '../core/context.js';
import { enableAfterCommit, subscribe } from '../core/events.js';
import { authModule } from './auth/auth.module.js';
import { projectsModule } from './projects/projects.module.js';
import { adminModule } from './admin/admin.module.js';
import { auditModule } from './audit/audit.module.js';
import { plansModule } from './plans/plans.module.js';
import { warningsModule } from './warnings/warnings.module.js';
import { dashboardModule } from './dashboard/dashboard.module.js';
import { reportsModule } from './reports/reports.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { milestonesModule } from './milestones/milestones.module.js';
import { approvalsModule } from './approvals/approvals.module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { problemsModule } from './problems/problems.module.js';
import { peopleModule } from './people/people.module.js';
import { indicatorsModule } from './indicators/indicators.module.js';
import { competitionsModule } from './competitions/competitions.module.js';
import { toursModule } from './tours/tours.module.js';
import { tasksModule } from './tasks/tasks.module.js';
import { assignmentsModule } from './assignments/assignments.module.js';
import { setupModule } from './setup/setup.module.js';
import { schedulerModule } from './scheduler/scheduler.module.js';

export const MODULES: readonly ModuleManifest[] = [
  authModule,
  projectsModule,
  adminModule,
  auditModule,
  plansModule,
  warningsModule,
  dashboardModule,
  reportsModule,
  calendarModule,
  milestonesModule,
  approvalsModule,
  notificationsModule,
  problemsModule,
  peopleModule,
  indicatorsModule,
  competitionsModule,
  toursModule,
  tasksModule,
  assignmentsModule,
  setupModule,
  schedulerModule,
];

/** Registers the modules' event subscribers (the app does at build; the demo seed before it runs). */
export function subscribeModules(): void {
  subscribe(MODULES.flatMap((m) => m.events ?? []));
}

/**
 * Loads the demo county: each module seeds its part through its own services, in the order its
 * manifest declares (the organisation, people and projects first; the lights last, computed once
 * for every month instead of after every write).
 */
export async function seedDemo(base: Ctx): Promise<void> {
  subscribeModules();
  enableAfterCommit(base.db);
  const ctx: Ctx = { ...base, deferLights: true };
  const steps = MODULES.flatMap((m) => (m.demo ? [m.demo] : [])).sort((a, b) => a.order - b.order);
  for (const step of steps) await step.seed(ctx);
}
