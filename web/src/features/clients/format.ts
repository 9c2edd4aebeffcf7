import type { Locale } from "../../../../contracts/common";

const TAGS: Record<Locale, string> = { ru: "ru-RU", en: "en-GB" };
const DAY = 86_400_000;

/** A calendar date in the user's zone ("12 мар. 2026 г."), or "" when absent or unreadable. */
export function formatDate(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "medium", timeZone }).format(date);
  } catch {
    return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: "medium" }).format(date);
  }
}

/**
 * "сегодня", "вчера", "5 дней назад", "3 месяца назад": how long ago a contact was, in words,
 * so a manager sees at a glance which client is neglected.
 */
export function formatAgo(iso: string | null | undefined, locale: Locale, now = Date.now()): string {
  if (!iso) return "";
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return "";
  const days = Math.max(0, Math.floor((now - then) / DAY));
  const rtf = new Intl.RelativeTimeFormat(TAGS[locale], { numeric: "auto" });
  if (days < 45) return rtf.format(-days, "day");
  if (days < 365) return rtf.format(-Math.round(days / 30), "month");
  return rtf.format(-Math.round(days / 365), "year");
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}

export function formatPercent(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { style: "percent", maximumFractionDigits: 0 }).format(value);
}
