import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
    mapping: jsonb("mapping").$type<Record<string, string | null>>().notNull().default({}),
    /** The file's header row (unique names), so reports can show each rejected row's values. */
    header: jsonb("header").$type<string[]>(),
    dryRun: boolean("dry_run").notNull().default(false),
    status: text("status", { enum: ["queued", "running", "done", "failed", "cancelled"] })
      .notNull()
      .default("queued"),
    total: integer("total"),
    position: integer("position").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    /** Rows that matched an existing record and changed nothing in it. */
    unchanged: integer("unchanged").notNull().default(0),
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

/**
 * Scratch space of a dry run: the match keys ("inn:…", "email:…") of what earlier batches
 * would have created or updated, so a later row of the same file is planned as the real run
 * would do it (an update, not a second create) without holding the file's keys in memory.
 * Rows of an import are deleted when it finishes.
 */
export const importKeys = pgTable(
  "import_keys",
  {
    importId: uuid("import_id").notNull(),
    key: text("key").notNull(),
    /** The planned record: an existing id, or the id a planned create would get. */
    targetId: uuid("target_id").notNull(),
    ownerId: uuid("owner_id").notNull(),
    inn: text("inn"),
    /** The file row that planned the create; null for an existing record. */
    row: integer("row"),
  },
  (t) => [primaryKey({ columns: [t.importId, t.key] })],
);
