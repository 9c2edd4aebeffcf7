import type { Locale } from "../../../../contracts/common";
import { formatMoneyRu, MAIN_CURRENCY, parseMoney } from "../../../../core/money";

/** "1 234,50 ₽" in Russian, "1,234.50 RUB" in English; exact (parsed as kopecks, never as a float). */
export function formatAmount(amount: string | null | undefined, currency: string, locale: Locale): string {
  if (amount == null) return "";
  const kopecks = parseMoney(amount);
  if (locale === "ru") return `${formatMoneyRu(kopecks)} ${currency === MAIN_CURRENCY ? "₽" : currency}`;
  const ru = formatMoneyRu(kopecks, { groupSeparator: "," }).replace(/,(\d\d)$/, ".$1");
  return `${ru} ${currency}`;
}

/** Whole roubles for chart axes (a chart is a picture; the tables beside it carry exact sums). */
export const roubles = (amount: string) => Math.round(parseMoney(amount) / 100);

export function formatDay(date: string | null | undefined, locale: Locale): string {
  if (!date) return "";
  const [y, m, d] = date.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(locale === "ru" ? "ru-RU" : "en-GB", {
    timeZone: "UTC",
  });
}

export const today = () => new Date().toISOString().slice(0, 10);
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
