import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

/**
 * File writers of exports. Both take the rows as an async stream of batches and pull the next
 * batch only when the client has taken the previous one, so memory stays flat for any size.
 */

export type Cell = string | number | null | undefined;

/**
 * A cell that a spreadsheet would run as a formula (= + - @, and tab / CR that some programs
 * strip first) gets a leading apostrophe (OWASP "CSV injection"). Exports and import reports
 * use it for every text cell, CSV and XLSX alike: an XLSX re-saved as CSV must stay inert.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const text = (v: Cell) => (v === null || v === undefined ? "" : typeof v === "number" ? v : neutralise(v));

/** CSV as Excel in Russia opens it: UTF-8 with a BOM, ";" between cells, CRLF lines. */
export function csvStream(titles: readonly string[], batches: AsyncIterable<Cell[][]>): Readable {
  const options = { delimiter: ";", record_delimiter: "\r\n" } as const;
  async function* chunks() {
    yield `\uFEFF${stringify([titles.map(text)], options)}`;
    for await (const rows of batches)
      if (rows.length)
        yield stringify(
          rows.map((r) => r.map(text)),
          options,
        );
  }
  return Readable.from(chunks());
}

/** XLSX through exceljs's streaming writer (no shared-string table, rows flushed as written). */
export function xlsxStream(
  sheetName: string,
  titles: readonly string[],
  batches: AsyncIterable<Cell[][]>,
  widths: readonly number[] = [],
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = titles.map((_, i) => ({ width: widths[i] ?? 18 }));
  const head = sheet.addRow(titles.map(text));
  head.font = { bold: true };
  head.commit();
  (async () => {
    for await (const rows of batches) {
      for (const r of rows) sheet.addRow(r.map(text)).commit();
      // Wait for a slow client instead of buffering the workbook in memory; stop if it left.
      if (out.writableNeedDrain) await Promise.race([once(out, "drain"), once(out, "close")]);
      if (out.destroyed) return;
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

export function attachmentName(base: string, ext: "csv" | "xlsx"): string {
  return `${base}-${new Date().toISOString().slice(0, 10)}.${ext}`;
}
