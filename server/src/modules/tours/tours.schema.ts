import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, serial, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { projects, regions, users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/**
 * Tables of the tours module (现场观摩评比): the judge pool, tours, the projects nominated for a
 * tour with their photos, and the judges' score sheets.
 */

/** 评委库: accounts that may be put on a tour's panel, with the title and organisation printed on the sheets. */
export const tourJudges = pgTable(
  'tour_judges',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    title: varchar('title', { length: 50 }),
    organisation: varchar('organisation', { length: 80 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tour_judges_user_uq').on(t.userId)],
);

/** A tour (观摩评比活动): its window, scoring rules, panel, itinerary and readiness checklist. */
export const tours = pgTable(
  'tours',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    /** The last day judges may score (China date). */
    endDate: date('end_date', { mode: 'string' }).notNull(),
    level: varchar('level', { length: 20 }).notNull(),
    organiser: varchar('organiser', { length: 80 }).notNull(),
    round: integer('round').notNull(),
    /** draft | open | closed */
    status: varchar('status', { length: 8 }).notNull().default('draft'),
    /** mean | trimmed | borda */
    method: varchar('method', { length: 8 }).notNull(),
    /** [{key, name, max}] */
    criteria: jsonb('criteria').notNull(),
    /** The panel: user ids from the judge pool. */
    judgeUserIds: integer('judge_user_ids').array().notNull(),
    /** [{time, nominationId, stop}] */
    itinerary: jsonb('itinerary').notNull(),
    /** [{key, name}] */
    checklist: jsonb('checklist').notNull(),
    note: varchar('note', { length: 500 }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [index('tours_date_idx').on(t.date)],
);

/** A project a region nominated for a tour: a ledger project of that region, or one named freely. */
export const tourNominations = pgTable(
  'tour_nominations',
  {
    id: serial('id').primaryKey(),
    tourId: integer('tour_id')
      .notNull()
      .references(() => tours.id),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    projectId: integer('project_id').references(() => projects.id),
    name: varchar('name', { length: 200 }).notNull(),
    /** industry | rural | optional */
    category: varchar('category', { length: 10 }).notNull(),
    /** {checklistKey: boolean} */
    checklist: jsonb('checklist').notNull(),
    sort: integer('sort').notNull().default(0),
    note: varchar('note', { length: 500 }),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('tour_nominations_tour_idx').on(t.tourId), index('tour_nominations_region_idx').on(t.regionCode)],
);

/** Photos of a nominated project, on disk (lib/storage). */
export const tourPhotos = pgTable(
  'tour_photos',
  {
    id: serial('id').primaryKey(),
    nominationId: integer('nomination_id')
      .notNull()
      .references(() => tourNominations.id),
    name: varchar('name', { length: 200 }).notNull(),
    mime: varchar('mime', { length: 100 }).notNull(),
    size: integer('size').notNull(),
    storageKey: varchar('storage_key', { length: 300 }).notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    uploadedAt: ts('uploaded_at').notNull().defaultNow(),
  },
  (t) => [index('tour_photos_nomination_idx').on(t.nominationId)],
);

/**
 * A judge's score sheet: the scores (exact decimal texts) per criterion of one nomination and
 * their total; or, for a borda tour, the judge's full ranking (nomination_id null). One per judge
 * and nomination (or per judge, for a ranking).
 */
export const tourSheets = pgTable(
  'tour_sheets',
  {
    id: serial('id').primaryKey(),
    tourId: integer('tour_id')
      .notNull()
      .references(() => tours.id),
    judgeUserId: integer('judge_user_id')
      .notNull()
      .references(() => users.id),
    nominationId: integer('nomination_id').references(() => tourNominations.id),
    /** {criterionKey: "27.5"} */
    scores: jsonb('scores'),
    total: numeric('total', { precision: 12, scale: 2 }),
    ranking: integer('ranking').array(),
    comment: varchar('comment', { length: 300 }),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tour_sheets_judge_uq').on(t.tourId, t.judgeUserId, sql`coalesce(${t.nominationId}, 0)`), index('tour_sheets_nomination_idx').on(t.nominationId)],
);
