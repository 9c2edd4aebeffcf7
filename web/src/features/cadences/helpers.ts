import type { Locale } from "../../../../contracts/common";

/** "1234567.5" → "1 234 567,50 ₽" from the decimal string itself, never through a float. */
export function formatRubles(amount: string, locale: Locale): string {
  const negative = amount.startsWith("-");
  const [int = "0", frac = ""] = amount.replace("-", "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale === "ru" ? "\u00a0" : ",");
  const cents = frac.padEnd(2, "0").slice(0, 2);
  return `${negative ? "-" : ""}${grouped}${locale === "ru" ? "," : "."}${cents}\u00a0₽`;
}

/** Compares two non-negative decimal strings exactly: by integer part length, then digits. */
export function compareMoney(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  if (ai.length !== bi.length) return ai.length - bi.length;
  if (ai !== bi) return ai < bi ? -1 : 1;
  const fa = af.padEnd(2, "0");
  const fb = bf.padEnd(2, "0");
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Moves an item of a list by `by` places (the list is returned unchanged at an edge). */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export type DayKind = "holiday" | "workday" | "short";
export type DayState = "working" | "off" | DayKind;

export function dayState(weekend: boolean, kind: DayKind | undefined): DayState {
  if (kind) return kind;
  return weekend ? "off" : "working";
}

/** What a click on the calendar grid does: a working day becomes a day off and back. */
export function toggled(weekend: boolean, kind: DayKind | undefined): "holiday" | "workday" | "normal" {
  if (weekend) return kind === "workday" ? "normal" : "workday";
  return kind === "holiday" ? "normal" : "holiday";
}
