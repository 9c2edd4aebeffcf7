CREATE TABLE "deal_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"on" date NOT NULL,
	"text" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "deal_log_deal_idx" ON "deal_log" USING btree ("deal_id","on","id");--> statement-breakpoint
CREATE INDEX "deals_ws_created_idx" ON "deals" USING btree ("workspace_id","created_at","id") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "pipelines_default_uq" ON "pipelines" USING btree ("workspace_id") WHERE "pipelines"."is_default" and "pipelines"."deleted_at" is null;