import { sql } from "drizzle-orm";
import { boolean, date, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

/**
 * Requests of data subjects under 152-ФЗ (ст. 14, 20, 21): each is logged with its legal
 * deadline, so an unanswered one is visible before it is late.
 */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    ...businessColumns(),
    contactId: uuid("contact_id").notNull(),
    kind: text("kind", { enum: ["access", "erasure", "withdrawal"] }).notNull(),
    receivedAt: ts("received_at").notNull().default(sql`now()`),
    /** A calendar date: the law counts days, not hours. */
    deadline: date("deadline").notNull(),
    status: text("status", { enum: ["open", "done"] })
      .notNull()
      .default("open"),
    doneAt: ts("done_at"),
    doneBy: uuid("done_by"),
    note: text("note"),
  },
  (t) => [
    index("privacy_requests_queue_idx").on(t.workspaceId, t.status, t.deadline, t.id),
    index("privacy_requests_contact_idx").on(t.workspaceId, t.contactId, t.status),
  ],
);

/**
 * Consent facts, append-only: giving and withdrawing are separate dated events with the text
 * version the person agreed to and where it came from (a consent is its own document since
 * 1 Sep 2025, 156-ФЗ). The IP is dropped on erasure; the fact of consent is kept as evidence.
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    kind: text("kind", { enum: ["marketing", "processing"] }).notNull(),
    granted: boolean("granted").notNull(),
    basis: text("basis", { enum: ["consent", "contract"] }).notNull(),
    textVersion: text("text_version"),
    channel: text("channel").notNull(),
    ip: text("ip"),
    at: ts("at").notNull().default(sql`now()`),
    createdBy: uuid("created_by"),
  },
  (t) => [index("consent_events_contact_idx").on(t.workspaceId, t.contactId, t.at, t.id)],
);
