CREATE TABLE "task_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"report_id" integer,
	"kind" varchar(10) NOT NULL,
	"name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(200) NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_nodes" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"seq" integer DEFAULT 0 NOT NULL,
	"name" varchar(100) NOT NULL,
	"due_date" date NOT NULL,
	"unit_type" varchar(10),
	"unit_id" varchar(20),
	"person_id" integer,
	"done_date" date,
	"done_report_id" integer
);
--> statement-breakpoint
CREATE TABLE "task_projects" (
	"task_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	CONSTRAINT "task_projects_task_id_project_id_pk" PRIMARY KEY("task_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"period" varchar(12) NOT NULL,
	"period_end" date NOT NULL,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"figures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text,
	"node_ids_done" integer[] DEFAULT '{}' NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(12) DEFAULT 'quantity' NOT NULL,
	"value" varchar(30),
	"unit" varchar(10) DEFAULT '' NOT NULL,
	"due_date" date,
	"done_date" date,
	"breakdown" jsonb,
	"from_projects" boolean DEFAULT false NOT NULL,
	"main" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_units" (
	"task_id" integer NOT NULL,
	"unit_type" varchar(10) NOT NULL,
	"unit_id" varchar(20) NOT NULL,
	"role" varchar(4) NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_units_task_id_unit_type_unit_id_pk" PRIMARY KEY("task_id","unit_type","unit_id")
);
--> statement-breakpoint
CREATE TABLE "task_urges" (
	"id" serial PRIMARY KEY NOT NULL,
	"task_id" integer NOT NULL,
	"reason" varchar(500) NOT NULL,
	"limit_days" integer,
	"due_date" date NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"holder_ids" integer[] DEFAULT '{}' NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"root_id" integer,
	"depth" integer DEFAULT 0 NOT NULL,
	"title" varchar(200) NOT NULL,
	"type" varchar(20) NOT NULL,
	"year" integer NOT NULL,
	"lead_leader_id" integer,
	"lead_unit_type" varchar(10) NOT NULL,
	"lead_unit_id" varchar(20) NOT NULL,
	"person_id" integer,
	"follower_id" integer,
	"benchmark" varchar(500),
	"description" text,
	"cadence" varchar(8) DEFAULT 'monthly' NOT NULL,
	"deadline" date NOT NULL,
	"public_commitment" boolean DEFAULT false NOT NULL,
	"done_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_report_id_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."task_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_nodes" ADD CONSTRAINT "task_nodes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_nodes" ADD CONSTRAINT "task_nodes_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_projects" ADD CONSTRAINT "task_projects_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_projects" ADD CONSTRAINT "task_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_targets" ADD CONSTRAINT "task_targets_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_units" ADD CONSTRAINT "task_units_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_urges" ADD CONSTRAINT "task_urges_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_urges" ADD CONSTRAINT "task_urges_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_urges" ADD CONSTRAINT "task_urges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_lead_leader_id_people_id_fk" FOREIGN KEY ("lead_leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_follower_id_people_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_files_task_idx" ON "task_files" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_files_report_idx" ON "task_files" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "task_nodes_task_idx" ON "task_nodes" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_nodes_due_idx" ON "task_nodes" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "task_projects_project_idx" ON "task_projects" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reports_task_period_uq" ON "task_reports" USING btree ("task_id","period");--> statement-breakpoint
CREATE INDEX "task_reports_status_idx" ON "task_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "task_targets_task_idx" ON "task_targets" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_units_unit_idx" ON "task_units" USING btree ("unit_type","unit_id");--> statement-breakpoint
CREATE INDEX "task_urges_task_idx" ON "task_urges" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "task_urges_open_idx" ON "task_urges" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_root_idx" ON "tasks" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "tasks_year_idx" ON "tasks" USING btree ("year");--> statement-breakpoint
CREATE INDEX "tasks_lead_leader_idx" ON "tasks" USING btree ("lead_leader_id");