import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/**
 * In-app notifications (the bell): one row per recipient. `dedupe_key` makes a repeated notify
 * (a job that ran twice, two processes, a sweep that sees the same overdue task again) a no-op.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    link: text("link"),
    dedupeKey: text("dedupe_key"),
    createdAt: ts("created_at").notNull().default(sql`now()`),
    readAt: ts("read_at"),
  },
  (t) => [
    // The bell's list, newest first, by keyset on (created_at, id).
    index("notifications_user_idx").on(t.workspaceId, t.userId, t.createdAt, t.id),
    index("notifications_unread_idx").on(t.workspaceId, t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex("notifications_dedupe_uq")
      .on(t.workspaceId, t.userId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
