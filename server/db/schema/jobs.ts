import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * The durable job queue: rows are inserted in the same transaction as the data that caused
 * them, claimed with FOR UPDATE SKIP LOCKED, so many app processes share one queue safely.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    dedupeKey: text("dedupe_key"),
    runAt: ts("run_at").notNull().default(sql`now()`),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(5),
    lockedBy: text("locked_by"),
    lockedUntil: ts("locked_until"),
    doneAt: ts("done_at"),
    failedAt: ts("failed_at"),
    lastError: text("last_error"),
    progress: jsonb("progress").$type<Record<string, unknown>>(),
    createdAt: ts("created_at").notNull().default(sql`now()`),
  },
  (t) => [
    index("jobs_due_idx").on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
    uniqueIndex("jobs_dedupe_uq")
      .on(t.kind, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.doneAt} is null`),
  ],
);

/** Outbox of domain events, written in the transaction of the change, read by webhooks and jobs. */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    at: ts("at").notNull().default(sql`now()`),
    type: text("type").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("domain_events_ws_id_idx").on(t.workspaceId, t.id)],
);

/** Workspace settings an admin may change at run time (they override the environment). */
export const settings = pgTable(
  "settings",
  {
    workspaceId: uuid("workspace_id").notNull(),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
    updatedBy: uuid("updated_by"),
  },
  (t) => [uniqueIndex("settings_ws_key_uq").on(t.workspaceId, t.key)],
);
