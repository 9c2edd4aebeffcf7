import { z } from "zod";
import { Id, Timestamp } from "./common";
import { CompanyScalarFields } from "./companies";

/** What a file can be imported into. */
export const ImportEntity = z.enum(["companies", "contacts"]);
export type ImportEntity = z.infer<typeof ImportEntity>;

/**
 * Target fields of a company import. `owner` is the «Ответственный» column (a user's email or
 * full name); list fields (`phones`, `emails`, `tags`) take several values in a cell and may be
 * mapped from several columns.
 */
export const CompanyImportFields = [...CompanyScalarFields, "owner", "tags", "phones", "emails"] as const;

/** Target fields of a contact import; `fullName` («ФИО») is split into the three name parts. */
export const ContactImportFields = [
  "lastName",
  "firstName",
  "middleName",
  "fullName",
  "position",
  "phones",
  "emails",
  "notes",
  "companyInn",
  "owner",
] as const;

export const ImportFormat = z.enum(["csv", "xlsx"]);
export const ImportEncoding = z.enum(["utf-8", "utf-8-bom", "windows-1251", "utf-16le"]);
export const ImportDelimiter = z.enum([";", ",", "\t"]);

/** Column header → target field; null (or a missing header) skips the column. */
export const ImportMapping = z
  .record(z.string().min(1).max(300), z.string().max(40).nullable())
  .refine((m) => Object.keys(m).length <= 300, "too_many_columns");
export type ImportMapping = z.infer<typeof ImportMapping>;

/** POST /imports/preview: what was detected in the file, and the suggested mapping. */
export const ImportPreview = z.object({
  uploadId: Id,
  fileName: z.string(),
  size: z.number().int(),
  format: ImportFormat,
  encoding: ImportEncoding.nullable(),
  delimiter: ImportDelimiter.nullable(),
  header: z.array(z.string()),
  /** Up to 20 data rows after the header, as text. */
  rows: z.array(z.array(z.string())),
  suggestedMapping: ImportMapping,
  /** The fields of the entity that columns may be mapped to. */
  fields: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/** POST /imports as JSON, for a file already sent to /imports/preview. */
export const ImportCreateJson = z.object({
  uploadId: Id,
  entity: ImportEntity,
  mapping: ImportMapping.optional(),
  dryRun: z.boolean().default(false),
});
export type ImportCreateJson = z.infer<typeof ImportCreateJson>;

/** `row` is the row number as a spreadsheet shows it: the header is row 1. */
export const ImportRowError = z.object({ row: z.number().int(), path: z.string(), message: z.string() });

export const ImportStatus = z.enum(["queued", "running", "done", "failed", "cancelled"]);

export const ImportSummary = z.object({
  id: Id,
  entity: ImportEntity,
  userId: Id,
  fileName: z.string(),
  format: ImportFormat,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  mapping: ImportMapping,
  dryRun: z.boolean(),
  status: ImportStatus,
  /** Data rows in the file; null until the job has counted them. */
  total: z.number().int().nullable(),
  /** Data rows done (committed); an interrupted import resumes after them. */
  processed: z.number().int(),
  /** In a dry run: what would be created / updated. */
  created: z.number().int(),
  updated: z.number().int(),
  /** Rows that matched a record and would change nothing in it. */
  unchanged: z.number().int(),
  failed: z.number().int(),
  /** Why the import stopped, when status is "failed". */
  error: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** GET /imports/:id: the summary and the first 100 rejected rows. */
export const Import = ImportSummary.extend({ errors: z.array(ImportRowError) });
export type Import = z.infer<typeof Import>;

export const ImportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Id.optional(),
});
