import type { Readable } from "node:stream";
import { type CompanyListQuery, CompanySortKeys } from "../../../contracts/companies";
import { type ContactListQuery, ContactSortKeys } from "../../../contracts/contacts";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { parseSort } from "../../platform/pagination";
import { reachOf } from "../../platform/permissions";
import { authorize } from "../../platform/policy";
import {
  companyExportBatches,
  companyExportRow,
  companyExportTitles,
  companyExportWidths,
  ownerNames,
} from "../companies/companies.export";
import { contactExportBatches, contactExportRow, contactExportTitles } from "./exports.contacts";
import { attachmentName, type Cell, csvStream, xlsxStream } from "./exports.format";

export type ExportFormat = "csv" | "xlsx";
export type ExportFile = { fileName: string; contentType: string; stream: Readable };

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Deleted rows are exported only for those who may restore them (as the list shows them). */
function checkDeleted(actor: Actor, resource: "companies" | "contacts", deleted: string | undefined) {
  if (deleted && !reachOf(resource, "restore", actor.role)) throw AppError.forbidden();
}

/**
 * Counts the rows as they leave and writes ONE audit entry when the stream ends (or the
 * client goes away): who exported what, with which filter, how many rows.
 */
async function* audited(
  ctx: AppContext,
  actor: Actor,
  entity: "company" | "contact",
  format: ExportFormat,
  filter: Record<string, unknown>,
  batches: AsyncIterable<Cell[][]>,
): AsyncGenerator<Cell[][]> {
  let rows = 0;
  let complete = false;
  try {
    for await (const batch of batches) {
      rows += batch.length;
      yield batch;
    }
    complete = true;
  } finally {
    await withTx(ctx.db, (tx) =>
      recordChange(tx, actor, {
        action: "export",
        entity,
        entityId: uuidv7(),
        changes: {
          format: { from: null, to: format },
          filter: { from: null, to: filter },
          rows: { from: null, to: rows },
          complete: { from: null, to: complete },
        },
      }),
    ).catch((error: unknown) => ctx.logger.error({ err: error }, "export audit failed"));
  }
}

function file(
  format: ExportFormat,
  base: string,
  sheet: string,
  titles: string[],
  batches: AsyncIterable<Cell[][]>,
  widths?: readonly number[],
): ExportFile {
  return {
    fileName: attachmentName(base, format),
    contentType: contentTypes[format],
    stream: format === "csv" ? csvStream(titles, batches) : xlsxStream(sheet, titles, batches, widths),
  };
}

/** Filter params without paging: what the audit entry records. */
function filterOf(query: Record<string, unknown>): Record<string, unknown> {
  const { limit: _limit, cursor: _cursor, ...rest } = query;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

export function exportCompanies(
  ctx: AppContext,
  actor: Actor,
  query: CompanyListQuery,
  format: ExportFormat,
): ExportFile {
  const reach = authorize(actor, "companies", "export");
  checkDeleted(actor, "companies", query.deleted);
  // A bad sort is a 400 now, not a broken download later.
  parseSort(query.sort, CompanySortKeys, "name");
  const names = ownerNames(ctx.db, actor.workspaceId);
  async function* batches() {
    for await (const rows of companyExportBatches(ctx.db, actor, reach, query)) {
      const owners = await names(rows.map((r) => r.ownerId));
      yield rows.map((r) => companyExportRow(r, owners, actor.locale));
    }
  }
  const sheet = actor.locale === "ru" ? "Компании" : "Companies";
  const rows = audited(ctx, actor, "company", format, filterOf(query), batches());
  return file(format, "companies", sheet, companyExportTitles(actor.locale), rows, companyExportWidths);
}

export function exportContacts(
  ctx: AppContext,
  actor: Actor,
  query: ContactListQuery,
  format: ExportFormat,
): ExportFile {
  const reach = authorize(actor, "contacts", "export");
  checkDeleted(actor, "contacts", query.deleted);
  parseSort(query.sort, ContactSortKeys, "lastName");
  async function* batches() {
    for await (const { rows, companyNames } of contactExportBatches(ctx.db, actor, reach, query))
      yield rows.map((r) => contactExportRow(r, companyNames, actor.locale));
  }
  const sheet = actor.locale === "ru" ? "Контакты" : "Contacts";
  const rows = audited(ctx, actor, "contact", format, filterOf(query), batches());
  return file(format, "contacts", sheet, contactExportTitles(actor.locale), rows);
}
