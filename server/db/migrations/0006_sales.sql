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
CREATE TABLE "client_terms" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"price_list_id" uuid,
	"payment_terms_id" uuid,
	"delivery_terms_id" uuid,
	"payment_text" text,
	"delivery_text" text,
	"credit_limit" numeric(18, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_rule_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"combine" text DEFAULT 'best' NOT NULL,
	"max_percent" numeric(5, 2),
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discount_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"percent" numeric(5, 2) NOT NULL,
	"min_quantity" numeric(18, 3),
	"min_amount" numeric(18, 2),
	"company_id" uuid,
	"segment" text,
	"product_group_id" uuid,
	"product_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"full_name" text,
	"inn" text NOT NULL,
	"kpp" text,
	"ogrn" text,
	"address" text,
	"phone" text,
	"email" text,
	"bank_name" text,
	"bik" text,
	"account" text,
	"corr_account" text,
	"director" text,
	"director_title" text,
	"accountant" text,
	"logo" text,
	"vat_payer" boolean DEFAULT true NOT NULL,
	"tax_system" text DEFAULT 'osn' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "price_list_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"price_list_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"price" numeric(18, 2) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"vat_included" boolean DEFAULT true NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"unit_code" text DEFAULT '796' NOT NULL,
	"vat_rate" text DEFAULT '22' NOT NULL,
	"group_id" uuid,
	"base_price" numeric(18, 2) DEFAULT '0' NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "segment_price_lists" (
	"workspace_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"price_list_id" uuid NOT NULL,
	CONSTRAINT "segment_price_lists_workspace_id_segment_pk" PRIMARY KEY("workspace_id","segment")
);
--> statement-breakpoint
CREATE TABLE "terms_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"prepayment_percent" integer,
	"defer_days" integer,
	"defer_day_kind" text,
	"delivery_method" text,
	"text" text,
	"active" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "user_limits" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"max_discount_percent" numeric(5, 2),
	"max_proposal_amount" numeric(18, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"approver_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reasons" jsonb,
	"comment" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_sequences" (
	"workspace_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_sequences_workspace_id_organisation_id_kind_year_pk" PRIMARY KEY("workspace_id","organisation_id","kind","year")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"number" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"proposal_id" uuid,
	"company_id" uuid NOT NULL,
	"deal_id" uuid,
	"owner_id" uuid NOT NULL,
	"issue_date" date NOT NULL,
	"due_date" date NOT NULL,
	"basis" text,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"vat" numeric(18, 2) NOT NULL,
	"gross" numeric(18, 2) NOT NULL,
	"paid" numeric(18, 2) DEFAULT '0' NOT NULL,
	"paid_at" date,
	"status" text DEFAULT 'issued' NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "proposal_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid,
	"sku" text,
	"name" text NOT NULL,
	"unit_code" text NOT NULL,
	"quantity" numeric(18, 3) NOT NULL,
	"list_price" numeric(18, 2) NOT NULL,
	"rule_discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"manual_discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"discount_sources" jsonb,
	"price" numeric(18, 2) NOT NULL,
	"vat_rate" text NOT NULL,
	"net" numeric(18, 2) NOT NULL,
	"vat" numeric(18, 2) NOT NULL,
	"gross" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"group_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"number" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"contact_id" uuid,
	"deal_id" uuid,
	"owner_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"price_list_id" uuid,
	"vat_included" boolean DEFAULT true NOT NULL,
	"currency" text DEFAULT 'RUB' NOT NULL,
	"net" numeric(18, 2) DEFAULT '0' NOT NULL,
	"vat" numeric(18, 2) DEFAULT '0' NOT NULL,
	"gross" numeric(18, 2) DEFAULT '0' NOT NULL,
	"max_discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"issue_date" date NOT NULL,
	"valid_until" date,
	"payment_terms" text,
	"delivery_terms" text,
	"signatory" text,
	"not_offer" boolean DEFAULT true NOT NULL,
	"notes" text,
	"sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "activities_company_timeline_idx" ON "activities" USING btree ("workspace_id","company_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_contact_timeline_idx" ON "activities" USING btree ("workspace_id","contact_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_deal_timeline_idx" ON "activities" USING btree ("workspace_id","deal_id","occurred_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_owner_due_idx" ON "activities" USING btree ("workspace_id","owner_id","due_at","id") WHERE "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "activities_remind_idx" ON "activities" USING btree ("remind_at") WHERE "activities"."remind_at" is not null and "activities"."done_at" is null and "activities"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "discount_rules_ws_idx" ON "discount_rules" USING btree ("workspace_id","rule_set_id");--> statement-breakpoint
CREATE INDEX "organisations_ws_idx" ON "organisations" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "price_list_items_uq" ON "price_list_items" USING btree ("price_list_id","product_id");--> statement-breakpoint
CREATE INDEX "price_list_items_product_idx" ON "price_list_items" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "price_lists_ws_idx" ON "price_lists" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "product_groups_ws_idx" ON "product_groups" USING btree ("workspace_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_idx" ON "products" USING btree ("workspace_id","sku") WHERE "products"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("workspace_id","name" collate ru_icu,"id") WHERE "products"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "products_group_idx" ON "products" USING btree ("workspace_id","group_id") WHERE "products"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "products_name_trgm_idx" ON "products" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "terms_templates_ws_idx" ON "terms_templates" USING btree ("workspace_id","kind");--> statement-breakpoint
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
CREATE INDEX "pipelines_ws_idx" ON "pipelines" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "approvals_approver_idx" ON "approvals" USING btree ("workspace_id","approver_id","status","created_at");--> statement-breakpoint
CREATE INDEX "approvals_entity_idx" ON "approvals" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "invoices_company_idx" ON "invoices" USING btree ("workspace_id","company_id","due_date");--> statement-breakpoint
CREATE INDEX "invoices_owner_idx" ON "invoices" USING btree ("workspace_id","owner_id","created_at","id");--> statement-breakpoint
CREATE INDEX "payments_invoice_idx" ON "payments" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_company_idx" ON "payments" USING btree ("workspace_id","company_id","paid_on");--> statement-breakpoint
CREATE INDEX "proposal_lines_proposal_idx" ON "proposal_lines" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_revision_uq" ON "proposals" USING btree ("group_id","revision");--> statement-breakpoint
CREATE INDEX "proposals_owner_idx" ON "proposals" USING btree ("workspace_id","owner_id","created_at","id") WHERE "proposals"."is_current" and "proposals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "proposals_company_idx" ON "proposals" USING btree ("workspace_id","company_id","created_at") WHERE "proposals"."is_current";--> statement-breakpoint
CREATE INDEX "proposals_deal_idx" ON "proposals" USING btree ("workspace_id","deal_id") WHERE "proposals"."is_current";--> statement-breakpoint
CREATE INDEX "proposals_status_valid_idx" ON "proposals" USING btree ("status","valid_until") WHERE "proposals"."is_current";--> statement-breakpoint
CREATE INDEX "proposals_number_idx" ON "proposals" USING btree ("workspace_id","number");