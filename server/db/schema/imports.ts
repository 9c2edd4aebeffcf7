import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "./columns";

/**
 * A file import. The file is stored under the data directory; the job commits in batches and
 * records `position` (rows done) in the same transaction as each batch, so an interrupted
 * import resumes exactly where its last committed batch ended.
 */
export const imports = pgTable(
  "imports",
  {
    ...businessColumns(),
    userId: uuid("user_id").notNull(),
    entity: text("entity", { enum: ["companies", "contacts"] }).notNull(),
    fileName: text("file_name").notNull(),
    filePath: text("file_path").notNull(),
    format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
    encoding: text("encoding"),
    delimiter: text("delimiter"),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull().default({}),
    dryRun: boolean("dry_run").notNull().default(false),
    status: text("status", { enum: ["queued", "running", "done", "failed", "cancelled"] })
      .notNull()
      .default("queued"),
    total: integer("total"),
    position: integer("position").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
  },
  (t) => [index("imports_user_idx").on(t.workspaceId, t.userId, t.id)],
);

export const importErrors = pgTable(
  "import_errors",
  {
    id: uuid("id").primaryKey(),
    importId: uuid("import_id").notNull(),
    row: integer("row").notNull(),
    path: text("path").notNull(),
    message: text("message").notNull(),
    /** The planned effect of a dry-run row ("create" | "update" | "reject"). */
    outcome: text("outcome").notNull().default("reject"),
    data: jsonb("data").$type<Record<string, unknown>>(),
  },
  (t) => [index("import_errors_import_idx").on(t.importId, t.row)],
);
