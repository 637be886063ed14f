ALTER TABLE "project_approvals" ALTER COLUMN "status" SET DEFAULT 'not_started';--> statement-breakpoint
ALTER TABLE "approval_templates" ADD COLUMN "investment_type" varchar(12);--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "promised_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "project_approvals" ADD COLUMN "step_limits" jsonb DEFAULT '{}'::jsonb NOT NULL;