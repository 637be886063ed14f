import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  serial,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { users, projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the reports module; the kernel tables they refer to come from db/. */

/** The dispatcher opens a month for reporting with a deadline. */
export const reportWindows = pgTable(
  'report_windows',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('open'),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: ts('opened_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('report_windows_year_month_uq').on(t.year, t.month)],
);

/** One monthly report per project per month (月报). */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** draft | submitted | returned | accepted */
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    /** 当月完成投资 (万元). */
    investment: numeric('investment', { precision: 14, scale: 2 }).notNull().default('0'),
    progressText: text('progress_text'),
    problemsText: text('problems_text'),
    submittedAt: ts('submitted_at'),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    returnReason: text('return_reason'),
    /** Number of revisions after acceptance. */
    revision: integer('revision').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monthly_reports_project_month_uq').on(t.projectId, t.year, t.month), index('monthly_reports_year_month_idx').on(t.year, t.month, t.status)],
);

/** A figure changed after acceptance: every revision stays visible. */
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('report_revisions_report_idx').on(t.reportId)],
);

export const reportPhotos = pgTable(
  'report_photos',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    /** Paths relative to the uploads directory (outside the web root). */
    filePath: varchar('file_path', { length: 300 }).notNull(),
    thumbPath: varchar('thumb_path', { length: 300 }),
    originalName: varchar('original_name', { length: 200 }),
    mime: varchar('mime', { length: 60 }).notNull(),
    size: integer('size').notNull(),
    takenAt: ts('taken_at'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId)],
);
