import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/** Append-only record of every change: who, when, what, and the changed fields. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    at: ts("at").notNull().default(sql`now()`),
    userId: uuid("user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }> | null>(),
  },
  (t) => [
    index("audit_entity_idx").on(t.workspaceId, t.entity, t.entityId, t.id),
    index("audit_ws_id_idx").on(t.workspaceId, t.id),
    index("audit_user_idx").on(t.workspaceId, t.userId, t.id),
  ],
);
