CREATE TABLE "import_jobs" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" varchar(30) DEFAULT 'projects' NOT NULL,
	"filename" varchar(200),
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" varchar(12) NOT NULL,
	"phase" varchar(12) NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(50) NOT NULL,
	"kind" varchar(12) DEFAULT 'leader' NOT NULL,
	"title" varchar(50),
	"level" varchar(12),
	"region_code" varchar(12),
	"department_id" integer,
	"phone" varchar(30),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "legacy_user_id" integer;--> statement-breakpoint
INSERT INTO "people" ("name", "kind", "title", "level", "region_code", "phone", "active", "legacy_user_id")
  SELECT u."display_name", 'leader', u."title",
    CASE WHEN u."title" LIKE '%省%' THEN 'province' WHEN u."title" LIKE '%市%' THEN 'city' WHEN u."title" LIKE '%县%' OR u."title" LIKE '%区长%' THEN 'county' ELSE NULL END,
    u."region_code", u."phone", u."active", u."id"
  FROM "users" u
  WHERE u."role" = 'leader'
     OR EXISTS (SELECT 1 FROM "project_leaders" pl WHERE pl."user_id" = u."id")
     OR EXISTS (SELECT 1 FROM "departments" d WHERE d."leader_id" = u."id")
  ORDER BY u."id";--> statement-breakpoint
UPDATE "users" u SET "person_id" = p."id" FROM "people" p WHERE p."legacy_user_id" = u."id";--> statement-breakpoint
ALTER TABLE "departments" DROP CONSTRAINT "departments_leader_id_users_id_fk";--> statement-breakpoint
UPDATE "departments" d SET "leader_id" = p."id" FROM "people" p WHERE p."legacy_user_id" = d."leader_id";--> statement-breakpoint
ALTER TABLE "project_leaders" DROP CONSTRAINT "project_leaders_user_id_users_id_fk";--> statement-breakpoint
DROP INDEX "project_leaders_user_idx";--> statement-breakpoint
ALTER TABLE "project_leaders" DROP CONSTRAINT "project_leaders_project_id_user_id_pk";--> statement-breakpoint
ALTER TABLE "project_leaders" ADD COLUMN "person_id" integer;--> statement-breakpoint
UPDATE "project_leaders" pl SET "person_id" = p."id" FROM "people" p WHERE p."legacy_user_id" = pl."user_id";--> statement-breakpoint
ALTER TABLE "project_leaders" ALTER COLUMN "person_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "project_leaders" ADD CONSTRAINT "project_leaders_project_id_person_id_pk" PRIMARY KEY("project_id","person_id");--> statement-breakpoint
ALTER TABLE "project_leaders" DROP COLUMN "user_id";--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "legacy_user_id";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_jobs_user_idx" ON "import_jobs" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "people_kind_idx" ON "people" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "people_department_idx" ON "people" USING btree ("department_id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_leader_id_people_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_leaders" ADD CONSTRAINT "project_leaders_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_leaders_person_idx" ON "project_leaders" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_person_uq" ON "users" USING btree ("person_id");
