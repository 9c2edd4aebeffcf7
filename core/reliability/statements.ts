/**
 * Financial statements by the official RAS (РСБУ) line codes: balance sheet (форма по ОКУД
 * 0710001) and statement of financial results (0710002), in thousands of roubles. Only the lines
 * the bankruptcy models read are accepted, so a typo in a code is an error, not a silent extra.
 */

import { formatScaledDecimal, parseScaledDecimal } from "../decimal";

export const STATEMENT_CODES = [
  "1100",
  "1200",
  "1230",
  "1240",
  "1250",
  "1300",
  "1370",
  "1400",
  "1500",
  "1520",
  "1600",
  "2110",
  "2120",
  "2200",
  "2210",
  "2220",
  "2300",
  "2330",
  "2400",
] as const;
export type StatementCode = (typeof STATEMENT_CODES)[number];

const CODE_SET: ReadonlySet<string> = new Set(STATEMENT_CODES);
export const isStatementCode = (code: string): code is StatementCode => CODE_SET.has(code);

/** Lines that may be negative: retained earnings, equity, profits (a loss is negative). */
const SIGNED: ReadonlySet<string> = new Set(["1300", "1370", "2200", "2300", "2400"]);

/** Thousands of roubles with at most three fraction digits (i.e. whole roubles). */
const SCALE = 3;

export type LineProblem = { code: string; reason: "unknown_code" | "not_a_number" | "negative" | "total" };

/** Normalises "1 234,5" to "1234.5"; returns null when it is not a plain decimal. */
export function normaliseAmount(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^\((.*)\)$/, "-$1")
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^\u2212/, "-")
    .replace(",", ".");
  const units = parseScaledDecimal(s, SCALE, { excess: "reject" });
  return units === null ? null : formatScaledDecimal(units, SCALE).replace(/\.?0+$/, "") || "0";
}

/**
 * Checks one year's lines: known codes, decimal values, signs, and that the balance adds up
 * (1600 = 1100 + 1200, and 1600 = 1300 + 1400 + 1500 when all are given, to the thousand).
 * Expense lines (2120, 2210, 2220, 2330) are stored as typed: RAS prints them in parentheses and
 * the models read their magnitude.
 */
export function checkLines(lines: Readonly<Record<string, string>>): {
  lines: Record<string, string>;
  problems: LineProblem[];
} {
  const out: Record<string, string> = {};
  const problems: LineProblem[] = [];
  for (const [code, raw] of Object.entries(lines)) {
    if (!isStatementCode(code)) {
      problems.push({ code, reason: "unknown_code" });
      continue;
    }
    const value = normaliseAmount(String(raw));
    if (value === null) {
      problems.push({ code, reason: "not_a_number" });
      continue;
    }
    if (value.startsWith("-") && !SIGNED.has(code) && !["2120", "2210", "2220", "2330"].includes(code)) {
      problems.push({ code, reason: "negative" });
      continue;
    }
    out[code] = value;
  }
  const n = (c: string) => (out[c] === undefined ? null : Number(out[c]));
  const total = n("1600");
  const assets = [n("1100"), n("1200")];
  const sources = [n("1300"), n("1400"), n("1500")];
  if (total !== null && assets.every((v) => v !== null)) {
    if (Math.abs((assets[0] ?? 0) + (assets[1] ?? 0) - total) > 1)
      problems.push({ code: "1600", reason: "total" });
  } else if (total !== null && sources.every((v) => v !== null)) {
    const sum = sources.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (Math.abs(sum - total) > 1) problems.push({ code: "1600", reason: "total" });
  }
  return { lines: out, problems };
}

/** Statement lines as numbers for the models (ratios only, so float is fine there). */
export function linesAsNumbers(lines: Readonly<Record<string, string>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, value] of Object.entries(lines)) out[code] = Number(value);
  return out;
}

/**
 * Parses pasted text: one line per code, "code value" separated by a tab, semicolon or spaces,
 * as copied from a spreadsheet or the ГИР БО site. Several years: a header row "код;2024;2023"
 * and one column per year. Lines without a 4-digit code (titles) are skipped.
 */
export function parseStatementText(
  text: string,
  defaultYear: number,
): { years: Record<number, Record<string, string>>; skipped: number } {
  const rows = text
    .split(/\r?\n/)
    .map((r) => r.trim())
    .filter(Boolean);
  // Without a tab or semicolon a row is "code value" for one year; the value may hold spaces.
  const split = (r: string) => {
    if (/[\t;]/.test(r)) return r.split(/[\t;]/);
    const m = /^(\S+)\s+(.*)$/.exec(r);
    return m ? [m[1] ?? "", m[2] ?? ""] : [r];
  };
  let years: number[] = [defaultYear];
  const out: Record<number, Record<string, string>> = {};
  let skipped = 0;
  for (const row of rows) {
    const cells = split(row).map((c) => c.trim());
    const header = cells.slice(1).map((c) => Number(c));
    if (!/^\d{4}$/.test(cells[0] ?? "") && header.length && header.every((y) => y >= 1990 && y <= 2100)) {
      years = header;
      continue;
    }
    const code = /\b(\d{4})\b/.exec(cells[0] ?? "")?.[1];
    // A title like "Баланс (форма 1)" or a year header with a code cell.
    if (!code || !isStatementCode(code)) {
      skipped++;
      continue;
    }
    cells.slice(1).forEach((cell, i) => {
      const year = years[i];
      if (year === undefined || cell === "" || cell === "-") return;
      out[year] ??= {};
      (out[year] as Record<string, string>)[code] = cell;
    });
  }
  return { years: out, skipped };
}
