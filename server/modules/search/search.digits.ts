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
const DIGITS = /^[0-9]+$/;

function addWindows(digits: string, base: number, into: Set<number>): void {
  if (!DIGITS.test(digits)) return;
  for (let i = 0; i + WINDOW <= digits.length; i++) into.add(base + Number(digits.slice(i, i + WINDOW)));
}

/** The column's value: the windows of `inn` and of the tokens of `phoneSearch`, sorted, unique. */
export function digitGrams(inn: string | null | undefined, phoneSearch: string): number[] {
  const grams = new Set<number>();
  if (inn) addWindows(inn, INN_BASE, grams);
  for (const token of phoneSearch.split(" ")) if (token) addWindows(token, 0, grams);
  return [...grams].sort((a, b) => a - b);
}

function windowsOf(digits: string, base: number): number[] {
  // No window would match every row: a query that short is the caller's mistake.
  if (!DIGITS.test(digits) || digits.length < WINDOW) throw new Error(`not a digit query: ${digits}`);
  const grams = new Set<number>();
  addWindows(digits, base, grams);
  return [...grams];
}

/** Rows whose `digit_grams` can contain these phone digits (≥ 4 of them); recheck with LIKE. */
export function phoneDigitsMayMatch(column: AnyColumn, digits: string): SQL {
  return sql`${column} @> ${`{${windowsOf(digits, 0).join(",")}}`}::integer[]`;
}

/** Rows whose `digit_grams` can contain this part of an INN (≥ 4 digits); recheck with LIKE. */
export function innDigitsMayMatch(column: AnyColumn, digits: string): SQL {
  return sql`${column} @> ${`{${windowsOf(digits, INN_BASE).join(",")}}`}::integer[]`;
}
