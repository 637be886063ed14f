import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { people, users } from '../../db/kernel.schema.js';
import { ts } from '../../db/columns.js';

/** Tables of the assignments module (交办/建议提案 and 攻坚行动); the kernel tables they refer to come from db/. */

/** 领导交办事项 or 建议提案: assigned to one unit (with co-units), answered within a limit, rated, escalated. */
export const assignments = pgTable(
  'assignments',
  {
    id: serial('id').primaryKey(),
    /** 交办 | 建议提案 */
    kind: varchar('kind', { length: 8 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    content: text('content').notNull(),
    /** meeting | leader */
    source: varchar('source', { length: 10 }).notNull(),
    meetingName: varchar('meeting_name', { length: 100 }),
    meetingDate: date('meeting_date', { mode: 'string' }),
    assignerPersonId: integer('assigner_person_id').references(() => people.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** region (unit_id = region code) | department (unit_id = department id) */
    unitType: varchar('unit_type', { length: 12 }).notNull(),
    unitId: varchar('unit_id', { length: 20 }).notNull(),
    /** Co-units: [{ unitType, unitId }]. */
    coUnits: jsonb('co_units').$type<Array<{ unitType: 'region' | 'department'; unitId: string }>>().notNull().default(sql`'[]'::jsonb`),
    /** Co-unit keys 'region:330122' / 'department:5' (GIN index for the scope). */
    coUnitKeys: text('co_unit_keys').array().notNull().default(sql`'{}'::text[]`),
    limitDays: integer('limit_days'),
    /** The limit (inclusive); it stays where it is. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** open | answered | closed */
    status: varchar('status', { length: 10 }).notNull().default('open'),
    /** Index in the problems' ladder; 0 = the assignee unit. */
    level: integer('level').notNull().default(0),
    /** Due date at the current level (escalation and 不满意 move it). */
    levelDueDate: date('level_due_date', { mode: 'string' }).notNull(),
    holderIds: integer('holder_ids').array().notNull().default(sql`'{}'::integer[]`),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
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
    index('assignments_unit_idx').on(t.unitType, t.unitId),
    index('assignments_status_due_idx').on(t.status, t.levelDueDate),
    index('assignments_due_idx').on(t.dueDate),
    index('assignments_assigner_idx').on(t.assignerPersonId),
    index('assignments_created_by_idx').on(t.createdBy),
    index('assignments_co_units_idx').using('gin', t.coUnitKeys),
    index('assignments_holders_idx').using('gin', t.holderIds),
  ],
);

/** Every state of an item: by a person, or by the scheduler (actor null). */
export const assignmentEvents = pgTable(
  'assignment_events',
  {
    id: serial('id').primaryKey(),
    assignmentId: integer('assignment_id')
      .notNull()
      .references(() => assignments.id, { onDelete: 'cascade' }),
    /** created | escalated | answered | rated | reopened | closed */
    kind: varchar('kind', { length: 12 }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    fromStatus: varchar('from_status', { length: 10 }),
    toStatus: varchar('to_status', { length: 10 }),
    fromLevel: integer('from_level'),
    toLevel: integer('to_level'),
    dueDate: date('due_date', { mode: 'string' }),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    index('assignment_events_item_idx').on(t.assignmentId, t.at),
    // an item reaches each level once: a second scheduler run cannot escalate it twice
    uniqueIndex('assignment_events_escalation_uq').on(t.assignmentId, t.toLevel).where(sql`${t.kind} = 'escalated'`),
  ],
);

/** 攻坚行动: a span of dates with its selected items (tasks, projects, indicator targets). */
export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  description: text('description'),
  /** [{ kind: 'task', taskId } | { kind: 'project', projectId, target } | { kind: 'indicator', indicatorId, unitType, unitId, target }] */
  items: jsonb('items').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
  createdBy: integer('created_by').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
