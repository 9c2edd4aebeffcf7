/**
 * НДС (VAT) for sales documents. Reference: /work/shared/reference/ru-domain.md §3.
 *
 * From 1 Jan 2026 the standard rate is 22% (Federal Law 28.11.2025 № 425-ФЗ); 10% is the reduced
 * rate; 5% and 7% are the УСН rates; 0% is exports; "none" is «Без НДС» (exempt sellers). VAT is
 * computed per line and rounded half-up to kopecks, then summed, as the invoice footer shows it.
 * All arithmetic is BigInt on integer kopecks.
 */

import { divRoundHalfUp, parseScaledDecimal } from "./decimal";
import { assertKopecks, MAX_KOPECKS } from "./money";

/** Rates a document line may carry. 20% is deliberately absent: it is not valid for 2026 shipments. */
export const VAT_RATES = ["22", "10", "5", "7", "0", "none"] as const;
export type VatRate = (typeof VAT_RATES)[number];

export function isVatRate(value: unknown): value is VatRate {
  return typeof value === "string" && (VAT_RATES as readonly string[]).includes(value);
}

/** Percentage for a rate; «Без НДС» charges nothing, like 0%, but prints differently. */
export function vatPercent(rate: VatRate): number {
  return rate === "none" ? 0 : Number(rate);
}

function toKopecks(value: bigint, what: string): number {
  if (value > BigInt(MAX_KOPECKS) || value < -BigInt(MAX_KOPECKS)) {
    throw new RangeError(`${what} exceeds the safe kopeck range`);
  }
  return Number(value);
}

function assertPercent(percent: number): bigint {
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`VAT percent must be an integer 0..100, got ${percent}`);
  }
  return BigInt(percent);
}

/**
 * VAT contained in a gross amount at an arbitrary integer percent: gross·p/(100+p), half-up.
 * Exists for historical documents (20% before 2026) and for tests; new lines use vatFromGross.
 */
export function vatFromGrossAtPercent(grossKopecks: number, percent: number): number {
  const p = assertPercent(percent);
  return toKopecks(divRoundHalfUp(BigInt(assertKopecks(grossKopecks)) * p, 100n + p), "VAT");
}

/** VAT on top of a net amount at an arbitrary integer percent: net·p/100, half-up. */
export function vatFromNetAtPercent(netKopecks: number, percent: number): number {
  const p = assertPercent(percent);
  return toKopecks(divRoundHalfUp(BigInt(assertKopecks(netKopecks)) * p, 100n), "VAT");
}

/** VAT included in a gross amount ("в том числе НДС"): 22/122, 10/110, 5/105, 7/107. */
export function vatFromGross(grossKopecks: number, rate: VatRate): number {
  return vatFromGrossAtPercent(grossKopecks, vatPercent(rate));
}

/** VAT charged on top of a net amount ("сверху"). */
export function vatFromNet(netKopecks: number, rate: VatRate): number {
  return vatFromNetAtPercent(netKopecks, vatPercent(rate));
}

export interface LineInput {
  /** Decimal string, up to 3 fraction digits ("1", "2.5", "0,125"), non-negative. */
  quantity: string;
  /** Unit price in kopecks; gross or net depending on priceIncludesVat. */
  priceKopecks: number;
  /** Decimal string 0..100, up to 2 fraction digits ("0", "7.5"). */
  discountPercent: string;
  rate: VatRate;
  priceIncludesVat: boolean;
}

export interface LineTotals {
  /** Amount without VAT, after discount. */
  net: number;
  vat: number;
  /** Amount with VAT, after discount: always net + vat. */
  gross: number;
  /** Discount in kopecks, on the same basis as the price (gross if the price includes VAT). */
  discount: number;
}

/** Thrown when a line's quantity or discount string is malformed. */
export class LineInputError extends Error {
  readonly field: "quantity" | "discountPercent" | "priceKopecks" | "rate";

  constructor(field: LineInputError["field"], message: string) {
    super(message);
    this.name = "LineInputError";
    this.field = field;
  }
}

/**
 * One document line: amount = quantity·price (half-up), discount = amount·d% (half-up), then VAT
 * is extracted from (price includes VAT) or added to (price excludes VAT) the discounted amount.
 * The order matters: VAT is computed on the discounted amount, once per line.
 */
export function lineTotals(line: LineInput): LineTotals {
  // A decimal comma is accepted because quantities are often typed or pasted in Russian notation.
  const qty = parseScaledDecimal(line.quantity.trim().replace(",", "."), 3, { excess: "reject" });
  if (qty === null || qty < 0n) {
    throw new LineInputError(
      "quantity",
      `Quantity must be a non-negative decimal with ≤3 decimals: "${line.quantity}"`,
    );
  }
  const disc = parseScaledDecimal(line.discountPercent.trim().replace(",", "."), 2, { excess: "reject" });
  if (disc === null || disc < 0n || disc > 10_000n) {
    throw new LineInputError(
      "discountPercent",
      `Discount must be a decimal 0..100 with ≤2 decimals: "${line.discountPercent}"`,
    );
  }
  if (!Number.isSafeInteger(line.priceKopecks)) {
    throw new LineInputError("priceKopecks", "Price must be a safe integer number of kopecks");
  }
  if (!isVatRate(line.rate)) throw new LineInputError("rate", `Unknown VAT rate "${String(line.rate)}"`);

  // quantity is in thousandths, discount in hundredths of a percent (1/10000).
  const amount = divRoundHalfUp(qty * BigInt(line.priceKopecks), 1000n);
  const discount = divRoundHalfUp(amount * disc, 10_000n);
  const base = toKopecks(amount - discount, "line amount");

  let net: number;
  let vat: number;
  if (line.priceIncludesVat) {
    vat = vatFromGross(base, line.rate);
    net = base - vat;
  } else {
    net = base;
    vat = vatFromNet(base, line.rate);
  }
  return {
    net,
    vat,
    gross: toKopecks(BigInt(net) + BigInt(vat), "line gross"),
    discount: toKopecks(discount, "line discount"),
  };
}

export interface RateBreakdown {
  rate: VatRate;
  net: number;
  vat: number;
  gross: number;
}

export interface DocumentTotals {
  lines: LineTotals[];
  /** «Всего наименований N». */
  count: number;
  net: number;
  vat: number;
  gross: number;
  discount: number;
  /** One entry per rate present, in VAT_RATES order, for «В том числе НДС (22%)» rows. */
  byRate: RateBreakdown[];
}

/** Totals of a document: sums of the per-line values (never VAT recomputed on the total). */
export function documentTotals(lines: readonly LineInput[]): DocumentTotals {
  const computed = lines.map(lineTotals);
  const sums = { net: 0n, vat: 0n, gross: 0n, discount: 0n };
  const perRate = new Map<VatRate, { net: bigint; vat: bigint; gross: bigint }>();
  computed.forEach((t, i) => {
    const rate = (lines[i] as LineInput).rate;
    sums.net += BigInt(t.net);
    sums.vat += BigInt(t.vat);
    sums.gross += BigInt(t.gross);
    sums.discount += BigInt(t.discount);
    const acc = perRate.get(rate) ?? { net: 0n, vat: 0n, gross: 0n };
    acc.net += BigInt(t.net);
    acc.vat += BigInt(t.vat);
    acc.gross += BigInt(t.gross);
    perRate.set(rate, acc);
  });
  const byRate: RateBreakdown[] = [];
  for (const rate of VAT_RATES) {
    const acc = perRate.get(rate);
    if (!acc) continue;
    byRate.push({
      rate,
      net: toKopecks(acc.net, "net"),
      vat: toKopecks(acc.vat, "VAT"),
      gross: toKopecks(acc.gross, "gross"),
    });
  }
  return {
    lines: computed,
    count: computed.length,
    net: toKopecks(sums.net, "net"),
    vat: toKopecks(sums.vat, "VAT"),
    gross: toKopecks(sums.gross, "gross"),
    discount: toKopecks(sums.discount, "discount"),
    byRate,
  };
}
