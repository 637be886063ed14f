CREATE TABLE "competition_adjustment_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"adjustment_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"competition_id" integer NOT NULL,
	"period" varchar(7) NOT NULL,
	"unit_type" varchar(12) NOT NULL,
	"unit_id" varchar(20) NOT NULL,
	"item_id" varchar(40) NOT NULL,
	"points" numeric(12, 2) NOT NULL,
	"reason" varchar(300) NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competition_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"competition_id" integer NOT NULL,
	"period" varchar(7) NOT NULL,
	"revision" integer NOT NULL,
	"status" varchar(12) NOT NULL,
	"scheme_version" integer NOT NULL,
	"results" jsonb NOT NULL,
	"missing" jsonb NOT NULL,
	"parts" jsonb NOT NULL,
	"reason" varchar(300),
	"summary" jsonb NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"computed_by" integer,
	"published_at" timestamp with time zone,
	"published_by" integer
);
--> statement-breakpoint
CREATE TABLE "competition_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"competition_id" integer NOT NULL,
	"version" integer NOT NULL,
	"scheme" jsonb NOT NULL,
	"note" varchar(200),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(80) NOT NULL,
	"year" integer NOT NULL,
	"cadence" varchar(10) NOT NULL,
	"description" varchar(500),
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "competition_adjustment_files" ADD CONSTRAINT "competition_adjustment_files_adjustment_id_competition_adjustments_id_fk" FOREIGN KEY ("adjustment_id") REFERENCES "public"."competition_adjustments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_adjustment_files" ADD CONSTRAINT "competition_adjustment_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_adjustments" ADD CONSTRAINT "competition_adjustments_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_adjustments" ADD CONSTRAINT "competition_adjustments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_snapshots" ADD CONSTRAINT "competition_snapshots_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_snapshots" ADD CONSTRAINT "competition_snapshots_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_snapshots" ADD CONSTRAINT "competition_snapshots_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_versions" ADD CONSTRAINT "competition_versions_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competition_versions" ADD CONSTRAINT "competition_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competitions" ADD CONSTRAINT "competitions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "competition_adjustment_files_idx" ON "competition_adjustment_files" USING btree ("adjustment_id");--> statement-breakpoint
CREATE INDEX "competition_adjustments_period_idx" ON "competition_adjustments" USING btree ("competition_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_snapshots_uq" ON "competition_snapshots" USING btree ("competition_id","period","revision");--> statement-breakpoint
CREATE INDEX "competition_snapshots_status_idx" ON "competition_snapshots" USING btree ("competition_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "competition_versions_uq" ON "competition_versions" USING btree ("competition_id","version");