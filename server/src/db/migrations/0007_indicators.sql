CREATE TABLE "external_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(50) NOT NULL,
	"level" varchar(12) DEFAULT 'county' NOT NULL,
	"parent_name" varchar(50),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_computed" (
	"indicator_id" integer NOT NULL,
	"period" varchar(8) NOT NULL,
	"version" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_computed_indicator_id_period_pk" PRIMARY KEY("indicator_id","period")
);
--> statement-breakpoint
CREATE TABLE "indicator_periods" (
	"id" serial PRIMARY KEY NOT NULL,
	"period" varchar(8) NOT NULL,
	"indicator_ids" integer[] NOT NULL,
	"deadline" date NOT NULL,
	"status" varchar(8) DEFAULT 'open' NOT NULL,
	"note" varchar(200),
	"opened_by" integer,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicator_publications" (
	"indicator_id" integer NOT NULL,
	"period" varchar(8) NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" integer NOT NULL,
	"unit_type" varchar(10) NOT NULL,
	"unit_id" varchar(20) NOT NULL,
	"baseline" numeric(20, 4),
	"target" numeric(20, 4),
	"breakdown" jsonb,
	"multi_year_year" integer,
	"multi_year_value" numeric(20, 4),
	"note" varchar(200),
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"value_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"value_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"action" varchar(10) NOT NULL,
	"value" numeric(20, 4),
	"growth" numeric(12, 4),
	"status" varchar(10) NOT NULL,
	"note" varchar(500),
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"unit_type" varchar(10) NOT NULL,
	"unit_id" varchar(20) NOT NULL,
	"period" varchar(8) NOT NULL,
	"value" numeric(20, 4),
	"growth" numeric(12, 4),
	"accepted_value" numeric(20, 4),
	"accepted_growth" numeric(12, 4),
	"has_accepted" boolean DEFAULT false NOT NULL,
	"numerator" numeric(20, 4),
	"denominator" numeric(20, 4),
	"note" varchar(500),
	"source" varchar(10) NOT NULL,
	"status" varchar(10) NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"return_reason" varchar(300),
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_year_versions" (
	"year" integer PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(30) NOT NULL,
	"name" varchar(60) NOT NULL,
	"unit" varchar(10) DEFAULT '' NOT NULL,
	"decimals" integer DEFAULT 2 NOT NULL,
	"direction" varchar(8) DEFAULT 'higher' NOT NULL,
	"kind" varchar(10) DEFAULT 'expected' NOT NULL,
	"cadence" varchar(10) NOT NULL,
	"accumulation" varchar(12) DEFAULT 'cumulative' NOT NULL,
	"source" varchar(10) NOT NULL,
	"formula" varchar(30),
	"filter" jsonb,
	"applies_to" text[] NOT NULL,
	"rank_by" varchar(12) DEFAULT 'value' NOT NULL,
	"rule_set_id" integer,
	"benchmark" boolean DEFAULT false NOT NULL,
	"description" varchar(500),
	"sort" integer DEFAULT 0 NOT NULL,
	"status" varchar(8) DEFAULT 'active' NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(50) NOT NULL,
	"members" jsonb NOT NULL,
	"note" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator_computed" ADD CONSTRAINT "indicator_computed_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_periods" ADD CONSTRAINT "indicator_periods_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_publications" ADD CONSTRAINT "indicator_publications_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_publications" ADD CONSTRAINT "indicator_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_files" ADD CONSTRAINT "indicator_value_files_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_files" ADD CONSTRAINT "indicator_value_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_revisions" ADD CONSTRAINT "indicator_value_revisions_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_revisions" ADD CONSTRAINT "indicator_value_revisions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "external_units_name_uq" ON "external_units" USING btree ("name");--> statement-breakpoint
CREATE INDEX "indicator_periods_period_idx" ON "indicator_periods" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_publications_uq" ON "indicator_publications" USING btree ("indicator_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_targets_uq" ON "indicator_targets" USING btree ("indicator_id","year","unit_type","unit_id");--> statement-breakpoint
CREATE INDEX "indicator_value_files_value_idx" ON "indicator_value_files" USING btree ("value_id");--> statement-breakpoint
CREATE INDEX "indicator_value_revisions_value_idx" ON "indicator_value_revisions" USING btree ("value_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_uq" ON "indicator_values" USING btree ("indicator_id","period","unit_type","unit_id");--> statement-breakpoint
CREATE INDEX "indicator_values_unit_idx" ON "indicator_values" USING btree ("unit_type","unit_id");--> statement-breakpoint
CREATE INDEX "indicator_values_status_idx" ON "indicator_values" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_uq" ON "indicators" USING btree (lower("code"));