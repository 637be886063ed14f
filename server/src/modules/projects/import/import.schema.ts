import { boolean, index, integer, jsonb, pgTable, serial, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../../db/kernel.schema.js';
import { ts } from '../../../db/columns.js';

/** Tables of the projects module (the import of projects); the kernel tables they refer to come from db/. */

/** Import jobs: phase, progress and result kept in the database, so a restart loses nothing. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 30 }).notNull().default('projects'),
    filename: varchar('filename', { length: 200 }),
    dryRun: boolean('dry_run').notNull().default(false),
    status: varchar('status', { length: 12 }).notNull(),
    phase: varchar('phase', { length: 12 }).notNull(),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result'),
    error: jsonb('error'),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('import_jobs_user_idx').on(t.userId, t.startedAt)],
);

export const importMappings = pgTable('import_mappings', {
  id: serial('id').primaryKey(),
  kind: varchar('kind', { length: 30 }).notNull().default('projects'),
  name: varchar('name', { length: 100 }).notNull(),
  mapping: jsonb('mapping').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});
