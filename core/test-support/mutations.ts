import type { RequisiteResult } from "../requisites";

/**
 * Negative-set generator for checksum tests: Kholenkov/js-data-validation lists every single-digit
 * mutation of a valid identifier as invalid, and the tests regenerate that set exhaustively.
 */

/** Every single-digit change of `value`; non-digits (SNILS separators) are kept; optional positions. */
export function singleDigitMutations(value: string, positions?: readonly number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (!/\d/.test(ch) || (positions && !positions.includes(i))) continue;
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== ch) out.push(value.slice(0, i) + d + value.slice(i + 1));
    }
  }
  return out;
}

/** The candidates that the check accepts. */
export function passing(candidates: readonly string[], check: (s: string) => RequisiteResult): string[] {
  return candidates.filter((c) => check(c).ok);
}

/** Expected failure result with a reason code. */
export const invalid = (reason: string) => ({ ok: false, reason });
