import { boolean, date, index, integer, jsonb, pgTable, serial, text, varchar } from 'drizzle-orm/pg-core';
import { departments, projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the milestones module; the kernel tables they refer to come from db/. */

/** Standard milestone templates (倒排工期), nodes with durations in working days. */
export const milestoneTemplates = pgTable('milestone_templates', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  /** [{name, durationDays, responsibleDeptId?}] in order; the last ends on the target date. */
  nodes: jsonb('nodes').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    seq: integer('seq').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    durationDays: integer('duration_days'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneDate: date('done_date', { mode: 'string' }),
    responsibleDeptId: integer('responsible_dept_id').references(() => departments.id),
    responsiblePerson: varchar('responsible_person', { length: 50 }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('milestones_project_idx').on(t.projectId), index('milestones_due_idx').on(t.dueDate)],
);
