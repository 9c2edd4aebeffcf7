import type { Locale } from "../../../contracts/common";

const LOCALE_TAGS: Record<Locale, string> = { ru: "ru-RU", en: "en-GB" };

/** Formats an ISO timestamp as a short date and time in the user's time zone, or "" when absent. */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  try {
    return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    }).format(date);
  } catch {
    // An unknown time zone name in a profile must not break the whole table.
    return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "medium", timeStyle: "short" }).format(
      date,
    );
  }
}

/** IANA zones the browser knows, with the Russian ones first since most users pick among them. */
export function timeZoneOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const russian = [
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
  ];
  const known = new Set(all);
  const first = russian.filter((zone) => known.has(zone) || all.length === 0);
  return [...first, ...all.filter((zone) => !first.includes(zone)), "UTC"].filter(
    (zone, index, list) => list.indexOf(zone) === index,
  );
}

/**
 * "Иванов Иван Иванович" → "Иванов И. И.", the usual short form in Russian business documents;
 * names of one or two words (e.g. "Jane Smith") are already short and stay as they are.
 */
export function shortName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length < 3) return fullName.trim();
  const [surname, ...rest] = parts;
  return `${surname} ${rest.map((part) => `${part.charAt(0).toUpperCase()}.`).join(" ")}`;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "Europe/Moscow";
}
