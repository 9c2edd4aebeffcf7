import type { z } from "zod";
import type { Import, ImportRowError, ImportSummary } from "../../../contracts/imports";
import type { ImportRow } from "./imports.repo";

export function presentSummary(row: ImportRow): z.infer<typeof ImportSummary> {
  return {
    id: row.id,
    entity: row.entity,
    userId: row.userId,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    mapping: row.mapping,
    dryRun: row.dryRun,
    status: row.status,
    total: row.total,
    processed: row.position,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    error: row.error,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function presentImport(row: ImportRow, errors: z.infer<typeof ImportRowError>[]): Import {
  return { ...presentSummary(row), errors };
}
