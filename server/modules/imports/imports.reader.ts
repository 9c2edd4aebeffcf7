import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Config } from "../../platform/config";
import { openStored } from "../../platform/storage";
import { CsvReader } from "./imports.csv";
import { type Delimiter, type Encoding, iconvName } from "./imports.detect";

/** One record of the file: `row` as a spreadsheet numbers it (the header is row 1). */
export type SourceRow = { row: number; values: string[] };

export type StoredFile = {
  key: string;
  format: "csv" | "xlsx";
  encoding: Encoding | null;
  delimiter: Delimiter | null;
};

/**
 * Streams the records of a stored file, the header first. Nothing is loaded whole: CSV goes
 * through an iconv decoder into CsvReader, XLSX through exceljs's streaming reader (first
 * worksheet only). Leaving the loop early closes the file.
 */
export function readRows(config: Pick<Config, "dataDir">, file: StoredFile): AsyncGenerator<SourceRow> {
  return file.format === "csv" ? readCsv(config, file) : readXlsx(config, file);
}

async function* readCsv(config: Pick<Config, "dataDir">, file: StoredFile): AsyncGenerator<SourceRow> {
  const input = openStored(config, file.key);
  const decoder = iconv.getDecoder(iconvName[file.encoding ?? "utf-8"]);
  const csv = new CsvReader(file.delimiter ?? ";");
  let row = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>)
      for (const values of csv.push(decoder.write(chunk))) yield { row: ++row, values };
    for (const values of csv.push(decoder.end() ?? "")) yield { row: ++row, values };
    for (const values of csv.end()) yield { row: ++row, values };
  } finally {
    input.destroy();
  }
}

async function* readXlsx(config: Pick<Config, "dataDir">, file: StoredFile): AsyncGenerator<SourceRow> {
  const input = openStored(config, file.key);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  try {
    for await (const sheet of workbook) {
      for await (const r of sheet) {
        const values = Array.isArray(r.values) ? r.values : [];
        const cells: string[] = [];
        // exceljs rows are 1-based and sparse.
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield { row: r.number, values: cells };
      }
      break;
    }
  } finally {
    input.destroy();
  }
}

/** A cell as the text a person sees; long integers without exponent notation. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number")
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  if ("hyperlink" in value) return cellText((value as { text?: ExcelJS.CellValue }).text);
  return "";
}

/**
 * Counts the data records (after the header), for the progress bar. An ASCII-compatible CSV
 * is counted on raw bytes — line feeds outside double quotes — without decoding or parsing,
 * ~100× faster than a second parse; the count is replaced by the exact number at the end.
 */
export async function countDataRows(
  config: Pick<Config, "dataDir">,
  file: StoredFile,
  onProgress?: (n: number) => Promise<void>,
): Promise<number> {
  if (file.format === "csv" && file.encoding !== "utf-16le") {
    let lines = 0;
    let quoted = false;
    let last = 0x0a;
    for await (const chunk of openStored(config, file.key) as AsyncIterable<Buffer>) {
      // Jumps from quote to quote and from line feed to line feed (Buffer#indexOf is native):
      // a doubled quote inside quotes toggles twice and changes nothing.
      let i = 0;
      while (i < chunk.length) {
        const quote = chunk.indexOf(0x22, i);
        if (quoted) {
          if (quote === -1) break;
          quoted = false;
          i = quote + 1;
          continue;
        }
        const end = quote === -1 ? chunk.length : quote;
        for (let lf = chunk.indexOf(0x0a, i); lf !== -1 && lf < end; lf = chunk.indexOf(0x0a, lf + 1))
          lines++;
        if (quote === -1) break;
        quoted = true;
        i = quote + 1;
      }
      if (chunk.length) last = chunk[chunk.length - 1]!;
    }
    return Math.max(0, lines + (last === 0x0a ? 0 : 1) - 1);
  }
  let n = -1;
  for await (const _ of readRows(config, file)) {
    n++;
    if (onProgress && n > 0 && n % 100_000 === 0) await onProgress(n);
  }
  return Math.max(0, n);
}

/**
 * Header cells made unique and non-empty ("Телефон", "Телефон (2)", "Колонка 5"), since the
 * mapping is keyed by header name.
 */
export function uniqueHeader(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, i) => {
    const base = raw.replace(/^\uFEFF/, "").trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}
