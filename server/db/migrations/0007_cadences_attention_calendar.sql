CREATE TABLE "attention_alerts" (
	"workspace_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"overdue_since" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"alerted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attention_alerts_workspace_id_company_id_overdue_since_pk" PRIMARY KEY("workspace_id","company_id","overdue_since")
);
--> statement-breakpoint
CREATE TABLE "cadence_enrolments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"cadence_id" uuid NOT NULL,
	"company_id" uuid,
	"contact_id" uuid,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"stop_reason" text,
	"started_on" date NOT NULL,
	"anchor_on" date NOT NULL,
	"next_position" integer,
	"next_due_on" date,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cadence_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"cadence_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"type" text NOT NULL,
	"delay_working_days" integer DEFAULT 0 NOT NULL,
	"subject" text NOT NULL,
	"script" text
);
--> statement-breakpoint
CREATE TABLE "cadences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"owner_id" uuid NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "company_contact_targets" (
	"workspace_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "company_contact_targets_workspace_id_company_id_pk" PRIMARY KEY("workspace_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "contact_target_defaults" (
	"workspace_id" uuid NOT NULL,
	"dimension" text NOT NULL,
	"value" text NOT NULL,
	"days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "contact_target_defaults_workspace_id_dimension_value_pk" PRIMARY KEY("workspace_id","dimension","value")
);
--> statement-breakpoint
CREATE TABLE "production_calendar_days" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "production_calendar_days_workspace_id_day_pk" PRIMARY KEY("workspace_id","day")
);
--> statement-breakpoint
CREATE TABLE "production_calendar_years" (
	"workspace_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "production_calendar_years_workspace_id_year_pk" PRIMARY KEY("workspace_id","year")
);
--> statement-breakpoint
CREATE INDEX "cadence_enrolments_cadence_idx" ON "cadence_enrolments" USING btree ("workspace_id","cadence_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cadence_enrolments_company_idx" ON "cadence_enrolments" USING btree ("workspace_id","company_id","created_at","id");--> statement-breakpoint
CREATE INDEX "cadence_enrolments_contact_idx" ON "cadence_enrolments" USING btree ("workspace_id","contact_id") WHERE "cadence_enrolments"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "cadence_enrolments_active_company_uq" ON "cadence_enrolments" USING btree ("cadence_id","company_id") WHERE "cadence_enrolments"."status" = 'active' and "cadence_enrolments"."contact_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cadence_enrolments_active_contact_uq" ON "cadence_enrolments" USING btree ("cadence_id","contact_id") WHERE "cadence_enrolments"."status" = 'active' and "cadence_enrolments"."contact_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cadence_steps_position_uq" ON "cadence_steps" USING btree ("cadence_id","position");--> statement-breakpoint
CREATE INDEX "cadences_ws_name_idx" ON "cadences" USING btree ("workspace_id","name" collate ru_icu,"id") WHERE "cadences"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_cadence_step_uq" ON "activities" USING btree ("enrolment_id","cadence_step") WHERE "activities"."enrolment_id" is not null;