import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

/** A stage of a pipeline; `kind` tells open stages from the two closing ones. */
export type PipelineStage = { key: string; name: string; probability: number; kind: "open" | "won" | "lost" };

/** A sales pipeline: an ordered list of stages kept with it (a handful, always read together). */
export const pipelines = pgTable(
  "pipelines",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    stages: jsonb("stages").$type<PipelineStage[]>().notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    index("pipelines_ws_idx").on(t.workspaceId),
    // One default pipeline per workspace: a concurrent "create the default" inserts it once.
    uniqueIndex("pipelines_default_uq")
      .on(t.workspaceId)
      .where(sql`${t.isDefault} and ${t.deletedAt} is null`),
  ],
);

/** Reasons a deal is lost, configurable by an admin. */
export const lostReasons = pgTable(
  "lost_reasons",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("lost_reasons_ws_idx").on(t.workspaceId, t.position)],
);

/** A competitor who won a deal (or who is known in the market). */
export const competitors = pgTable(
  "competitors",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    inn: text("inn"),
    notes: text("notes"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("competitors_ws_name_idx").on(t.workspaceId, sql`${t.name} collate ru_icu`, t.id)],
);

/**
 * A sales opportunity. `status` mirrors the kind of the current stage so that open, won and lost
 * deals are found by index without reading the pipeline; `amount` is exact (numeric(18,2)).
 */
export const deals = pgTable(
  "deals",
  {
    ...businessColumns(),
    pipelineId: uuid("pipeline_id").notNull(),
    stage: text("stage").notNull(),
    status: text("status", { enum: ["open", "won", "lost"] })
      .notNull()
      .default("open"),
    title: text("title").notNull(),
    companyId: uuid("company_id").notNull(),
    contactId: uuid("contact_id"),
    amount: numeric("amount", { precision: 18, scale: 2 }),
    currency: text("currency").notNull().default("RUB"),
    probability: integer("probability").notNull().default(0),
    expectedCloseDate: date("expected_close_date"),
    source: text("source"),
    needs: text("needs"),
    nextStep: text("next_step"),
    nextStepDate: date("next_step_date"),
    lostReasonId: uuid("lost_reason_id"),
    lostNote: text("lost_note"),
    competitorId: uuid("competitor_id"),
    ownerId: uuid("owner_id").notNull(),
    stageChangedAt: ts("stage_changed_at").notNull().default(sql`now()`),
    /**
     * The furthest stage of the funnel (open and won stages, in the pipeline's order) the deal has
     * reached: kept by every stage change and recomputed when stages are reordered, so stage
     * conversion reads one index instead of every deal's history.
     */
    topStage: text("top_stage"),
    closedAt: ts("closed_at"),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by"),
  },
  (t) => [
    // The board: one pipeline, optionally one owner, column by column.
    index("deals_board_idx")
      .on(t.workspaceId, t.pipelineId, t.ownerId, t.stage, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The board's totals per stage for one owner, read from the index alone (count, sum, weighted).
    index("deals_board_totals_idx")
      .on(t.workspaceId, t.pipelineId, t.ownerId, t.stage, t.amount, t.probability)
      .where(sql`${t.deletedAt} is null`),
    index("deals_pipeline_stage_idx")
      .on(t.workspaceId, t.pipelineId, t.stage, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("deals_company_idx").on(t.workspaceId, t.companyId, t.createdAt).where(sql`${t.deletedAt} is null`),
    // The forecast: open deals by expected month and owner; closed ones by closing date; the
    // funnel by creation date. Each carries what its sums need, so they are index-only scans.
    index("deals_forecast_idx")
      .on(
        t.workspaceId,
        t.status,
        t.expectedCloseDate,
        t.ownerId,
        t.pipelineId,
        t.amount,
        t.probability,
        t.currency,
      )
      .where(sql`${t.deletedAt} is null`),
    index("deals_closed_idx")
      .on(t.workspaceId, t.status, t.closedAt, t.ownerId, t.pipelineId, t.amount, t.createdAt, t.currency)
      .where(sql`${t.deletedAt} is null`),
    index("deals_funnel_idx")
      .on(t.workspaceId, t.pipelineId, t.createdAt, t.ownerId, t.topStage, t.currency)
      .where(sql`${t.deletedAt} is null`),
    index("deals_owner_created_idx")
      .on(t.workspaceId, t.ownerId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The admin's list, newest first.
    index("deals_ws_created_idx").on(t.workspaceId, t.createdAt, t.id).where(sql`${t.deletedAt} is null`),
    index("deals_title_trgm_idx").using("gin", sql`lower(${t.title}) gin_trgm_ops`),
  ],
);

/** Structured needs of a deal (clause 2.1): what the client needs, at which level, in which direction. */
export const dealNeeds = pgTable(
  "deal_needs",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    need: text("need").notNull(),
    level: text("level"),
    direction: text("direction"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("deal_needs_deal_idx").on(t.dealId, t.position)],
);

/** Every stage move of a deal: stage conversion and cycle length are computed from these. */
export const dealStageChanges = pgTable(
  "deal_stage_changes",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    pipelineId: uuid("pipeline_id").notNull(),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    at: ts("at").notNull().default(sql`now()`),
    userId: uuid("user_id"),
  },
  (t) => [
    index("deal_stage_changes_deal_idx").on(t.dealId, t.at),
    index("deal_stage_changes_pipeline_idx").on(t.workspaceId, t.pipelineId, t.at),
  ],
);

/** The negotiation log of a deal: dated entries (what was discussed, agreed), newest first on the card. */
export const dealLog = pgTable(
  "deal_log",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    on: date("on").notNull(),
    text: text("text").notNull(),
    userId: uuid("user_id"),
    createdAt: ts("created_at").notNull().default(sql`now()`),
  },
  (t) => [index("deal_log_deal_idx").on(t.dealId, t.on, t.id)],
);
