CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"full_name" text,
	"kind" text DEFAULT 'legal' NOT NULL,
	"status" text DEFAULT 'prospect' NOT NULL,
	"inn" text,
	"kpp" text,
	"ogrn" text,
	"bik" text,
	"account" text,
	"corr_account" text,
	"bank_name" text,
	"industry" text,
	"region" text,
	"city" text,
	"segment" text,
	"source" text,
	"owner_id" uuid NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone_search" text DEFAULT '' NOT NULL,
	"website" text,
	"address" text,
	"notes" text,
	"last_contact_at" timestamp with time zone,
	"merged_into_id" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, coalesce(name, '') || ' ' || coalesce(full_name, '') || ' ' || coalesce(city, '') || ' ' || coalesce(industry, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"company_id" uuid,
	"owner_id" uuid NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text,
	"middle_name" text,
	"position" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone_search" text DEFAULT '' NOT NULL,
	"notes" text,
	"consent_marketing" text DEFAULT 'unknown' NOT NULL,
	"consent_at" timestamp with time zone,
	"consent_source" text,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('russian'::regconfig, coalesce(last_name, '') || ' ' || coalesce(first_name, '') || ' ' || coalesce(middle_name, '') || ' ' || coalesce(position, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"columns" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"path" text NOT NULL,
	"message" text NOT NULL,
	"outcome" text DEFAULT 'reject' NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"mapping" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "companies_name_idx" ON "companies" USING btree ("workspace_id","name" collate ru_icu,"id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_owner_name_idx" ON "companies" USING btree ("workspace_id","owner_id","name" collate ru_icu,"id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_created_idx" ON "companies" USING btree ("workspace_id","created_at","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_updated_idx" ON "companies" USING btree ("workspace_id","updated_at","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_owner_contact_idx" ON "companies" USING btree ("workspace_id","owner_id","last_contact_at","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_contact_idx" ON "companies" USING btree ("workspace_id","last_contact_at","id") WHERE "companies"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "companies_inn_idx" ON "companies" USING btree ("workspace_id","inn");--> statement-breakpoint
CREATE INDEX "companies_ogrn_idx" ON "companies" USING btree ("workspace_id","ogrn");--> statement-breakpoint
CREATE INDEX "companies_deleted_idx" ON "companies" USING btree ("workspace_id","deleted_at") WHERE "companies"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "companies_tags_idx" ON "companies" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "companies_emails_idx" ON "companies" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "companies_name_trgm_idx" ON "companies" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_inn_trgm_idx" ON "companies" USING gin ("inn" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_phone_trgm_idx" ON "companies" USING gin ("phone_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_search_idx" ON "companies" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "contacts_company_idx" ON "contacts" USING btree ("workspace_id","company_id","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_owner_name_idx" ON "contacts" USING btree ("workspace_id","owner_id","last_name" collate ru_icu,"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_name_idx" ON "contacts" USING btree ("workspace_id","last_name" collate ru_icu,"id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_emails_idx" ON "contacts" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "contacts_phone_trgm_idx" ON "contacts" USING gin ("phone_search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin (lower("last_name" || ' ' || coalesce("first_name", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "saved_views_user_idx" ON "saved_views" USING btree ("workspace_id","user_id","entity");--> statement-breakpoint
CREATE INDEX "import_errors_import_idx" ON "import_errors" USING btree ("import_id","row");--> statement-breakpoint
CREATE INDEX "imports_user_idx" ON "imports" USING btree ("workspace_id","user_id","id");