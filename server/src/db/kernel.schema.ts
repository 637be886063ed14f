import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * The shared kernel of the data model: the tables every module reads (places, units, accounts,
 * people, projects and their leaders and stages, the audit chain, settings, the calendar's
 * overrides and the scheduler's runs). The tables of one module live next to it, in
 * `modules/<module>/<module>.schema.ts`; `db/schema.ts` gathers them all for the migrations.
 */

export const regions = pgTable(
  'regions',
  {
    code: varchar('code', { length: 12 }).primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    level: varchar('level', { length: 12 }).notNull(),
    parentCode: varchar('parent_code', { length: 12 }),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 100 }).notNull(),
    shortName: varchar('short_name', { length: 30 }),
    kind: varchar('kind', { length: 12 }).notNull().default('department'),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    /** 分管领导: the leader (a person) in charge of this department, the second level of the problem ladder. */
    leaderId: integer('leader_id').references((): AnyPgColumn => people.id),
  },
  (t) => [uniqueIndex('departments_region_name_uq').on(t.regionCode, t.name)],
);

export const enterprises = pgTable(
  'enterprises',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 200 }).notNull(),
    creditCode: varchar('credit_code', { length: 18 }),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    legalPerson: varchar('legal_person', { length: 50 }),
    contactPhone: varchar('contact_phone', { length: 30 }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enterprises_credit_code_uq').on(t.creditCode), uniqueIndex('enterprises_name_uq').on(t.name)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: varchar('username', { length: 32 }).notNull(),
    displayName: varchar('display_name', { length: 50 }).notNull(),
    passwordHash: text('password_hash').notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    title: varchar('title', { length: 50 }),
    phone: varchar('phone', { length: 30 }),
    scopeType: varchar('scope_type', { length: 16 }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    departmentId: integer('department_id').references(() => departments.id),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id),
    /** The person this login belongs to (a leader, a unit head or liaison), if any. */
    personId: integer('person_id').references((): AnyPgColumn => people.id),
    active: boolean('active').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`), uniqueIndex('users_person_uq').on(t.personId)],
);

/**
 * People (人员): leaders (包保领导, 分管领导) and the heads and liaisons of units, whether or not they
 * have a login. Projects, departments and the problem ladder refer to people; `users.person_id`
 * links an account to its person.
 */
export const people = pgTable(
  'people',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 50 }).notNull(),
    /** leader | unit_head | liaison */
    kind: varchar('kind', { length: 12 }).notNull().default('leader'),
    title: varchar('title', { length: 50 }),
    /** province | city | county | town (县级, 市级 …) */
    level: varchar('level', { length: 12 }),
    regionCode: varchar('region_code', { length: 12 }).references(() => regions.code),
    departmentId: integer('department_id').references((): AnyPgColumn => departments.id),
    phone: varchar('phone', { length: 30 }),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('people_kind_idx').on(t.kind), index('people_department_idx').on(t.departmentId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: varchar('id', { length: 64 }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: varchar('csrf_token', { length: 64 }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 300 }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    name: varchar('name', { length: 200 }).notNull(),
    code: varchar('code', { length: 24 }),
    statsCode: varchar('stats_code', { length: 40 }),
    level: varchar('level', { length: 12 }).notNull(),
    nature: varchar('nature', { length: 12 }).notNull(),
    category: varchar('category', { length: 12 }).notNull(),
    planYear: integer('plan_year').notNull(),
    field: varchar('field', { length: 16 }).notNull(),
    industryCode: varchar('industry_code', { length: 10 }),
    chainTags: text('chain_tags').array().notNull().default(sql`'{}'::text[]`),
    investmentType: varchar('investment_type', { length: 12 }).notNull(),
    capitalOrigin: varchar('capital_origin', { length: 12 }).notNull().default('domestic'),
    funding: jsonb('funding').notNull().default({}),
    ppp: boolean('ppp').notNull().default(false),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    location: varchar('location', { length: 200 }),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    landArea: numeric('land_area', { precision: 12, scale: 2 }),
    newLand: boolean('new_land').notNull().default(true),
    ownerEnterpriseId: integer('owner_enterprise_id').references(() => enterprises.id),
    responsibleDeptId: integer('responsible_dept_id').references(() => departments.id),
    responsiblePerson: varchar('responsible_person', { length: 50 }),
    responsiblePhone: varchar('responsible_phone', { length: 30 }),
    liaisonName: varchar('liaison_name', { length: 50 }),
    liaisonPhone: varchar('liaison_phone', { length: 30 }),
    totalInvestment: numeric('total_investment', { precision: 14, scale: 2 }).notNull(),
    plannedStart: date('planned_start', { mode: 'string' }),
    plannedCompletion: date('planned_completion', { mode: 'string' }),
    actualStart: date('actual_start', { mode: 'string' }),
    actualCompletion: date('actual_completion', { mode: 'string' }),
    content: text('content'),
    stage: varchar('stage', { length: 16 }).notNull().default('planning'),
    stageChangedAt: date('stage_changed_at', { mode: 'string' }),
    /** The stated reason for not starting in the planned month (银川: no start yellow), who stated it and when. */
    startDelayReason: text('start_delay_reason'),
    startDelayReasonBy: integer('start_delay_reason_by').references(() => users.id),
    startDelayReasonAt: ts('start_delay_reason_at'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('projects_code_uq').on(t.code).where(sql`${t.deletedAt} is null`),
    index('projects_region_idx').on(sql`${t.regionCode} varchar_pattern_ops`),
    index('projects_stage_idx').on(t.stage),
    index('projects_dept_idx').on(t.responsibleDeptId),
    index('projects_owner_idx').on(t.ownerEnterpriseId),
    index('projects_name_region_idx').on(t.name, t.regionCode),
  ],
);

export const projectLeaders = pgTable(
  'project_leaders',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.personId] }), index('project_leaders_person_idx').on(t.personId)],
);

export const projectStageEvents = pgTable(
  'project_stage_events',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: varchar('from_stage', { length: 16 }),
    toStage: varchar('to_stage', { length: 16 }).notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    userId: integer('user_id').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('project_stage_events_project_idx').on(t.projectId)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: integer('actor_id'),
    actorName: varchar('actor_name', { length: 50 }),
    action: varchar('action', { length: 60 }).notNull(),
    entityType: varchar('entity_type', { length: 40 }).notNull(),
    entityId: varchar('entity_id', { length: 40 }),
    summary: varchar('summary', { length: 300 }),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: varchar('ip', { length: 64 }),
    requestId: varchar('request_id', { length: 64 }),
    prevHash: varchar('prev_hash', { length: 64 }).notNull(),
    hash: varchar('hash', { length: 64 }).notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.actorId),
    index('audit_events_at_idx').on(t.at),
  ],
);

/** Admin overrides of the working-day calendar (official holidays and 调休 come from the library). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  name: varchar('name', { length: 50 }),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Settings of a deployment that the admin may change, one JSON value per key
 * (the problem escalation ladder, the whole-process approval limit, the grade cut-offs).
 * A missing key means the built-in default.
 */
export const settings = pgTable('settings', {
  key: varchar('key', { length: 60 }).primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Last run of each scheduled job, so a restart that missed a run catches up. */
export const schedulerRuns = pgTable('scheduler_runs', {
  job: varchar('job', { length: 60 }).primaryKey(),
  lastStartedAt: ts('last_started_at'),
  lastRunAt: ts('last_run_at'),
  /** ok | error */
  lastStatus: varchar('last_status', { length: 8 }),
  lastResult: jsonb('last_result'),
  lastError: text('last_error'),
  runs: integer('runs').notNull().default(0),
});
