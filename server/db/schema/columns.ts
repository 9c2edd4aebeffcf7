import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Timestamps are stored with time zone and handed to code as ISO strings. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Columns every business row carries (ARCHITECTURE.md convention 2): the workspace (the
 * distribution key of a sharded deployment), audit stamps and the optimistic-lock version.
 */
export const businessColumns = () => ({
  id: uuid("id").primaryKey(),
  workspaceId: uuid("workspace_id").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  createdBy: uuid("created_by"),
  version: integer("version").notNull().default(1),
});
