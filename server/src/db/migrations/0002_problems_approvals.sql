CREATE TABLE "approval_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_approval_id" integer NOT NULL,
	"from_status" varchar(12),
	"to_status" varchar(12) NOT NULL,
	"step" varchar(12),
	"actor_id" integer,
	"at" timestamp with time zone NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "approval_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(30) NOT NULL,
	"name" varchar(100) NOT NULL,
	"department_id" integer,
	"statutory_days" integer NOT NULL,
	"promised_days" integer NOT NULL,
	"phase" integer NOT NULL,
	"step_limits" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_signals" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_approval_id" integer NOT NULL,
	"kind" varchar(8) NOT NULL,
	"step" varchar(12) DEFAULT '' NOT NULL,
	"for_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"project_category" varchar(12),
	"project_field" varchar(16),
	"item_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "efficiency_snapshots" (
	"period" varchar(10) NOT NULL,
	"department_id" integer NOT NULL,
	"figures" jsonb NOT NULL,
	"rank" integer,
	"grade" varchar(12),
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "efficiency_snapshots_period_department_id_pk" PRIMARY KEY("period","department_id")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" serial PRIMARY KEY NOT NULL,
	"notification_id" integer NOT NULL,
	"channel" varchar(12) NOT NULL,
	"recipient" varchar(100),
	"status" varchar(12) NOT NULL,
	"payload" jsonb,
	"error" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" varchar(30) NOT NULL,
	"title" varchar(200) NOT NULL,
	"body" text,
	"link" varchar(300),
	"dedupe_key" varchar(200),
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "problem_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"problem_id" integer NOT NULL,
	"file_path" varchar(300) NOT NULL,
	"original_name" varchar(200),
	"mime" varchar(80) NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"problem_id" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16),
	"from_level" integer,
	"to_level" integer,
	"due_date" date,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"source" varchar(12) NOT NULL,
	"report_id" integer,
	"category" varchar(16) NOT NULL,
	"title" varchar(200) NOT NULL,
	"description" text NOT NULL,
	"raised_by" integer NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"responsible_dept_id" integer,
	"responsible_user_id" integer,
	"holder_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"limit_days" integer,
	"due_date" date,
	"assigned_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"deferral_condition" text,
	"deferral_date" date,
	"rating" varchar(12),
	"rating_note" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"department_id" integer,
	"status" varchar(12) DEFAULT 'received' NOT NULL,
	"current_step" varchar(12),
	"started_at" timestamp with time zone,
	"step_started_at" timestamp with time zone,
	"promised_due_date" date,
	"done_at" timestamp with time zone,
	"handler_id" integer,
	"reason" text,
	"rating" varchar(12),
	"rated_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_tables" (
	"id" serial PRIMARY KEY NOT NULL,
	"table_key" varchar(40) NOT NULL,
	"period" varchar(10) NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduler_runs" (
	"job" varchar(60) PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_status" varchar(8),
	"last_result" jsonb,
	"last_error" text,
	"runs" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" varchar(60) PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "leader_id" integer;--> statement-breakpoint
ALTER TABLE "approval_events" ADD CONSTRAINT "approval_events_project_approval_id_project_approvals_id_fk" FOREIGN KEY ("project_approval_id") REFERENCES "public"."project_approvals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_events" ADD CONSTRAINT "approval_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_signals" ADD CONSTRAINT "approval_signals_project_approval_id_project_approvals_id_fk" FOREIGN KEY ("project_approval_id") REFERENCES "public"."project_approvals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_snapshots" ADD CONSTRAINT "efficiency_snapshots_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_attachments" ADD CONSTRAINT "problem_attachments_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_attachments" ADD CONSTRAINT "problem_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_report_id_monthly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_dept_id_departments_id_fk" FOREIGN KEY ("responsible_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problems" ADD CONSTRAINT "problems_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_item_id_approval_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."approval_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD CONSTRAINT "project_approvals_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_tables" ADD CONSTRAINT "public_tables_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_events_approval_idx" ON "approval_events" USING btree ("project_approval_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_code_uq" ON "approval_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "approval_items_department_idx" ON "approval_items" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_signals_uq" ON "approval_signals" USING btree ("project_approval_id","kind","step","for_date");--> statement-breakpoint
CREATE INDEX "approval_signals_created_idx" ON "approval_signals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_notification_idx" ON "notification_deliveries" USING btree ("notification_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "problem_attachments_problem_idx" ON "problem_attachments" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_events_escalation_uq" ON "problem_events" USING btree ("problem_id","to_level") WHERE "problem_events"."kind" = 'escalated';--> statement-breakpoint
CREATE INDEX "problems_project_idx" ON "problems" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "problems_status_due_idx" ON "problems" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "problems_dept_status_idx" ON "problems" USING btree ("responsible_dept_id","status");--> statement-breakpoint
CREATE INDEX "problems_responsible_user_idx" ON "problems" USING btree ("responsible_user_id");--> statement-breakpoint
CREATE INDEX "problems_raised_by_idx" ON "problems" USING btree ("raised_by");--> statement-breakpoint
CREATE INDEX "problems_level_status_idx" ON "problems" USING btree ("level","status");--> statement-breakpoint
CREATE INDEX "problems_holders_idx" ON "problems" USING gin ("holder_ids");--> statement-breakpoint
CREATE UNIQUE INDEX "problems_report_uq" ON "problems" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "project_approvals_project_idx" ON "project_approvals" USING btree ("project_id","item_id");--> statement-breakpoint
CREATE INDEX "project_approvals_department_idx" ON "project_approvals" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "project_approvals_status_due_idx" ON "project_approvals" USING btree ("status","promised_due_date");--> statement-breakpoint
CREATE INDEX "project_approvals_done_idx" ON "project_approvals" USING btree ("done_at");--> statement-breakpoint
CREATE UNIQUE INDEX "public_tables_key_period_uq" ON "public_tables" USING btree ("table_key","period");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_leader_id_users_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;