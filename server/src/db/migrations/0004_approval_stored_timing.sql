ALTER TABLE "project_approvals" ADD COLUMN "signal_fixed" varchar(8);--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "prompt_on" date;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "yellow_on" date;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "red_on" date;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "accepted_on" date;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "completed_on" date;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "used_days" integer;--> statement-breakpoint
CREATE INDEX "project_approvals_unscheduled_idx" ON "project_approvals" USING btree ("id") WHERE "project_approvals"."signal_fixed" is null;--> statement-breakpoint
CREATE INDEX "project_approvals_accepted_idx" ON "project_approvals" USING btree ("accepted_on");--> statement-breakpoint
CREATE INDEX "project_approvals_completed_idx" ON "project_approvals" USING btree ("completed_on");--> statement-breakpoint
CREATE INDEX "project_approvals_red_idx" ON "project_approvals" USING btree ("red_on");--> statement-breakpoint
CREATE INDEX "project_approvals_rated_idx" ON "project_approvals" USING btree ("rated_at");