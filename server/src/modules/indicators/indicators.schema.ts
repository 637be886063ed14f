import { sql } from 'drizzle-orm';
import { boolean, date, index, primaryKey, integer, jsonb, numeric, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/**
 * Tables of the indicators module (指标库与目标责任). A unit judged by an indicator is named by
 * (unit_type, unit_id): `region` + region code (cities, counties, towns and parks), `department`
 * + department id, `external` + external_units id (peers outside the platform, whose figures are
 * only imported).
 */

/** The catalogue (指标库). */
export const indicators = pgTable(
  'indicators',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 30 }).notNull(),
    name: varchar('name', { length: 60 }).notNull(),
    unit: varchar('unit', { length: 10 }).notNull().default(''),
    decimals: integer('decimals').notNull().default(2),
    /** higher | lower */
    direction: varchar('direction', { length: 8 }).notNull().default('higher'),
    /** expected (预期性) | binding (约束性) */
    kind: varchar('kind', { length: 10 }).notNull().default('expected'),
    /** month | quarter | halfYear | year */
    cadence: varchar('cadence', { length: 10 }).notNull(),
    /** cumulative (年内累计) | period (当期) */
    accumulation: varchar('accumulation', { length: 12 }).notNull().default('cumulative'),
    /** computed | reported | imported | scored */
    source: varchar('source', { length: 10 }).notNull(),
    formula: varchar('formula', { length: 30 }),
    /** The project filter of counts and sums (contracts ProjectFilter). */
    filter: jsonb('filter'),
    /** city | county | town | park | department */
    appliesTo: text('applies_to').array().notNull(),
    /** value | growth | completion */
    rankBy: varchar('rank_by', { length: 12 }).notNull().default('value'),
    /** The rule set of the 序时 check; null: the active one. */
    ruleSetId: integer('rule_set_id'),
    benchmark: boolean('benchmark').notNull().default(false),
    description: varchar('description', { length: 500 }),
    sort: integer('sort').notNull().default(0),
    /** active | retired */
    status: varchar('status', { length: 8 }).notNull().default('active'),
    builtin: boolean('builtin').notNull().default(false),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicators_code_uq').on(sql`lower(${t.code})`)],
);

/** 目标任务: a unit's target for a year, with its baseline, breakdown and multi-year target. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    year: integer('year').notNull(),
    unitType: varchar('unit_type', { length: 10 }).notNull(),
    unitId: varchar('unit_id', { length: 20 }).notNull(),
    baseline: numeric('baseline', { precision: 20, scale: 4 }),
    target: numeric('target', { precision: 20, scale: 4 }),
    /** Per-period targets within the year (decimal texts or null), as many as the cadence has periods. */
    breakdown: jsonb('breakdown'),
    multiYearYear: integer('multi_year_year'),
    multiYearValue: numeric('multi_year_value', { precision: 20, scale: 4 }),
    note: varchar('note', { length: 200 }),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_targets_uq').on(t.indicatorId, t.year, t.unitType, t.unitId)],
);

/** A data entry period (填报期): reported indicators opened for a period with a deadline. */
export const indicatorPeriods = pgTable(
  'indicator_periods',
  {
    id: serial('id').primaryKey(),
    period: varchar('period', { length: 8 }).notNull(),
    indicatorIds: integer('indicator_ids').array().notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** open | closed */
    status: varchar('status', { length: 8 }).notNull().default('open'),
    note: varchar('note', { length: 200 }),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: ts('opened_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('indicator_periods_period_idx').on(t.period)],
);

/**
 * One figure of a unit for an indicator and period, whatever its source. Reported figures go
 * draft → submitted → accepted | returned; a correction after acceptance is a new revision
 * (indicator_value_revisions keeps every one). Computed figures are maintained here by the
 * indicators.refresh step (status computed), imported ones are written by the statistics import.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: serial('id').primaryKey(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    unitType: varchar('unit_type', { length: 10 }).notNull(),
    unitId: varchar('unit_id', { length: 20 }).notNull(),
    period: varchar('period', { length: 8 }).notNull(),
    /** Exact figure (null: no figure, "—"). */
    value: numeric('value', { precision: 20, scale: 4 }),
    /** 增速 in % when given (imported); otherwise computed from the same period a year before. */
    growth: numeric('growth', { precision: 12, scale: 4 }),
    /**
     * The figure that counts (ranks, targets, benchmarks, bulletins): the latest accepted one.
     * A reported value counts once accepted; a correction waiting for review leaves the previous
     * accepted figure in place. Imported and computed figures count at once.
     */
    acceptedValue: numeric('accepted_value', { precision: 20, scale: 4 }),
    acceptedGrowth: numeric('accepted_growth', { precision: 12, scale: 4 }),
    /** True once a figure has been accepted (an accepted "no figure" is not the same as none yet). */
    hasAccepted: boolean('has_accepted').notNull().default(false),
    /** For computed rates: numerator and denominator (开工率 206 / 255). */
    numerator: numeric('numerator', { precision: 20, scale: 4 }),
    denominator: numeric('denominator', { precision: 20, scale: 4 }),
    note: varchar('note', { length: 500 }),
    /** computed | reported | imported | scored */
    source: varchar('source', { length: 10 }).notNull(),
    /** draft | submitted | accepted | returned | imported | computed */
    status: varchar('status', { length: 10 }).notNull(),
    revision: integer('revision').notNull().default(1),
    returnReason: varchar('return_reason', { length: 300 }),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: ts('submitted_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_uq').on(t.indicatorId, t.period, t.unitType, t.unitId),
    index('indicator_values_unit_idx').on(t.unitType, t.unitId),
    index('indicator_values_status_idx').on(t.status),
  ],
);

/** Every state a value went through (填报, 提交, 审核, 退回, 更正, 导入), with who and when. */
export const indicatorValueRevisions = pgTable(
  'indicator_value_revisions',
  {
    id: serial('id').primaryKey(),
    valueId: integer('value_id')
      .notNull()
      .references(() => indicatorValues.id),
    revision: integer('revision').notNull(),
    /** save | submit | accept | return | correct | import */
    action: varchar('action', { length: 10 }).notNull(),
    value: numeric('value', { precision: 20, scale: 4 }),
    growth: numeric('growth', { precision: 12, scale: 4 }),
    status: varchar('status', { length: 10 }).notNull(),
    note: varchar('note', { length: 500 }),
    userId: integer('user_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('indicator_value_revisions_value_idx').on(t.valueId)],
);

/** Evidence of a reported value: photos and files on disk (lib/storage). */
export const indicatorValueFiles = pgTable(
  'indicator_value_files',
  {
    id: serial('id').primaryKey(),
    valueId: integer('value_id')
      .notNull()
      .references(() => indicatorValues.id),
    name: varchar('name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    storageKey: varchar('storage_key', { length: 300 }).notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('indicator_value_files_value_idx').on(t.valueId)],
);

/** A published (indicator, period): peers then see each other's figures and ranks. */
export const indicatorPublications = pgTable(
  'indicator_publications',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: varchar('period', { length: 8 }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_publications_uq').on(t.indicatorId, t.period)],
);

/** Peers outside the platform (对标单位), whose figures are only imported. */
export const externalUnits = pgTable(
  'external_units',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    level: varchar('level', { length: 12 }).notNull().default('county'),
    parentName: varchar('parent_name', { length: 50 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('external_units_name_uq').on(t.name)],
);

/** A peer group (对标组) the admin defines: members are units of any type. */
export const peerGroups = pgTable('peer_groups', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 50 }).notNull(),
  /** [{unitType, unitId}] */
  members: jsonb('members').notNull(),
  note: varchar('note', { length: 200 }),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * The version of a year's project data: raised after every commit that changes projects, plans or
 * reports of the year. A computed (indicator, period) is current when it was computed at the
 * year's present version (indicator_computed).
 */
export const indicatorYearVersions = pgTable('indicator_year_versions', {
  year: integer('year').primaryKey(),
  version: integer('version').notNull().default(1),
  changedAt: ts('changed_at').notNull().defaultNow(),
});

/** When each computed (indicator, period) was last computed, and at which version of its year. */
export const indicatorComputed = pgTable(
  'indicator_computed',
  {
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    period: varchar('period', { length: 8 }).notNull(),
    version: integer('version').notNull(),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.period] })],
);
