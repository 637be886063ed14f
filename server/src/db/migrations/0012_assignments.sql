CREATE TABLE "assignment_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"assignment_id" integer NOT NULL,
	"kind" varchar(12) NOT NULL,
	"actor_id" integer,
	"at" timestamp with time zone NOT NULL,
	"from_status" varchar(10),
	"to_status" varchar(10),
	"from_level" integer,
	"to_level" integer,
	"due_date" date,
	"note" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(8) NOT NULL,
	"title" varchar(200) NOT NULL,
	"content" text NOT NULL,
	"source" varchar(10) NOT NULL,
	"meeting_name" varchar(100),
	"meeting_date" date,
	"assigner_person_id" integer,
	"created_by" integer NOT NULL,
	"unit_type" varchar(12) NOT NULL,
	"unit_id" varchar(20) NOT NULL,
	"co_units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"co_unit_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"limit_days" integer,
	"due_date" date NOT NULL,
	"status" varchar(10) DEFAULT 'open' NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"level_due_date" date NOT NULL,
	"holder_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" integer,
	"rating" varchar(12),
	"rating_note" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"description" text,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigner_person_id_people_id_fk" FOREIGN KEY ("assigner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_events_item_idx" ON "assignment_events" USING btree ("assignment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_events_escalation_uq" ON "assignment_events" USING btree ("assignment_id","to_level") WHERE "assignment_events"."kind" = 'escalated';--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "assignments" USING btree ("unit_type","unit_id");--> statement-breakpoint
CREATE INDEX "assignments_status_due_idx" ON "assignments" USING btree ("status","level_due_date");--> statement-breakpoint
CREATE INDEX "assignments_due_idx" ON "assignments" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "assignments_assigner_idx" ON "assignments" USING btree ("assigner_person_id");--> statement-breakpoint
CREATE INDEX "assignments_created_by_idx" ON "assignments" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "assignments_co_units_idx" ON "assignments" USING gin ("co_unit_keys");--> statement-breakpoint
CREATE INDEX "assignments_holders_idx" ON "assignments" USING gin ("holder_ids");