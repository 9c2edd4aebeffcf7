CREATE TABLE "company_reliability" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid NOT NULL,
	"score" numeric(5, 1),
	"grade" text,
	"credit_limit" numeric(18, 2),
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"override_grade" text,
	"override_reason" text,
	"override_by" uuid,
	"override_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "financial_statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid NOT NULL,
	"reference" text,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"paid_on" date,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registry_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid NOT NULL,
	"inn" text,
	"kpp" text,
	"found" boolean,
	"status" text,
	"registered_at" date,
	"liquidated_at" date,
	"ogrn" text,
	"name" text,
	"entity_type" text,
	"management" jsonb,
	"founders" jsonb,
	"okved" text,
	"okved_name" text,
	"size_category" text,
	"employee_count" integer,
	"tax_system" text,
	"mass_address" boolean,
	"mass_director" boolean,
	"branch_count" integer,
	"address" text,
	"raw" jsonb,
	"checked_at" timestamp with time zone,
	"succeeded_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "company_reliability_company_uq" ON "company_reliability" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "financial_statements_company_year_uq" ON "financial_statements" USING btree ("workspace_id","company_id","year");--> statement-breakpoint
CREATE INDEX "payment_history_company_idx" ON "payment_history" USING btree ("workspace_id","company_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_records_company_uq" ON "registry_records" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "registry_records_checked_idx" ON "registry_records" USING btree ("workspace_id","checked_at");