CREATE TABLE "annual_plan_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"reason" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"category" varchar(12) NOT NULL,
	"planned_investment" numeric(14, 2) NOT NULL,
	"monthly" numeric(14, 2)[] NOT NULL,
	"image_target" text,
	"completed_before_year" numeric(14, 2) DEFAULT '0' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"is_workday" boolean NOT NULL,
	"name" varchar(50),
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestone_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"nodes" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"name" varchar(100) NOT NULL,
	"duration_days" integer,
	"start_date" date,
	"due_date" date NOT NULL,
	"done_date" date,
	"responsible_dept_id" integer,
	"responsible_person" varchar(50),
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"investment" numeric(14, 2) DEFAULT '0' NOT NULL,
	"progress_text" text,
	"problems_text" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" integer,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" integer,
	"return_reason" text,
	"revision" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_rollups" (
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"category" varchar(12) NOT NULL,
	"planned" numeric(16, 2) DEFAULT '0' NOT NULL,
	"completed" numeric(16, 2) DEFAULT '0' NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "monthly_rollups_year_month_region_code_category_pk" PRIMARY KEY("year","month","region_code","category")
);
--> statement-breakpoint
CREATE TABLE "project_lights" (
	"project_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"dimension" varchar(16) NOT NULL,
	"light" varchar(8) NOT NULL,
	"value" numeric(14, 2),
	"detail" varchar(300),
	"streak" integer DEFAULT 0 NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_lights_project_id_year_month_dimension_pk" PRIMARY KEY("project_id","year","month","dimension")
);
--> statement-breakpoint
CREATE TABLE "report_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"file_path" varchar(300) NOT NULL,
	"thumb_path" varchar(300),
	"original_name" varchar(200),
	"mime" varchar(60) NOT NULL,
	"size" integer NOT NULL,
	"taken_at" timestamp with time zone,
	"lat" double precision,
	"lng" double precision,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_windows" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"opened_by" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(30) NOT NULL,
	"name" varchar(100) NOT NULL,
	"config" jsonb NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_plan_changes" ADD CONSTRAINT "annual_plan_changes_plan_id_annual_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."annual_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plan_changes" ADD CONSTRAINT "annual_plan_changes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_responsible_dept_id_departments_id_fk" FOREIGN KEY ("responsible_dept_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lights" ADD CONSTRAINT "project_lights_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_report_id_monthly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_photos" ADD CONSTRAINT "report_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_report_id_monthly_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."monthly_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_revisions" ADD CONSTRAINT "report_revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_windows" ADD CONSTRAINT "report_windows_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_plan_changes_plan_idx" ON "annual_plan_changes" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_project_year_uq" ON "annual_plans" USING btree ("project_id","year");--> statement-breakpoint
CREATE INDEX "annual_plans_year_idx" ON "annual_plans" USING btree ("year");--> statement-breakpoint
CREATE INDEX "milestones_project_idx" ON "milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "milestones_due_idx" ON "milestones" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_project_month_uq" ON "monthly_reports" USING btree ("project_id","year","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_year_month_idx" ON "monthly_reports" USING btree ("year","month","status");--> statement-breakpoint
CREATE INDEX "project_lights_month_idx" ON "project_lights" USING btree ("year","month","light");--> statement-breakpoint
CREATE INDEX "report_photos_report_idx" ON "report_photos" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_revisions_report_idx" ON "report_revisions" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_windows_year_month_uq" ON "report_windows" USING btree ("year","month");