/**
 * Money as integer kopecks in a plain `number`.
 *
 * Why `number` and not `bigint`: kopecks must cross JSON, Postgres (bigint/numeric) and React
 * without custom serialisers, and a safe integer covers Number.MAX_SAFE_INTEGER kopecks =
 * 90 071 992 547 409,91 ₽ (≈ 90 trillion roubles), far above any CRM document. Every entry point
 * guards with Number.isSafeInteger, and every multiplication/division goes through BigInt, so no
 * binary float ever touches an amount.
 */

import { divRoundHalfUp, parseScaledDecimal } from "./decimal";

/** The currency of an amount given without one, and of the sums reported unless another is asked for. */
export const MAIN_CURRENCY = "RUB";

/** Largest amount representable exactly: 9 007 199 254 740 991 kopecks ≈ 90 trillion roubles. */
export const MAX_KOPECKS = Number.MAX_SAFE_INTEGER;

export type MoneyParseErrorCode = "format" | "range";

/** Thrown by parseMoney; `code` is stable for UI messages. */
export class MoneyParseError extends Error {
  readonly code: MoneyParseErrorCode;
  readonly input: string;

  constructor(code: MoneyParseErrorCode, input: string) {
    super(code === "format" ? `Not a money amount: "${input}"` : `Money amount out of range: "${input}"`);
    this.name = "MoneyParseError";
    this.code = code;
    this.input = input;
  }
}

export function isKopecks(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Throws a RangeError unless `value` is a safe integer; returns it for chaining. */
export function assertKopecks(value: number, what = "amount"): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of kopecks, got ${String(value)}`);
  }
  return value;
}

function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(MAX_KOPECKS) || value < -BigInt(MAX_KOPECKS)) {
    throw new RangeError(`${what} exceeds the safe kopeck range`);
  }
  return Number(value);
}

/**
 * Group separators users paste: plain space, NBSP (Excel, Intl "ru-RU"), narrow NBSP, thin space.
 * Grouping must be by thousands, so "12 34" is rejected instead of silently read as 1234.
 */
const HUMAN_MONEY = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?:[.,](\d+))?$/;

/**
 * Parses a rouble amount typed by a person or sent by the API: "1234.50", "1234.5", "1 234,50",
 * "-10". More than two fraction digits are rounded half-up on the decimal string ("3.185" → 319),
 * never via parseFloat. Throws MoneyParseError on anything else ("1,234.50", "1e3", "12 руб").
 */
export function parseMoney(input: string): number {
  if (typeof input !== "string") throw new MoneyParseError("format", String(input));
  // U+2212 is the typographic minus that Word and many PDFs produce.
  const m = HUMAN_MONEY.exec(input.trim().replace(/^\u2212/, "-"));
  if (!m) throw new MoneyParseError("format", input);
  const [, sign = "", intPart = "0", frac] = m;
  const canonical = `${sign === "-" ? "-" : ""}${intPart.replace(/\D/g, "")}${frac ? `.${frac}` : ""}`;
  const units = parseScaledDecimal(canonical, 2, { excess: "round" });
  if (units === null) throw new MoneyParseError("format", input);
  if (units > BigInt(MAX_KOPECKS) || units < -BigInt(MAX_KOPECKS)) throw new MoneyParseError("range", input);
  // Number(-0n) is 0, so "-0.00" cannot produce a negative zero.
  return Number(units);
}

/** Like parseMoney but returns null instead of throwing. */
export function tryParseMoney(input: string): number | null {
  try {
    return parseMoney(input);
  } catch (error) {
    if (error instanceof MoneyParseError) return null;
    throw error;
  }
}

function splitKopecks(kopecks: number): { sign: string; roubles: string; cents: string } {
  assertKopecks(kopecks);
  const abs = BigInt(kopecks < 0 ? -kopecks : kopecks);
  return {
    sign: kopecks < 0 ? "-" : "",
    roubles: (abs / 100n).toString(),
    cents: (abs % 100n).toString().padStart(2, "0"),
  };
}

/** API/machine form: "1234.50", "-0.05". Parsed back exactly by parseMoney. */
export function formatMoney(kopecks: number): string {
  const { sign, roubles, cents } = splitKopecks(kopecks);
  return `${sign}${roubles}.${cents}`;
}

/**
 * Separator used by formatMoneyRu: U+00A0 NO-BREAK SPACE. It is what Intl.NumberFormat("ru-RU")
 * emits, so server-rendered documents match the browser, and unlike U+202F it exists in every PDF
 * font we embed. It also keeps "1 234,50" from wrapping across lines.
 */
export const RU_GROUP_SEPARATOR = "\u00a0";

export interface FormatMoneyRuOptions {
  /** Thousands separator; default RU_GROUP_SEPARATOR (NBSP). Pass "\u202f" or " " if a target needs it. */
  groupSeparator?: string;
}

/** Russian document form: "1 234,50" (NBSP between groups), "-1 234,50". */
export function formatMoneyRu(kopecks: number, options: FormatMoneyRuOptions = {}): string {
  const { sign, roubles, cents } = splitKopecks(kopecks);
  const separator = options.groupSeparator ?? RU_GROUP_SEPARATOR;
  const grouped = roubles.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${sign}${grouped},${cents}`;
}

/**
 * a·b/c rounded half-up (away from zero), computed in BigInt so the intermediate product may
 * exceed 2^53. All three arguments must be safe integers; the result is range-checked.
 */
export function mulDiv(a: number, b: number, c: number): number {
  assertKopecks(a, "mulDiv a");
  assertKopecks(b, "mulDiv b");
  assertKopecks(c, "mulDiv c");
  if (c === 0) throw new RangeError("mulDiv: division by zero");
  return toSafeNumber(divRoundHalfUp(BigInt(a) * BigInt(b), BigInt(c)), "mulDiv result");
}

/** BigInt variant of mulDiv for callers that already work in BigInt. */
export function mulDivBigInt(a: bigint, b: bigint, c: bigint): bigint {
  return divRoundHalfUp(a * b, c);
}

/** Sums kopeck amounts exactly, throwing if the total leaves the safe range. */
export function sumKopecks(values: readonly number[]): number {
  let total = 0n;
  for (const v of values) total += BigInt(assertKopecks(v));
  return toSafeNumber(total, "sum");
}
