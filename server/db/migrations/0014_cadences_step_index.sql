DROP INDEX "cadence_enrolments_company_idx";--> statement-breakpoint
CREATE INDEX "cadence_enrolments_company_idx" ON "cadence_enrolments" USING btree ("workspace_id","company_id","created_at","id");