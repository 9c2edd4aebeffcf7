import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

export const activityTypes = ["call", "meeting", "email", "note", "task"] as const;

/**
 * Calls, meetings, emails, notes and tasks on a company, contact or deal. `owner_id` is the person
 * who does (or did) it. `occurred_at` is the moment the timeline sorts by — when it was done, else
 * when it is due, else when it was written — kept by the service so every timeline is one index
 * range read.
 */
export const activities = pgTable(
  "activities",
  {
    ...businessColumns(),
    type: text("type", { enum: activityTypes }).notNull(),
    subject: text("subject").notNull(),
    body: text("body"),
    companyId: uuid("company_id"),
    contactId: uuid("contact_id"),
    dealId: uuid("deal_id"),
    ownerId: uuid("owner_id").notNull(),
    direction: text("direction", { enum: ["in", "out"] }),
    dueAt: ts("due_at"),
    endAt: ts("end_at"),
    remindAt: ts("remind_at"),
    doneAt: ts("done_at"),
    occurredAt: ts("occurred_at").notNull().default(sql`now()`),
    outcome: text("outcome"),
    agreements: text("agreements"),
    nextStep: text("next_step"),
    enrolmentId: uuid("enrolment_id"),
    cadenceStep: integer("cadence_step"),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by"),
  },
  (t) => [
    index("activities_company_timeline_idx")
      .on(t.workspaceId, t.companyId, t.occurredAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("activities_contact_timeline_idx")
      .on(t.workspaceId, t.contactId, t.occurredAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("activities_deal_timeline_idx")
      .on(t.workspaceId, t.dealId, t.occurredAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // My day, overdue items and the calendar: what an owner has open, by due time.
    index("activities_owner_due_idx")
      .on(t.workspaceId, t.ownerId, t.dueAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    // The overdue sweep: open items by due time, across owners.
    index("activities_open_due_idx")
      .on(t.dueAt)
      .where(sql`${t.dueAt} is not null and ${t.doneAt} is null and ${t.deletedAt} is null`),
    index("activities_remind_idx")
      .on(t.remindAt)
      .where(sql`${t.remindAt} is not null and ${t.doneAt} is null and ${t.deletedAt} is null`),
    // A contact scheme issues each step's task once per enrolment, however often its job runs.
    uniqueIndex("activities_cadence_step_uq")
      .on(t.enrolmentId, t.cadenceStep)
      .where(sql`${t.enrolmentId} is not null`),
  ],
);

/**
 * A person's private iCalendar feed: the secret travels in the URL (calendar apps cannot sign
 * in), so only its SHA-256 is stored; rotating replaces it and the old URL stops working.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    userId: uuid("user_id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    /**
     * The secret itself, so the owner can see the address again (API: GET /calendar/feed → url),
     * as calendar services show theirs; lookups go by the hash. Rotating replaces both.
     */
    token: text("token"),
    createdAt: ts("created_at").notNull().default(sql`now()`),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [uniqueIndex("calendar_feeds_token_uq").on(t.tokenHash)],
);
