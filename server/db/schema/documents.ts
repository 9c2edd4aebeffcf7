import { sql } from "drizzle-orm";
import { customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Outgoing mail of a workspace: the SMTP server an admin set (absent → ACCORD_SMTP_URL) and the
 * letter that carries a proposal. The password is write-only: the API never returns it.
 */
export const mailSettings = pgTable("mail_settings", {
  workspaceId: uuid("workspace_id").primaryKey(),
  host: text("host"),
  port: integer("port"),
  security: text("security", { enum: ["tls", "starttls", "none"] })
    .notNull()
    .default("starttls"),
  username: text("username"),
  password: text("password"),
  fromName: text("from_name"),
  fromAddress: text("from_address"),
  proposalSubject: text("proposal_subject"),
  proposalText: text("proposal_text"),
  version: integer("version").notNull().default(1),
  updatedAt: ts("updated_at").notNull().default(sql`now()`),
  updatedBy: uuid("updated_by"),
});

/**
 * Word templates an admin uploaded for printed documents; the newest live one of a kind is used,
 * and with none the default template that ships with Accord.
 */
export const documentTemplates = pgTable(
  "document_templates",
  {
    ...businessColumns(),
    kind: text("kind", { enum: ["proposal", "invoice"] }).notNull(),
    name: text("name").notNull(),
    fileName: text("file_name").notNull(),
    size: integer("size").notNull(),
    placeholders: text("placeholders").array().notNull().default(sql`'{}'::text[]`),
    content: bytea("content").notNull(),
    deletedAt: ts("deleted_at"),
  },
  (t) => [index("document_templates_kind_idx").on(t.workspaceId, t.kind, t.createdAt, t.id)],
);
