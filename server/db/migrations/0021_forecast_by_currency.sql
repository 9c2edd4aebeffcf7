DROP INDEX "deals_forecast_idx";--> statement-breakpoint
DROP INDEX "deals_closed_idx";--> statement-breakpoint
DROP INDEX "deals_funnel_idx";--> statement-breakpoint
CREATE INDEX "deals_forecast_idx" ON "deals" USING btree ("workspace_id","status","expected_close_date","owner_id","pipeline_id","amount","probability","currency") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at","owner_id","pipeline_id","amount","created_at","currency") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_funnel_idx" ON "deals" USING btree ("workspace_id","pipeline_id","created_at","owner_id","top_stage","currency") WHERE "deals"."deleted_at" is null;