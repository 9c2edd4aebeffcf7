import { sql } from "drizzle-orm";
import { customType, integer, uuid } from "drizzle-orm/pg-core";

const pgTimestamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d)(?::?(\d\d))?$/;

/**
 * PostgreSQL's text form ("2026-11-27 08:20:34.578123+00") as ISO 8601
 * ("2026-11-27T08:20:34.578123+00:00"), keeping the microseconds: a Date would round them to
 * milliseconds, and keyset cursors built from such values would repeat or skip rows.
 */
export function isoTimestamp(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const m = pgTimestamp.exec(value);
  return m ? `${m[1]}T${m[2]}${m[3]}:${m[4] ?? "00"}` : value;
}

/** Timestamps are stored with time zone and handed to code as ISO 8601 strings. */
export const ts = customType<{ data: string; driverData: string | Date }>({
  dataType: () => "timestamp with time zone",
  fromDriver: isoTimestamp,
  toDriver: (value) => value,
});

/**
 * Columns every business row carries (ARCHITECTURE.md convention 2): the workspace (the
 * distribution key of a sharded deployment), audit stamps and the optimistic-lock version.
 */
export const businessColumns = () => ({
  id: uuid("id").primaryKey(),
  workspaceId: uuid("workspace_id").notNull(),
  createdAt: ts("created_at").notNull().default(sql`now()`),
  updatedAt: ts("updated_at").notNull().default(sql`now()`),
  createdBy: uuid("created_by"),
  version: integer("version").notNull().default(1),
});
