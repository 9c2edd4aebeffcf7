import { sql } from "drizzle-orm";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

/** Server-side sessions; the cookie holds a random secret whose SHA-256 is the key here. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: ts("created_at").notNull().default(sql`now()`),
    lastSeenAt: ts("last_seen_at").notNull().default(sql`now()`),
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Integration tokens: shown once, stored as a SHA-256 hash, limited by scope. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    scope: text("scope", { enum: ["read", "write"] }).notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: ts("created_at").notNull().default(sql`now()`),
    expiresAt: ts("expires_at"),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/** Failed sign-ins, counted per account and per IP for the login rate limit (shared by all app processes). */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: uuid("id").primaryKey(),
    key: text("key").notNull(),
    at: ts("at").notNull().default(sql`now()`),
  },
  (t) => [index("login_failures_key_at_idx").on(t.key, t.at)],
);
