import { integer, numeric, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';

/** Tables of the dashboard module. */

/**
 * Maintained roll-ups of plan and report figures per leaf region, yearly category and month,
 * updated in the same transaction as the plans and reports they sum (see dashboard/rollups.ts).
 */
export const monthlyRollups = pgTable(
  'monthly_rollups',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    category: varchar('category', { length: 12 }).notNull(),
    /** Planned investment of the month (万元). */
    planned: numeric('planned', { precision: 16, scale: 2 }).notNull().default('0'),
    /** Completed investment of the month in accepted reports (已审核, 万元). */
    completed: numeric('completed', { precision: 16, scale: 2 }).notNull().default('0'),
    /** Completed investment of the month in submitted reports awaiting review (待审核, 万元). */
    pending: numeric('pending', { precision: 16, scale: 2 }).notNull().default('0'),
    reports: integer('reports').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.year, t.month, t.regionCode, t.category] })],
);
