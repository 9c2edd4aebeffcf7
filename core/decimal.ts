/**
 * Exact decimal arithmetic on scaled integers (BigInt), shared by money and VAT.
 *
 * Money, quantities and percentages arrive as decimal strings and are turned into integers at a
 * fixed scale ("12.345" at scale 3 → 12345n). Nothing ever passes through a binary float, so
 * 0.1 + 0.2 problems and parseFloat rounding cannot leak into documents.
 */

/** Rounding mode used everywhere: half away from zero ("half-up" in Russian accounting usage). */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let q = n / d;
  // Compare 2r with d instead of r with d/2 so odd denominators stay exact.
  if ((n % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

/** Canonical decimal: optional minus, integer digits, optional fraction. No exponent, no grouping. */
const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export interface ScaledDecimalOptions {
  /**
   * "round": extra fraction digits are rounded half-up (money typed by a user);
   * "reject": extra digits are an error (quantities and percentages with a fixed precision).
   */
  excess: "round" | "reject";
}

/**
 * Parses a canonical decimal string ("-12.345") into an integer at `scale` fraction digits.
 * Returns null for anything that is not a canonical decimal, or when `excess: "reject"` and the
 * string carries more than `scale` fraction digits.
 */
export function parseScaledDecimal(
  input: string,
  scale: number,
  options: ScaledDecimalOptions = { excess: "reject" },
): bigint | null {
  const m = PLAIN_DECIMAL.exec(input);
  if (!m) return null;
  const [, sign = "", intPart = "0", frac = ""] = m;
  if (frac.length > scale && options.excess === "reject") return null;
  const kept = frac.slice(0, scale).padEnd(scale, "0");
  let units = BigInt(intPart + kept);
  // Half-up on the decimal string: the first dropped digit alone decides, since any tail after a
  // 5 only makes the remainder larger than one half (3.185 → 3.19, 3.1849 → 3.18).
  const firstDropped = frac.charCodeAt(scale) - 48;
  if (frac.length > scale && firstDropped >= 5) units += 1n;
  return sign === "-" ? -units : units;
}

/** Formats an integer at `scale` fraction digits back to a canonical decimal string. */
export function formatScaledDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const abs = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const intPart = abs.slice(0, abs.length - scale);
  const frac = abs.slice(abs.length - scale);
  return `${negative ? "-" : ""}${intPart}${scale > 0 ? `.${frac}` : ""}`;
}
