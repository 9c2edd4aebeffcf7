import { inflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import type { z } from "zod";
import type { ImportDelimiter, ImportEncoding } from "../../../contracts/imports";
import type { Config } from "../../platform/config";
import { AppError } from "../../platform/errors";
import { readStoredRange, storedSize } from "../../platform/storage";

export type Encoding = z.infer<typeof ImportEncoding>;
export type Delimiter = z.infer<typeof ImportDelimiter>;
export type Detected =
  | { format: "csv"; encoding: Encoding; delimiter: Delimiter }
  | { format: "xlsx"; encoding: null; delimiter: null };

/** iconv-lite names of the encodings we detect. */
export const iconvName: Record<Encoding, string> = {
  "utf-8": "utf8",
  "utf-8-bom": "utf8",
  "windows-1251": "win1251",
  "utf-16le": "utf16le",
};

const SAMPLE = 64 * 1024;

/** Signatures of files people upload by mistake; each is refused with 415. */
const binarySignatures: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], "png"],
  [[0xff, 0xd8, 0xff], "jpeg"],
  [[0x47, 0x49, 0x46, 0x38], "gif"],
  [[0x25, 0x50, 0x44, 0x46], "pdf"],
  [[0x1f, 0x8b], "gzip"],
  [[0x52, 0x61, 0x72, 0x21], "rar"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z"],
  [[0x7f, 0x45, 0x4c, 0x46], "elf"],
  [[0x4d, 0x5a], "exe"],
];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (buf: Buffer, sig: readonly number[]) => sig.every((b, i) => buf[i] === b);

/**
 * Decides what a stored upload is from its bytes, never from its name: an XLSX must be a ZIP
 * whose [Content_Types].xml declares a spreadsheet; anything else must be text. The name only
 * has to agree (a ".csv" that is a ZIP, or an ".xlsx" that is text, is refused).
 */
export async function detectFile(config: Config, key: string, fileName: string): Promise<Detected> {
  const size = (await storedSize(config, key)) ?? 0;
  if (size === 0) throw AppError.rule("import_empty_file");
  const head = await readStoredRange(config, key, 0, SAMPLE);
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (startsWith(head, OLE2)) throw new AppError("import_xls_unsupported", 415);
  if (binarySignatures.some(([sig]) => startsWith(head, sig))) throw new AppError("import_file_type", 415);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext !== "xlsx" && ext !== "") throw new AppError("import_file_type", 415);
    if (!(await isOoxmlSpreadsheet(config, key, size))) throw new AppError("import_file_type", 415);
    return { format: "xlsx", encoding: null, delimiter: null };
  }
  if (ext === "xlsx" || ext === "xls") throw new AppError("import_file_type", 415);
  const encoding = detectEncoding(head);
  if (encoding !== "utf-16le" && head.includes(0)) throw new AppError("import_file_type", 415);
  const text = iconv.decode(encoding === "utf-8" ? trimPartialUtf8(head, size) : head, iconvName[encoding]);
  return { format: "csv", encoding, delimiter: detectDelimiter(text) };
}

/**
 * UTF-8 (with or without a BOM) when the sample decodes without replacement characters,
 * otherwise Windows-1251 — what 1C and Russian Excel write.
 */
export function detectEncoding(head: Buffer): Encoding {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return "utf-8-bom";
  if (startsWith(head, [0xff, 0xfe])) return "utf-16le";
  const utf8 = iconv.decode(trimPartialUtf8(head, Number.POSITIVE_INFINITY), "utf8");
  if (!utf8.includes("\uFFFD")) return "utf-8";
  const cp1251 = iconv.decode(head, "win1251");
  const cyrillic = (s: string) => (s.match(/[А-Яа-яЁё]/g) ?? []).length;
  return cyrillic(cp1251) >= cyrillic(utf8) ? "windows-1251" : "utf-8";
}

/** A sample cut mid-character would look like invalid UTF-8: drop the incomplete tail. */
function trimPartialUtf8(buf: Buffer, fileSize: number): Buffer {
  if (buf.length >= fileSize) return buf;
  for (let back = 1; back <= 4 && back <= buf.length; back++) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? buf.subarray(0, buf.length - back) : buf;
  }
  return buf;
}

/** Delimiters outside quotes, per line, for the first lines of the sample. */
function countsPerLine(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let quoted = false;
  let count = 0;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) count++;
    else if (!quoted && ch === "\n") {
      counts.push(count);
      count = 0;
    }
  }
  if (counts.length === 0) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits the header into the most columns and the following lines into the
 * same number; ";" wins ties (Russian Excel writes it, and «1 234,50» holds commas).
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; score: number; columns: number } = { d: ";", score: -1, columns: 0 };
  for (const d of [";", "\t", ","] as const) {
    const counts = countsPerLine(text, d, 20);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((c) => c === header).length;
    if (consistent > best.score || (consistent === best.score && header > best.columns))
      best = { d, score: consistent, columns: header };
  }
  return best.d;
}

const CONTENT_TYPES = "[Content_Types].xml";
const SPREADSHEET_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
];

/**
 * Reads the ZIP central directory from the end of the file, finds [Content_Types].xml and
 * checks that it declares a workbook. Only the directory and that one small entry are read.
 */
async function isOoxmlSpreadsheet(config: Config, key: string, size: number): Promise<boolean> {
  const tail = await readStoredRange(config, key, -Math.min(size, 65_557), 65_557);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const cdSize = tail.readUInt32LE(eocd + 12);
  const cdOffset = tail.readUInt32LE(eocd + 16);
  if (cdOffset === 0xffffffff || cdSize > 16 * 1024 * 1024 || cdOffset + cdSize > size) return false;
  const cd = await readStoredRange(config, key, cdOffset, cdSize);
  for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
    const method = cd.readUInt16LE(p + 10);
    const compressed = cd.readUInt32LE(p + 20);
    const nameLength = cd.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    const name = cd.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    if (name === CONTENT_TYPES) {
      if (compressed > 1024 * 1024) return false;
      const local = await readStoredRange(config, key, cd.readUInt32LE(p + 42), 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return false;
      const dataStart = cd.readUInt32LE(p + 42) + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      const data = await readStoredRange(config, key, dataStart, compressed);
      // Stored (0) or deflated (8): what Excel, LibreOffice, 1C and exceljs write.
      if (method !== 0 && method !== 8) return false;
      let xml: string;
      try {
        const raw = method === 8 ? inflateRawSync(data, { maxOutputLength: 4 * 1024 * 1024 }) : data;
        xml = raw.toString("utf8");
      } catch {
        return false;
      }
      return SPREADSHEET_TYPES.some((t) => xml.includes(t));
    }
    p = next;
  }
  return false;
}
