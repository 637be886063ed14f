import { index, integer, jsonb, numeric, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users, projects } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the plans module; the kernel tables they refer to come from db/. */

/** One plan per project per year (年度计划), with its monthly breakdown (年度投资节点进度表). */
export const annualPlans = pgTable(
  'annual_plans',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    category: varchar('category', { length: 12 }).notNull(),
    plannedInvestment: numeric('planned_investment', { precision: 14, scale: 2 }).notNull(),
    /** Planned investment of each month, 12 values in 万元, summing to plannedInvestment. */
    monthly: numeric('monthly', { precision: 14, scale: 2 }).array().notNull(),
    imageTarget: text('image_target'),
    /** 开工至上年底累计完成投资 (万元), the base of 开工至今累计. */
    completedBeforeYear: numeric('completed_before_year', { precision: 14, scale: 2 }).notNull().default('0'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_plans_project_year_uq').on(t.projectId, t.year), index('annual_plans_year_idx').on(t.year)],
);

/** Mid-year adjustments of a plan, with the reason; the plan page shows them. */
export const annualPlanChanges = pgTable(
  'annual_plan_changes',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => annualPlans.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    userId: integer('user_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('annual_plan_changes_plan_idx').on(t.planId)],
);
