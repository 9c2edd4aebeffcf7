CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"body" text,
	"company_id" uuid,
	"contact_id" uuid,
	"deal_id" uuid,
	"owner_id" uuid NOT NULL,
	"direction" text,
	"due_at" timestamp with time zone,
	"end_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"agreements" text,
	"next_step" text,
	"enrolment_id" uuid,
	"cadence_step" integer,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "competitors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"inn" text,
	"notes" text,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deal_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"need" text NOT NULL,
	"level" text,
	"direction" text,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_stage_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"title" text NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"amount" numeric(18, 2),
	"currency" text DEFAULT 'RUB' NOT NULL,
	"probability" integer DEFAULT 0 NOT NULL,
	"expected_close_date" date,
	"source" text,
	"needs" text,
	"next_step" text,
	"next_step_date" date,
	"lost_reason_id" uuid,
	"lost_note" text,
	"competitor_id" uuid,
	"owner_id" uuid NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "lost_reasons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipelines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"stages" jsonb NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "activities_company_timeline_idx" ON "activities" USING btree ("workspace_id","company_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_contact_timeline_idx" ON "activities" USING btree ("workspace_id","contact_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_deal_timeline_idx" ON "activities" USING btree ("workspace_id","deal_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_owner_due_idx" ON "activities" USING btree ("workspace_id","owner_id","due_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_remind_idx" ON "activities" USING btree ("remind_at") WHERE "activities"."remind_at" is not null and "activities"."done_at" is null and "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "competitors_ws_name_idx" ON "competitors" USING btree ("workspace_id","name" collate ru_icu,"id");--> statement-breakpoint
CREATE INDEX "deal_needs_deal_idx" ON "deal_needs" USING btree ("deal_id","position");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_deal_idx" ON "deal_stage_changes" USING btree ("deal_id","at");--> statement-breakpoint
CREATE INDEX "deal_stage_changes_pipeline_idx" ON "deal_stage_changes" USING btree ("workspace_id","pipeline_id","at");--> statement-breakpoint
CREATE INDEX "deals_board_idx" ON "deals" USING btree ("workspace_id","pipeline_id","owner_id","stage","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_pipeline_stage_idx" ON "deals" USING btree ("workspace_id","pipeline_id","stage","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_company_idx" ON "deals" USING btree ("workspace_id","company_id","created_at") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_forecast_idx" ON "deals" USING btree ("workspace_id","status","expected_close_date","owner_id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_owner_created_idx" ON "deals" USING btree ("workspace_id","owner_id","created_at","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_title_trgm_idx" ON "deals" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "lost_reasons_ws_idx" ON "lost_reasons" USING btree ("workspace_id","position");--> statement-breakpoint
CREATE INDEX "pipelines_ws_idx" ON "pipelines" USING btree ("workspace_id");