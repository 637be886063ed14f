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

// ───────────────────────── monthly dispatch (plans, milestones, reports, warnings) ─────────────────────────

/** Admin overrides of the working-day calendar (official holidays and 调休 come from the library). */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  name: varchar('name', { length: 50 }),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

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

/** Standard milestone templates (倒排工期), nodes with durations in working days. */
export const milestoneTemplates = pgTable('milestone_templates', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  /** [{name, durationDays, responsibleDeptId?}] in order; the last ends on the target date. */
  nodes: jsonb('nodes').notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const milestones = pgTable(
  'milestones',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    seq: integer('seq').notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    durationDays: integer('duration_days'),
    startDate: date('start_date', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneDate: date('done_date', { mode: 'string' }),
    responsibleDeptId: integer('responsible_dept_id').references(() => departments.id),
    responsiblePerson: varchar('responsible_person', { length: 50 }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('milestones_project_idx').on(t.projectId), index('milestones_due_idx').on(t.dueDate)],
);

/** The dispatcher opens a month for reporting with a deadline. */
export const reportWindows = pgTable(
  'report_windows',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: varchar('status', { length: 12 }).notNull().default('open'),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: ts('opened_at').notNull().defaultNow(),
    closedAt: ts('closed_at'),
  },
  (t) => [uniqueIndex('report_windows_year_month_uq').on(t.year, t.month)],
);

/** One monthly report per project per month (月报). */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** draft | submitted | returned | accepted */
    status: varchar('status', { length: 12 }).notNull().default('draft'),
    /** 当月完成投资 (万元). */
    investment: numeric('investment', { precision: 14, scale: 2 }).notNull().default('0'),
    progressText: text('progress_text'),
    problemsText: text('problems_text'),
    submittedAt: ts('submitted_at'),
    submittedBy: integer('submitted_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    returnReason: text('return_reason'),
    /** Number of revisions after acceptance. */
    revision: integer('revision').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monthly_reports_project_month_uq').on(t.projectId, t.year, t.month), index('monthly_reports_year_month_idx').on(t.year, t.month, t.status)],
);

/** A figure changed after acceptance: every revision stays visible. */
export const reportRevisions = pgTable(
  'report_revisions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('report_revisions_report_idx').on(t.reportId)],
);

export const reportPhotos = pgTable(
  'report_photos',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    /** Paths relative to the uploads directory (outside the web root). */
    filePath: varchar('file_path', { length: 300 }).notNull(),
    thumbPath: varchar('thumb_path', { length: 300 }),
    originalName: varchar('original_name', { length: 200 }),
    mime: varchar('mime', { length: 60 }).notNull(),
    size: integer('size').notNull(),
    takenAt: ts('taken_at'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('report_photos_report_idx').on(t.reportId)],
);

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

// ───────────────────────── problems, approvals, notifications, scheduler ─────────────────────────

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

/** 问题解决清单: a problem met by a project, answered within a limit, escalated up a ladder. */
export const problems = pgTable(
  'problems',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    /** unit | report | dispatcher | promotion */
    source: varchar('source', { length: 12 }).notNull(),
    /** The monthly report the problem was raised from (one problem per report). */
    reportId: integer('report_id').references(() => monthlyReports.id),
    category: varchar('category', { length: 16 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    description: text('description').notNull(),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: ts('raised_at').notNull(),
    /** pending 待受理 | handling 办理中 | answered_solved 已办结 | deferred 暂缓 | closed 已销号 */
    status: varchar('status', { length: 16 }).notNull().default('pending'),
    /** Index in the escalation ladder; 0 = 承办部门. */
    level: integer('level').notNull().default(0),
    responsibleDeptId: integer('responsible_dept_id').references(() => departments.id),
    responsibleUserId: integer('responsible_user_id').references(() => users.id),
    /** The people who hold the problem at the current level above 0 (分管领导, 包保领导, 调度会). */
    holderIds: integer('holder_ids').array().notNull().default(sql`'{}'::integer[]`),
    /** Limit of the current level in working days, and the date it ends (inclusive). */
    limitDays: integer('limit_days'),
    dueDate: date('due_date', { mode: 'string' }),
    assignedAt: ts('assigned_at'),
    acceptedAt: ts('accepted_at'),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: integer('answered_by').references(() => users.id),
    deferralCondition: text('deferral_condition'),
    deferralDate: date('deferral_date', { mode: 'string' }),
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
    index('problems_project_idx').on(t.projectId),
    index('problems_status_due_idx').on(t.status, t.dueDate),
    index('problems_dept_status_idx').on(t.responsibleDeptId, t.status),
    index('problems_responsible_user_idx').on(t.responsibleUserId),
    index('problems_raised_by_idx').on(t.raisedBy),
    index('problems_level_status_idx').on(t.level, t.status),
    index('problems_holders_idx').using('gin', t.holderIds),
    uniqueIndex('problems_report_uq').on(t.reportId),
  ],
);

/** Timeline of a problem: every move, by a person or by the scheduler (actor null). */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** raised | assigned | accepted | escalated | answered | deferred | rated | reopened | closed | commented */
    kind: varchar('kind', { length: 16 }).notNull(),
    actorId: integer('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    fromStatus: varchar('from_status', { length: 16 }),
    toStatus: varchar('to_status', { length: 16 }),
    fromLevel: integer('from_level'),
    toLevel: integer('to_level'),
    dueDate: date('due_date', { mode: 'string' }),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    index('problem_events_problem_idx').on(t.problemId, t.at),
    // A problem reaches each level once: a second scheduler run cannot escalate it twice.
    uniqueIndex('problem_events_escalation_uq').on(t.problemId, t.toLevel).where(sql`${t.kind} = 'escalated'`),
  ],
);

export const problemAttachments = pgTable(
  'problem_attachments',
  {
    id: serial('id').primaryKey(),
    problemId: integer('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    /** Path relative to the uploads directory (outside the web root). */
    filePath: varchar('file_path', { length: 300 }).notNull(),
    originalName: varchar('original_name', { length: 200 }),
    mime: varchar('mime', { length: 80 }).notNull(),
    size: integer('size').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('problem_attachments_problem_idx').on(t.problemId)],
);

/** 审批事项 catalogue: handling department, statutory and promised limits (working days). */
export const approvalItems = pgTable(
  'approval_items',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 30 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    statutoryDays: integer('statutory_days').notNull(),
    promisedDays: integer('promised_days').notNull(),
    /** Phase of the whole process: 1 立项用地规划许可, 2 工程建设许可, 3 施工许可, 4 竣工验收. */
    phase: integer('phase').notNull(),
    /** Limits per step in working days: { accept, undertake, review, approve, finish }. */
    stepLimits: jsonb('step_limits').notNull().default({}),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_items_code_uq').on(t.code), index('approval_items_department_idx').on(t.departmentId)],
);

/**
 * Which items a kind of project needs. The project criteria are optional; a template whose
 * criteria all match a project is suggested for it.
 */
export const approvalTemplates = pgTable('approval_templates', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  /** Yearly category (新开工 …) */
  projectCategory: varchar('project_category', { length: 12 }),
  /** 领域 (industry, infrastructure …) */
  projectField: varchar('project_field', { length: 16 }),
  /** 政府投资 | 企业投资 */
  investmentType: varchar('investment_type', { length: 12 }),
  itemCodes: text('item_codes').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** An approval item of one project, moving 受理 → 承办 → 审核 → 批准 → 办结. */
export const projectApprovals = pgTable(
  'project_approvals',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => approvalItems.id),
    departmentId: integer('department_id').references(() => departments.id),
    /** not_started | pending | accepted | undertaken | reviewed | approved | done | returned | rejected (APPROVAL_STATUSES) */
    status: varchar('status', { length: 12 }).notNull().default('not_started'),
    /** accept | undertake | review | approve | finish: the step waited for */
    currentStep: varchar('current_step', { length: 12 }),
    /** 受理: the promised limit runs from here */
    startedAt: ts('started_at'),
    stepStartedAt: ts('step_started_at'),
    /** Limits copied from the catalogue when the item was added, so later catalogue changes do not rewrite its history. */
    promisedDays: integer('promised_days').notNull().default(0),
    stepLimits: jsonb('step_limits').notNull().default({}),
    /** Last day of the promised limit (null before 受理, and during 补正 while still within it). */
    promisedDueDate: date('promised_due_date', { mode: 'string' }),
    /**
     * The stored timing (domain/timing.ts storedTiming): the signal that no longer moves
     * with time (none | yellow | red; NULL: not computed yet, e.g. after a calendar change),
     * and the dates from which the running clocks give a prompt, yellow and red. Lists filter,
     * sort and page by the signal of today computed from these in SQL.
     */
    signalFixed: varchar('signal_fixed', { length: 8 }),
    promptOn: date('prompt_on', { mode: 'string' }),
    yellowOn: date('yellow_on', { mode: 'string' }),
    /** The day the item goes, or went, past its promised limit (超时). */
    redOn: date('red_on', { mode: 'string' }),
    /** China dates of 受理 and 办结, and the working days used (补正 excluded) of a completed item: for the efficiency tables. */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    usedDays: integer('used_days'),
    /** 办结 or 不予受理 */
    doneAt: ts('done_at'),
    handlerId: integer('handler_id').references(() => users.id),
    reason: text('reason'),
    /** satisfied | basic | unsatisfied */
    rating: varchar('rating', { length: 12 }),
    ratedAt: ts('rated_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('project_approvals_project_idx').on(t.projectId, t.itemId),
    index('project_approvals_department_idx').on(t.departmentId, t.status),
    index('project_approvals_status_due_idx').on(t.status, t.promisedDueDate),
    index('project_approvals_done_idx').on(t.doneAt),
    index('project_approvals_unscheduled_idx').on(t.id).where(sql`${t.signalFixed} is null`),
    // the efficiency tables: what was accepted, completed, went overdue or was rated in a period
    index('project_approvals_accepted_idx').on(t.acceptedOn),
    index('project_approvals_completed_idx').on(t.completedOn),
    index('project_approvals_red_idx').on(t.redOn),
    index('project_approvals_rated_idx').on(t.ratedAt),
  ],
);

/** Every step move of an approval item, with time, person and reason. */
export const approvalEvents = pgTable(
  'approval_events',
  {
    id: serial('id').primaryKey(),
    projectApprovalId: integer('project_approval_id')
      .notNull()
      .references(() => projectApprovals.id, { onDelete: 'cascade' }),
    fromStatus: varchar('from_status', { length: 12 }),
    toStatus: varchar('to_status', { length: 12 }).notNull(),
    step: varchar('step', { length: 12 }),
    actorId: integer('actor_id').references(() => users.id),
    at: ts('at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('approval_events_approval_idx').on(t.projectApprovalId, t.at)],
);

/** Prompts and yellow/red signals of approval items; unique, so a second scheduler run adds nothing. */
export const approvalSignals = pgTable(
  'approval_signals',
  {
    id: serial('id').primaryKey(),
    projectApprovalId: integer('project_approval_id')
      .notNull()
      .references(() => projectApprovals.id, { onDelete: 'cascade' }),
    /** prompt | yellow | red */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** The step concerned; '' for the item as a whole. */
    step: varchar('step', { length: 12 }).notNull().default(''),
    /** The limit date the signal is about. */
    forDate: date('for_date', { mode: 'string' }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('approval_signals_uq').on(t.projectApprovalId, t.kind, t.step, t.forDate),
    index('approval_signals_created_idx').on(t.createdAt),
  ],
);

/** The efficiency tables the admin has made public (visible without login). */
export const publicTables = pgTable(
  'public_tables',
  {
    id: serial('id').primaryKey(),
    /** e.g. department_monthly, department_quarterly */
    tableKey: varchar('table_key', { length: 40 }).notNull(),
    /** '2026-03', '2026Q1' */
    period: varchar('period', { length: 10 }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: ts('published_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('public_tables_key_period_uq').on(t.tableKey, t.period)],
);

/** Figures of a department's efficiency table as computed (and published) for a period. */
export const efficiencySnapshots = pgTable(
  'efficiency_snapshots',
  {
    period: varchar('period', { length: 10 }).notNull(),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    figures: jsonb('figures').notNull(),
    rank: integer('rank'),
    grade: varchar('grade', { length: 12 }),
    computedAt: ts('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.period, t.departmentId] })],
);

/** In-app notification centre; dedupe_key makes a repeated notice a no-op for the same user. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 30 }).notNull(),
    title: varchar('title', { length: 200 }).notNull(),
    body: text('body'),
    link: varchar('link', { length: 300 }),
    dedupeKey: varchar('dedupe_key', { length: 200 }),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
  ],
);

/** Deliveries of a notification to an outside channel (SMS, WeChat) through the message gateway. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: serial('id').primaryKey(),
    notificationId: integer('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    /** sms | wechat */
    channel: varchar('channel', { length: 12 }).notNull(),
    recipient: varchar('recipient', { length: 100 }),
    /** sent | failed | skipped */
    status: varchar('status', { length: 12 }).notNull(),
    payload: jsonb('payload'),
    error: text('error'),
    at: ts('at').notNull(),
  },
  (t) => [index('notification_deliveries_notification_idx').on(t.notificationId)],
);

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
