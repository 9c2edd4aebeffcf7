ALTER TABLE "discount_rule_sets" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "terms_templates" ADD COLUMN "stages" text;--> statement-breakpoint
ALTER TABLE "terms_templates" ADD COLUMN "loading_notes" text;--> statement-breakpoint
ALTER TABLE "terms_templates" ADD COLUMN "issue_notes" text;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_default_uq" ON "organisations" USING btree ("workspace_id") WHERE "organisations"."is_default" and "organisations"."deleted_at" is null;