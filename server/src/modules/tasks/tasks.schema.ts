import { boolean, date, index, integer, jsonb, pgTable, primaryKey, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { people, projects, users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/**
 * Tables of the key tasks module (重点工作督办). A unit is named by (unit_type, unit_id) as in the
 * indicator layer: `region` + region code, `department` + department id.
 */

/** A key task (重点任务) or a sub-task (parent_id, two or three levels under its root). */
export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id'),
    /** The root task (itself for a root). */
    rootId: integer('root_id'),
    depth: integer('depth').notNull().default(0),
    title: varchar('title', { length: 200 }).notNull(),
    type: varchar('type', { length: 20 }).notNull(),
    year: integer('year').notNull(),
    leadLeaderId: integer('lead_leader_id').references(() => people.id),
    leadUnitType: varchar('lead_unit_type', { length: 10 }).notNull(),
    leadUnitId: varchar('lead_unit_id', { length: 20 }).notNull(),
    /** 责任人 (a sub-task's person). */
    personId: integer('person_id').references(() => people.id),
    /** 跟踪责任人. */
    followerId: integer('follower_id').references(() => people.id),
    benchmark: varchar('benchmark', { length: 500 }),
    description: text('description'),
    /** weekly | xun | monthly */
    cadence: varchar('cadence', { length: 8 }).notNull().default('monthly'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    publicCommitment: boolean('public_commitment').notNull().default(false),
    doneDate: date('done_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('tasks_parent_idx').on(t.parentId), index('tasks_root_idx').on(t.rootId), index('tasks_year_idx').on(t.year), index('tasks_lead_leader_idx').on(t.leadLeaderId)],
);

/** The lead unit and the co-units (配合单位) of a task, for scope and statistics. */
export const taskUnits = pgTable(
  'task_units',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitType: varchar('unit_type', { length: 10 }).notNull(),
    unitId: varchar('unit_id', { length: 20 }).notNull(),
    /** lead | co */
    role: varchar('role', { length: 4 }).notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitType, t.unitId] }), index('task_units_unit_idx').on(t.unitType, t.unitId)],
);

/** A quantified target (value + unit) or a deliverable in words with its due date. */
export const taskTargets = pgTable(
  'task_targets',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    sort: integer('sort').notNull().default(0),
    name: varchar('name', { length: 100 }).notNull(),
    /** quantity | deliverable */
    kind: varchar('kind', { length: 12 }).notNull().default('quantity'),
    /** Exact decimal text. */
    value: varchar('value', { length: 30 }),
    unit: varchar('unit', { length: 10 }).notNull().default(''),
    dueDate: date('due_date', { mode: 'string' }),
    doneDate: date('done_date', { mode: 'string' }),
    /** { by: 'month' | 'quarter', values: (decimal text | null)[] } */
    breakdown: jsonb('breakdown'),
    fromProjects: boolean('from_projects').notNull().default(false),
    main: boolean('main').notNull().default(false),
  },
  (t) => [index('task_targets_task_idx').on(t.taskId)],
);

/** Ledger projects linked to a task (项目清单管理). */
export const taskProjects = pgTable(
  'task_projects',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.projectId] }), index('task_projects_project_idx').on(t.projectId)],
);

/** A node (节点) of a task with its due date. */
export const taskNodes = pgTable(
  'task_nodes',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull().default(0),
    name: varchar('name', { length: 100 }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    unitType: varchar('unit_type', { length: 10 }),
    unitId: varchar('unit_id', { length: 20 }),
    personId: integer('person_id').references(() => people.id),
    doneDate: date('done_date', { mode: 'string' }),
    doneReportId: integer('done_report_id'),
  },
  (t) => [index('task_nodes_task_idx').on(t.taskId), index('task_nodes_due_idx').on(t.dueDate)],
);

/** A progress report of a task for one period (draft → submitted → accepted | returned). */
export const taskReports = pgTable(
  'task_reports',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    period: varchar('period', { length: 12 }).notNull(),
    /** The period's last day (orders reports across cadences). */
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** draft | submitted | returned | accepted */
    status: varchar('status', { length: 10 }).notNull().default('draft'),
    /** [{ targetId, value (exact text in the target's unit), unit }] — cumulative figures. */
    figures: jsonb('figures').notNull().default([]),
    text: text('text'),
    nodeIdsDone: integer('node_ids_done').array().notNull().default([]),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    returnReason: text('return_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('task_reports_task_period_uq').on(t.taskId, t.period), index('task_reports_status_idx').on(t.status)],
);

/** Files of a task: the responsibility letter (责任状/军令状) and report evidence. */
export const taskFiles = pgTable(
  'task_files',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    reportId: integer('report_id').references(() => taskReports.id, { onDelete: 'cascade' }),
    /** letter | evidence */
    kind: varchar('kind', { length: 10 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    storageKey: varchar('storage_key', { length: 200 }).notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('task_files_task_idx').on(t.taskId), index('task_files_report_idx').on(t.reportId)],
);

/** 督办: a formal urging with a new limit; unanswered past it, it climbs the problems' ladder. */
export const taskUrges = pgTable(
  'task_urges',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    reason: varchar('reason', { length: 500 }).notNull(),
    limitDays: integer('limit_days'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    level: integer('level').notNull().default(0),
    holderIds: integer('holder_ids').array().notNull().default([]),
    /** open | answered */
    status: varchar('status', { length: 10 }).notNull().default('open'),
    answer: text('answer'),
    answeredBy: integer('answered_by').references(() => users.id),
    answeredAt: ts('answered_at'),
    /** The moves up the ladder: [{ fromLevel, toLevel, effectiveDate, dueDate }]. */
    history: jsonb('history').notNull().default([]),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('task_urges_task_idx').on(t.taskId), index('task_urges_open_idx').on(t.status, t.dueDate)],
);
