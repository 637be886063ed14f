ALTER TABLE "monthly_rollups" ADD COLUMN "pending" numeric(16, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "start_delay_reason" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "start_delay_reason_by" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "start_delay_reason_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_start_delay_reason_by_users_id_fk" FOREIGN KEY ("start_delay_reason_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "monthly_rollups" AS m SET "completed" = m."completed" - s.amount, "pending" = s.amount
FROM (
  SELECT r."year", r."month", p."region_code", coalesce(ap."category", p."category") AS category, sum(r."investment") AS amount
  FROM "monthly_reports" r JOIN "projects" p ON p."id" = r."project_id"
  LEFT JOIN "annual_plans" ap ON ap."project_id" = r."project_id" AND ap."year" = r."year"
  WHERE r."status" = 'submitted' AND p."deleted_at" IS NULL
  GROUP BY 1, 2, 3, 4
) AS s
WHERE m."year" = s."year" AND m."month" = s."month" AND m."region_code" = s."region_code" AND m."category" = s.category;--> statement-breakpoint
UPDATE "projects" SET "category" = ap."category"
FROM "annual_plans" ap
WHERE ap."project_id" = "projects"."id" AND ap."year" = "projects"."plan_year" AND "projects"."category" <> ap."category";
