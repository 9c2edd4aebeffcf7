/**
 * Moscow's calendar: documents are dated, invoices fall due and scheduled tasks land where the
 * seller works, not in UTC. Moscow is UTC+3 all year (no daylight saving since 2014), so a fixed
 * offset is exact and needs no time-zone database.
 */

const MOSCOW_OFFSET_MS = 3 * 3_600_000;

/** The Moscow calendar date ("YYYY-MM-DD") of a moment. */
export function moscowDate(at: Date | number): string {
  const ms = typeof at === "number" ? at : at.getTime();
  return new Date(ms + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Moscow. */
export function moscowToday(now: Date = new Date()): string {
  return moscowDate(now);
}

/** 09:00 Moscow time on a date: when a day's scheduled task falls due. */
export function moscowMorning(date: string): Date {
  return new Date(`${date}T09:00:00+03:00`);
}
