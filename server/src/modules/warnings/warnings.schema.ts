import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, serial, varchar } from 'drizzle-orm/pg-core';
import { projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the warnings module; the kernel tables they refer to come from db/. */

/** Warning rule sets (预警规则); exactly one is active. */
export const ruleSets = pgTable('rule_sets', {
  id: serial('id').primaryKey(),
  code: varchar('code', { length: 30 }).notNull(),
  name: varchar('name', { length: 100 }).notNull(),
  config: jsonb('config').notNull(),
  active: boolean('active').notNull().default(false),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Lights per project, month and dimension, kept as history. */
export const projectLights = pgTable(
  'project_lights',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** investment | start | milestone | report | statistics */
    dimension: varchar('dimension', { length: 16 }).notNull(),
    /** green | yellow | red */
    light: varchar('light', { length: 8 }).notNull(),
    value: numeric('value', { precision: 14, scale: 2 }),
    detail: varchar('detail', { length: 300 }),
    /** Consecutive months at yellow or worse, for escalation. */
    streak: integer('streak').notNull().default(0),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year, t.month, t.dimension] }),
    index('project_lights_month_idx').on(t.year, t.month, t.light),
  ],
);
