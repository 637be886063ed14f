import type { FeatureManifest } from '../app/feature';
import { authFeature } from './auth';
import { setupFeature } from './setup';
import { dashboardFeature } from './dashboard';
import { projectsFeature } from './projects';
import { importFeature } from './import';
import { problemsFeature } from './problems';
import { notificationsFeature } from './notifications';
import { plansFeature } from './plans';
import { milestonesFeature } from './milestones';
import { reportsFeature } from './reports';
import { warningsFeature } from './warnings';
import { approvalsFeature } from './approvals';
import { indicatorsFeature } from './indicators';
import { toursFeature } from './tours';
import { orgFeature } from './org';
import { calendarFeature } from './calendar';
import { auditFeature } from './audit';
import { competitionsFeature } from './competitions';
import { tasksFeature } from './tasks';
import { campaignsFeature } from './campaigns';
import { assignmentsFeature } from './assignments';

/**
 * The features of the application. Each `features/<x>/index.tsx` exports its manifest (routes,
 * menu entries, words); the router, the menu and the dictionary are assembled from this list.
 * A new feature is a new folder and one line here.
 */
export const FEATURES: readonly FeatureManifest[] = [
  authFeature,
  setupFeature,
  dashboardFeature,
  projectsFeature,
  importFeature,
  problemsFeature,
  notificationsFeature,
  plansFeature,
  milestonesFeature,
  reportsFeature,
  warningsFeature,
  approvalsFeature,
  indicatorsFeature,
  competitionsFeature,
  tasksFeature,
  campaignsFeature,
  assignmentsFeature,
  toursFeature,
  orgFeature,
  calendarFeature,
  auditFeature,
];
