import { sql } from 'drizzle-orm';
import {
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
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

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
    active: boolean('active').notNull().default(true),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: ts('locked_until'),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
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
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_leaders_user_idx').on(t.userId)],
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

export const importMappings = pgTable('import_mappings', {
  id: serial('id').primaryKey(),
  kind: varchar('kind', { length: 30 }).notNull().default('projects'),
  name: varchar('name', { length: 100 }).notNull(),
  mapping: jsonb('mapping').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
});

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
