DROP INDEX "deals_forecast_idx";--> statement-breakpoint
DROP INDEX "deals_closed_idx";--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "top_stage" text;--> statement-breakpoint
-- Existing deals: the furthest open or won stage of their history, in their pipeline's order.
UPDATE "deals" d SET "top_stage" = (
  SELECT c."to_stage" FROM "deal_stage_changes" c
  JOIN "pipelines" p ON p."id" = d."pipeline_id"
  CROSS JOIN LATERAL jsonb_array_elements(p."stages") WITH ORDINALITY AS e(s, pos)
  WHERE c."deal_id" = d."id" AND e.s->>'key' = c."to_stage" AND e.s->>'kind' <> 'lost'
  ORDER BY e.pos DESC LIMIT 1
);--> statement-breakpoint
CREATE INDEX "deals_funnel_idx" ON "deals" USING btree ("workspace_id","pipeline_id","created_at","owner_id","top_stage") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_forecast_idx" ON "deals" USING btree ("workspace_id","status","expected_close_date","owner_id","pipeline_id","amount","probability") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at","owner_id","pipeline_id","amount","created_at") WHERE "deals"."deleted_at" is null;