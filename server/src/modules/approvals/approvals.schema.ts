import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { departments, users, projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the approvals module; the kernel tables they refer to come from db/. */

/** 审批事项 catalogue: handling department, statutory and promised limits (working days). */
export const approvalItems = pgTable(
  'approval_items',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 30 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    statutoryDays: integer('statutory_days').notNull(),
    promisedDays: integer('promised_days').notNull(),
    /** Phase of the whole process: 1 立项用地规划许可, 2 工程建设许可, 3 施工许可, 4 竣工验收. */
    phase: integer('phase').notNull(),
    /** Limits per step in working days: { accept, undertake, review, approve, finish }. */
    stepLimits: jsonb('step_limits').notNull().default({}),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_items_code_uq').on(t.code), index('approval_items_department_idx').on(t.departmentId)],
);

/**
 * Which items a kind of project needs. The project criteria are optional; a template whose
 * criteria all match a project is suggested for it.
 */
export const approvalTemplates = pgTable('approval_templates', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  /** Yearly category (新开工 …) */
  projectCategory: varchar('project_category', { length: 12 }),
  /** 领域 (industry, infrastructure …) */
  projectField: varchar('project_field', { length: 16 }),
  /** 政府投资 | 企业投资 */
  investmentType: varchar('investment_type', { length: 12 }),
  itemCodes: text('item_codes').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** An approval item of one project, moving 受理 → 承办 → 审核 → 批准 → 办结. */
export const projectApprovals = pgTable(
  'project_approvals',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => approvalItems.id),
    departmentId: integer('department_id').references(() => departments.id),
    /** not_started | pending | accepted | undertaken | reviewed | approved | done | returned | rejected (APPROVAL_STATUSES) */
    status: varchar('status', { length: 12 }).notNull().default('not_started'),
    /** accept | undertake | review | approve | finish: the step waited for */
    currentStep: varchar('current_step', { length: 12 }),
    /** 受理: the promised limit runs from here */
    startedAt: ts('started_at'),
    stepStartedAt: ts('step_started_at'),
    /** Limits copied from the catalogue when the item was added, so later catalogue changes do not rewrite its history. */
    promisedDays: integer('promised_days').notNull().default(0),
    stepLimits: jsonb('step_limits').notNull().default({}),
    /** Last day of the promised limit (null before 受理, and during 补正 while still within it). */
    promisedDueDate: date('promised_due_date', { mode: 'string' }),
    /**
     * The stored timing (domain/timing.ts storedTiming): the signal that no longer moves
     * with time (none | yellow | red; NULL: not computed yet, e.g. after a calendar change),
     * and the dates from which the running clocks give a prompt, yellow and red. Lists filter,
     * sort and page by the signal of today computed from these in SQL.
     */
    signalFixed: varchar('signal_fixed', { length: 8 }),
    promptOn: date('prompt_on', { mode: 'string' }),
    yellowOn: date('yellow_on', { mode: 'string' }),
    /** The day the item goes, or went, past its promised limit (超时). */
    redOn: date('red_on', { mode: 'string' }),
    /** China dates of 受理 and 办结, and the working days used (补正 excluded) of a completed item: for the efficiency tables. */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    usedDays: integer('used_days'),
    /** 办结 or 不予受理 */
    doneAt: ts('done_at'),
    handlerId: integer('handler_id').references(() => users.id),
    reason: text('reason'),
    /** satisfied | basic | unsatisfied */
    rating: varchar('rating', { length: 12 }),
    ratedAt: ts('rated_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('project_approvals_project_idx').on(t.projectId, t.itemId),
    index('project_approvals_department_idx').on(t.departmentId, t.status),
    index('project_approvals_status_due_idx').on(t.status, t.promisedDueDate),
    index('project_approvals_done_idx').on(t.doneAt),
    index('project_approvals_unscheduled_idx').on(t.id).where(sql`${t.signalFixed} is null`),
    // the efficiency tables: what was accepted, completed, went overdue or was rated in a period
    index('project_approvals_accepted_idx').on(t.acceptedOn),
    index('project_approvals_completed_idx').on(t.completedOn),
    index('project_approvals_red_idx').on(t.redOn),
    index('project_approvals_rated_idx').on(t.ratedAt),
  ],
);

/** Every step move of an approval item, with time, person and reason. */
export const approvalEvents = pgTable(
  'approval_events',
  {
    id: serial('id').primaryKey(),
    projectApprovalId: integer('project_approval_id')
      .notNull()
      .references(() => projectApprovals.id, { onDelete: 'cascade' }),
    fromStatus: varchar('from_status', { length: 12 }),
    toStatus: varchar('to_status', { length: 12 }).notNull(),
    step: varchar('step', { length: 12 }),
    actorId: integer('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('approval_events_approval_idx').on(t.projectApprovalId, t.at)],
);

/** Prompts and yellow/red signals of approval items; unique, so a second scheduler run adds nothing. */
export const approvalSignals = pgTable(
  'approval_signals',
  {
    id: serial('id').primaryKey(),
    projectApprovalId: integer('project_approval_id')
      .notNull()
      .references(() => projectApprovals.id, { onDelete: 'cascade' }),
    /** prompt | yellow | red */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** The step concerned; '' for the item as a whole. */
    step: varchar('step', { length: 12 }).notNull().default(''),
    /** The limit date the signal is about. */
    forDate: date('for_date', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('approval_signals_uq').on(t.projectApprovalId, t.kind, t.step, t.forDate),
    index('approval_signals_created_idx').on(t.createdAt),
  ],
);

/** The efficiency tables the admin has made public (visible without login). */
export const publicTables = pgTable(
  'public_tables',
  {
    id: serial('id').primaryKey(),
    /** e.g. department_monthly, department_quarterly */
    tableKey: varchar('table_key', { length: 40 }).notNull(),
    /** '2026-03', '2026Q1' */
    period: varchar('period', { length: 10 }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('public_tables_key_period_uq').on(t.tableKey, t.period)],
);

/** Figures of a department's efficiency table as computed (and published) for a period. */
export const efficiencySnapshots = pgTable(
  'efficiency_snapshots',
  {
    period: varchar('period', { length: 10 }).notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    figures: jsonb('figures').notNull(),
    rank: integer('rank'),
    grade: varchar('grade', { length: 12 }),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.period, t.departmentId] })],
);
