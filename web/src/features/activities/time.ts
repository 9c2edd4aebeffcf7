import { localDate, wallClock, zonedInstant } from "../../../../core/zoned-time";

/**
 * Times in the user's own time zone (the profile setting), not the browser's: a manager in
 * Moscow working from a laptop set to another zone still plans in Moscow time.
 */
const pad = (n: number) => String(n).padStart(2, "0");

/** ISO instant → "YYYY-MM-DDTHH:mm" for an <input type="datetime-local">. */
export function toLocalInput(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return "";
  const w = wallClock(Date.parse(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** "YYYY-MM-DDTHH:mm" in the zone → ISO instant, or null when empty or malformed. */
export function fromLocalInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  return new Date(
    zonedInstant({ year: y!, month: mo!, day: d!, hour: h!, minute: mi! }, timeZone),
  ).toISOString();
}

export { localDate, wallClock, zonedInstant };

/** Midnight of a local date ("YYYY-MM-DD") in the zone, as epoch ms. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return zonedInstant({ year: y, month: m, day: d, hour: 0, minute: 0 }, timeZone);
}

/** The local date `days` after `date`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** 1 = Monday … 7 = Sunday, as Russian calendars start the week on Monday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Moves an instant to another local date, keeping its local time of day. */
export function moveToDate(iso: string, date: string, timeZone: string, hour?: number): string {
  const w = wallClock(Date.parse(iso), timeZone);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(
    zonedInstant(
      { year: y, month: m, day: d, hour: hour ?? w.hour, minute: hour === undefined ? w.minute : 0 },
      timeZone,
    ),
  ).toISOString();
}

export function formatTime(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", {
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
}

export function formatDay(date: string, locale: string, opts: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === "ru" ? "ru-RU" : "en-GB", { ...opts, timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d, 12)),
  );
}
