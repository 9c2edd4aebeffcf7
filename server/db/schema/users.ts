import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

export const users = pgTable(
  "users",
  {
    ...businessColumns(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    fullName: text("full_name").notNull(),
    role: text("role", { enum: ["admin", "head", "manager", "department"] }).notNull(),
    headId: uuid("head_id"),
    department: text("department"),
    locale: text("locale", { enum: ["ru", "en"] })
      .notNull()
      .default("ru"),
    theme: text("theme", { enum: ["light", "dark", "auto"] })
      .notNull()
      .default("auto"),
    timeZone: text("time_zone").notNull().default("Europe/Moscow"),
    active: boolean("active").notNull().default(true),
    passwordChangedAt: ts("password_changed_at"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("users_workspace_email_uq").on(t.workspaceId, t.email),
    index("users_head_idx").on(t.workspaceId, t.headId),
    index("users_name_idx").on(t.workspaceId, sql`${t.fullName} collate ru_icu`, t.id),
  ],
);
