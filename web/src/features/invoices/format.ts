import type { Invoice } from "../../../../contracts/invoices";

/** "52151.00" → «52 151,00» (ru) or "52,151.00" (en), without passing money through arithmetic. */
export function money(value: string, locale: string): string {
  const [whole = "0", cents = "00"] = value.replace(/^-/, "").split(".");
  const sep = locale.startsWith("ru") ? "\u00a0" : ",";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${value.startsWith("-") ? "-" : ""}${grouped}${locale.startsWith("ru") ? "," : "."}${cents.padEnd(2, "0")}`;
}

/** "2026-11-27" → «27.11.2026» (ru) or "2026-11-27" (en). */
export function ruDate(iso: string, locale: string): string {
  if (!locale.startsWith("ru")) return iso;
  const [y, m, d] = iso.split("-");
  return `${d}.${m}.${y}`;
}

export const statusColor: Record<Invoice["status"], string> = {
  issued: "blue",
  partially_paid: "yellow",
  paid: "green",
  cancelled: "gray",
};
