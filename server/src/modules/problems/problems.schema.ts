import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { departments, users, projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the problems module; the kernel tables they refer to come from db/. */

/**
 * A problem raised from a monthly report keeps a foreign key to it. `monthly_reports` belongs to
 * the reports module (modules/reports/reports.schema.ts), whose schema file this one does not
 * import: only the table's name and key are named here, as the target of that key. It is not
 * exported, so the migrations see the reports module's definition alone; the schema ownership
 * test checks that every foreign key's target is a table and column defined with the same type.
 */
const monthlyReports = pgTable('monthly_reports', { id: serial('id').primaryKey() });

/** 问题解决清单: a problem met by a project, answered within a limit, escalated up a ladder. */
export const problems = pgTable(
  'problems',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    /** unit | report | dispatcher | promotion */
    source: varchar('source', { length: 12 }).notNull(),
    /** The monthly report the problem was raised from (one problem per report). */
    reportId: integer('report_id').references(() => monthlyReports.id),
    category: varchar('category', { length: 16 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull(),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: ts('raised_at').notNull(),
    /** pending 待受理 | handling 办理中 | answered_solved 已办结 | deferred 暂缓 | closed 已销号 */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    /** Index in the escalation ladder; 0 = 承办部门. */
    level: integer('level').notNull().default(0),
    responsibleDeptId: integer('responsible_dept_id').references(() => departments.id),
    responsibleUserId: integer('responsible_user_id').references(() => users.id),
    /** The people who hold the problem at the current level above 0 (分管领导, 包保领导, 调度会). */
    holderIds: integer('holder_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Limit of the current level in working days, and the date it ends (inclusive). */
    limitDays: integer('limit_days'),
    dueDate: date('due_date', { mode: 'string' }),
    assignedAt: ts('assigned_at'),
    acceptedAt: ts('accepted_at'),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
    deferralCondition: text('deferral_condition'),
    deferralDate: date('deferral_date', { mode: 'string' }),
    /** satisfied | basic | unsatisfied */
    rating: varchar('rating', { length: 12 }),
    ratingNote: text('rating_note'),
    ratedAt: ts('rated_at'),
    closedAt: ts('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('problems_project_idx').on(t.projectId),
    index('problems_status_due_idx').on(t.status, t.dueDate),
    index('problems_dept_status_idx').on(t.responsibleDeptId, t.status),
    index('problems_responsible_user_idx').on(t.responsibleUserId),
    index('problems_raised_by_idx').on(t.raisedBy),
    index('problems_level_status_idx').on(t.level, t.status),
    index('problems_holders_idx').using('gin', t.holderIds),
    uniqueIndex('problems_report_uq').on(t.reportId),
  ],
);

/** Timeline of a problem: every move, by a person or by the scheduler (actor null). */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** raised | assigned | accepted | escalated | answered | deferred | rated | reopened | closed | commented */
    kind: varchar('kind', { length: 16 }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }),
    fromLevel: integer('from_level'),
    toLevel: integer('to_level'),
    dueDate: date('due_date', { mode: 'string' }),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    index('problem_events_problem_idx').on(t.problemId, t.at),
    // A problem reaches each level once: a second scheduler run cannot escalate it twice.
    uniqueIndex('problem_events_escalation_uq').on(t.problemId, t.toLevel).where(sql`${t.kind} = 'escalated'`),
  ],
);

export const problemAttachments = pgTable(
  'problem_attachments',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** Path relative to the uploads directory (outside the web root). */
    filePath: varchar('file_path', { length: 300 }).notNull(),
    originalName: varchar('original_name', { length: 200 }),
    mime: varchar('mime', { length: 80 }).notNull(),
    size: integer('size').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('problem_attachments_problem_idx').on(t.problemId)],
);
