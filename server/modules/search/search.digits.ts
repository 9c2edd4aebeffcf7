import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/**
 * The digits index (`digit_grams`, migration 0022): every window of four digits of a company's
 * INN and of its phones' digits, as integers — a phone's window is its value (0–9999), an INN's
 * is 10 000 more, so a phone query never walks INN entries and the other way round. A part of
 * an INN or of a number (four digits or more) contains all its own windows, so the rows holding
 * all of them are few, and a LIKE on the real column then keeps the true ones. Four digits, not
 * pg_trgm's three: a three-digit window is shared by a thousandth of all rows, a four-digit one
 * by a ten-thousandth, and a row has about half as many entries (cheaper to write, too).
 *
 * The bulk writers (imports) fill the column here; every other write leaves it to the table's
 * trigger, which computes the same integers in SQL (digit_grams_of; the two are tested equal).
 */

const WINDOW = 4;
const INN_BASE = 10_000;

function isDigits(text: string): boolean {
  if (!text) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Pushes the windows of a digit string (a rolling value: no substrings, no parsing). */
function addWindows(digits: string, base: number, into: number[]): void {
  if (!isDigits(digits)) return;
  let value = 0;
  for (let i = 0; i < digits.length; i++) {
    value = (value * 10 + digits.charCodeAt(i) - 48) % 10_000;
    if (i >= WINDOW - 1) into.push(base + value);
  }
}

/** Sorted, each once. */
function sortedUnique(values: number[]): number[] {
  const sorted = Int32Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]!);
  return out;
}

/** The column's value: the windows of `inn` and of the tokens of `phoneSearch`, sorted, unique. */
export function digitGrams(inn: string | null | undefined, phoneSearch: string): number[] {
  const grams: number[] = [];
  if (inn) addWindows(inn, INN_BASE, grams);
  let previous = "";
  for (const token of phoneSearch.split(" ")) {
    // A number's shorter tokens (its last ten and seven digits) add no window of their own.
    if (!previous.endsWith(token)) addWindows(token, 0, grams);
    previous = token;
  }
  return sortedUnique(grams);
}

function windowsOf(digits: string, base: number): number[] {
  // No window would match every row: a query that short is the caller's mistake.
  if (!isDigits(digits) || digits.length < WINDOW) throw new Error(`not a digit query: ${digits}`);
  const grams: number[] = [];
  addWindows(digits, base, grams);
  return sortedUnique(grams);
}

/** Rows whose `digit_grams` can contain these phone digits (≥ 4 of them); recheck with LIKE. */
export function phoneDigitsMayMatch(column: AnyColumn, digits: string): SQL {
  return sql`${column} @> ${`{${windowsOf(digits, 0).join(",")}}`}::integer[]`;
}

/** Rows whose `digit_grams` can contain this part of an INN (≥ 4 digits); recheck with LIKE. */
export function innDigitsMayMatch(column: AnyColumn, digits: string): SQL {
  return sql`${column} @> ${`{${windowsOf(digits, INN_BASE).join(",")}}`}::integer[]`;
}
