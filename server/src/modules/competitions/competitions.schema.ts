import { index, integer, jsonb, numeric, pgTable, serial, boolean, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/**
 * Tables of the competitions module (考核与擂台赛). A contestant is a unit named as in the
 * indicator layer, `unit_type:unit_id` (region code, department id, external peer id). The
 * scheme lives in versions; a period's results are kept as snapshots (revisions), frozen once
 * published.
 */

export const competitions = pgTable('competitions', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 80 }).notNull(),
  year: integer('year').notNull(),
  /** month | quarter: the period scores are computed on; longer periods sum them. */
  cadence: varchar('cadence', { length: 10 }).notNull(),
  description: varchar('description', { length: 500 }),
  /** active | archived */
  status: varchar('status', { length: 10 }).notNull().default('active'),
  public: boolean('public').notNull().default(true),
  /** The current scheme version. */
  version: integer('version').notNull().default(1),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** The scheme, versioned: editing it after a period was published with it makes a new version. */
export const competitionVersions = pgTable(
  'competition_versions',
  {
    id: serial('id').primaryKey(),
    competitionId: integer('competition_id')
      .notNull()
      .references(() => competitions.id),
    version: integer('version').notNull(),
    scheme: jsonb('scheme').notNull(),
    note: varchar('note', { length: 200 }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competition_versions_uq').on(t.competitionId, t.version)],
);

/** A period's results: draft (replaced by a recompute), published (frozen), superseded (by a correction's revision). */
export const competitionSnapshots = pgTable(
  'competition_snapshots',
  {
    id: serial('id').primaryKey(),
    competitionId: integer('competition_id')
      .notNull()
      .references(() => competitions.id),
    period: varchar('period', { length: 7 }).notNull(),
    revision: integer('revision').notNull(),
    /** draft | published | superseded */
    status: varchar('status', { length: 12 }).notNull(),
    schemeVersion: integer('scheme_version').notNull(),
    /** { sequences: [...rows] }: the rows with their items, inputs, ranks, flags, explanations. */
    results: jsonb('results').notNull(),
    missing: jsonb('missing').notNull(),
    parts: jsonb('parts').notNull(),
    reason: varchar('reason', { length: 300 }),
    /** A compact copy for the leaderboard: { [contestantKey]: { seq, score, rank, flag, list, interview } }. */
    summary: jsonb('summary').notNull(),
    /** The figures behind a draft changed after it was computed. */
    stale: boolean('stale').notNull().default(false),
    computedAt: ts('computed_at').notNull(),
    computedBy: integer('computed_by').references(() => users.id),
    publishedAt: ts('published_at'),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('competition_snapshots_uq').on(t.competitionId, t.period, t.revision), index('competition_snapshots_status_idx').on(t.competitionId, t.status)],
);

/** Bonus and penalty entries (加减分) with their reason and evidence. */
export const competitionAdjustments = pgTable(
  'competition_adjustments',
  {
    id: serial('id').primaryKey(),
    competitionId: integer('competition_id')
      .notNull()
      .references(() => competitions.id),
    period: varchar('period', { length: 7 }).notNull(),
    unitType: varchar('unit_type', { length: 12 }).notNull(),
    unitId: varchar('unit_id', { length: 20 }).notNull(),
    itemId: varchar('item_id', { length: 40 }).notNull(),
    points: numeric('points', { precision: 12, scale: 2 }).notNull(),
    reason: varchar('reason', { length: 300 }).notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('competition_adjustments_period_idx').on(t.competitionId, t.period)],
);

export const competitionAdjustmentFiles = pgTable(
  'competition_adjustment_files',
  {
    id: serial('id').primaryKey(),
    adjustmentId: integer('adjustment_id')
      .notNull()
      .references(() => competitionAdjustments.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    storageKey: varchar('storage_key', { length: 300 }).notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('competition_adjustment_files_idx').on(t.adjustmentId)],
);
