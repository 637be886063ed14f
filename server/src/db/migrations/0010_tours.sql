CREATE TABLE "tour_judges" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"title" varchar(50),
	"organisation" varchar(80),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tour_nominations" (
	"id" serial PRIMARY KEY NOT NULL,
	"tour_id" integer NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"project_id" integer,
	"name" varchar(200) NOT NULL,
	"category" varchar(10) NOT NULL,
	"checklist" jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"note" varchar(500),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tour_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"nomination_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"storage_key" varchar(300) NOT NULL,
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tour_sheets" (
	"id" serial PRIMARY KEY NOT NULL,
	"tour_id" integer NOT NULL,
	"judge_user_id" integer NOT NULL,
	"nomination_id" integer,
	"scores" jsonb,
	"total" numeric(12, 2),
	"ranking" integer[],
	"comment" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"date" date NOT NULL,
	"end_date" date NOT NULL,
	"level" varchar(20) NOT NULL,
	"organiser" varchar(80) NOT NULL,
	"round" integer NOT NULL,
	"status" varchar(8) DEFAULT 'draft' NOT NULL,
	"method" varchar(8) NOT NULL,
	"criteria" jsonb NOT NULL,
	"judge_user_ids" integer[] NOT NULL,
	"itinerary" jsonb NOT NULL,
	"checklist" jsonb NOT NULL,
	"note" varchar(500),
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "tour_judges" ADD CONSTRAINT "tour_judges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_nominations" ADD CONSTRAINT "tour_nominations_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_nominations" ADD CONSTRAINT "tour_nominations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_nominations" ADD CONSTRAINT "tour_nominations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_nominations" ADD CONSTRAINT "tour_nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_photos" ADD CONSTRAINT "tour_photos_nomination_id_tour_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."tour_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_photos" ADD CONSTRAINT "tour_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_sheets" ADD CONSTRAINT "tour_sheets_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_sheets" ADD CONSTRAINT "tour_sheets_judge_user_id_users_id_fk" FOREIGN KEY ("judge_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_sheets" ADD CONSTRAINT "tour_sheets_nomination_id_tour_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."tour_nominations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tour_judges_user_uq" ON "tour_judges" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tour_nominations_tour_idx" ON "tour_nominations" USING btree ("tour_id");--> statement-breakpoint
CREATE INDEX "tour_nominations_region_idx" ON "tour_nominations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "tour_photos_nomination_idx" ON "tour_photos" USING btree ("nomination_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tour_sheets_judge_uq" ON "tour_sheets" USING btree ("tour_id","judge_user_id",coalesce("nomination_id", 0));--> statement-breakpoint
CREATE INDEX "tour_sheets_nomination_idx" ON "tour_sheets" USING btree ("nomination_id");--> statement-breakpoint
CREATE INDEX "tours_date_idx" ON "tours" USING btree ("date");