/**
 * Working-day arithmetic over the Russian production calendar.
 *
 * Dates are "YYYY-MM-DD" strings and all arithmetic runs on UTC day numbers, so the server's and
 * the browser's time zones can never shift a deadline by a day. The calendar is a parameter
 * (defaulting to the built-in one) so an admin-edited calendar can be used instead.
 */

import { type ProductionCalendar, RU_FIXED_HOLIDAYS, RU_PRODUCTION_CALENDAR } from "./production-calendar";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** No real calendar has a year of days off; hitting this means the calendar data is broken. */
const MAX_CONSECUTIVE_DAYS_OFF = 366;

/** Days since 1970-01-01 for a valid "YYYY-MM-DD"; throws RangeError otherwise (e.g. 2025-02-30). */
function toDayNumber(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // Date.UTC silently rolls 2025-02-30 over to March; reject instead of guessing.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: "${date}"`);
  }
  return ms / DAY_MS;
}

function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date in "YYYY-MM-DD" form. */
export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Calendar-day arithmetic: addDays("2026-01-31", 1) → "2026-02-01". */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function dayOfWeek(date: string): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

function isWorkingDayNumber(day: number, calendar: ProductionCalendar): boolean {
  const date = fromDayNumber(day);
  const weekday = new Date(day * DAY_MS).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const year = calendar.years[Number(date.slice(0, 4))];
  if (year) {
    if (year.workingWeekends.includes(date)) return true;
    if (year.holidays.includes(date)) return false;
    return !weekend;
  }
  // Uncovered year: fixed holidays only. Transfers are unknown, so this is an approximation.
  return !weekend && !RU_FIXED_HOLIDAYS.includes(date.slice(5));
}

/** Whether people work on this date under the calendar. */
export function isWorkingDay(date: string, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): boolean {
  return isWorkingDayNumber(toDayNumber(date), calendar);
}

/** Whether the calendar has explicit data for the year of this date (and whether it is final). */
export function calendarCoverage(
  date: string,
  calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): "final" | "provisional" | "none" {
  const year = calendar.years[Number(date.slice(0, 4))];
  if (!year) return "none";
  return year.provisional ? "provisional" : "final";
}

function step(day: number, direction: 1 | -1, calendar: ProductionCalendar): number {
  let d = day;
  for (let i = 0; i < MAX_CONSECUTIVE_DAYS_OFF; i++) {
    d += direction;
    if (isWorkingDayNumber(d, calendar)) return d;
  }
  throw new RangeError("Production calendar has no working day within a year");
}

/**
 * Moves by n working days, not counting the start date: addWorkingDays(Fri, 1) is the next
 * working Monday. n = 0 returns the date unchanged; negative n moves backwards. Used for
 * deadlines in working days (e.g. 152-ФЗ answers within 10 working days).
 */
export function addWorkingDays(
  date: string,
  n: number,
  calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
  let day = toDayNumber(date);
  const direction = n < 0 ? -1 : 1;
  for (let i = 0; i < Math.abs(n); i++) day = step(day, direction, calendar);
  return fromDayNumber(day);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR): string {
  return fromDayNumber(step(toDayNumber(date), 1, calendar));
}

/**
 * `date` itself if it is a working day, else the next working day. This is ГК РФ ст. 193: a term
 * ending on a non-working day ends on the nearest following working day.
 */
export function adjustToWorkingDay(
  date: string,
  calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): string {
  const day = toDayNumber(date);
  return isWorkingDayNumber(day, calendar) ? date : fromDayNumber(step(day, 1, calendar));
}

/**
 * A term of `days` calendar days from `start`, moved off a non-working end date (ГК ст. 193).
 * E.g. a claim sent on `start` allows a court filing from calendarDeadline(start, 30)
 * (АПК ст. 4 ч. 5), unless the contract sets another term.
 */
export function calendarDeadline(
  start: string,
  days: number,
  calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): string {
  return adjustToWorkingDay(addDays(start, days), calendar);
}

/** Monday to Friday between two day numbers, both inclusive: whole weeks, then the rest. */
function weekdaysBetween(start: number, end: number): number {
  const total = end - start + 1;
  let count = Math.floor(total / 7) * 5;
  for (let d = start + total - (total % 7); d <= end; d++) {
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

const isWeekendNumber = (day: number) => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * Number of working days from `from` to `to`, both inclusive (0 if to < from). Counted without
 * walking the days — weekdays by arithmetic, then each year's holidays and working weekends inside
 * the range — so a client years overdue costs no more than one a week overdue.
 */
export function countWorkingDays(
  from: string,
  to: string,
  calendar: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  if (end < start) return 0;
  let count = weekdaysBetween(start, end);
  const inRange = (day: number) => day >= start && day <= end;
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    const year = calendar.years[y];
    if (year) {
      // As isWorkingDayNumber: a working weekend wins over a holiday of the same date.
      const working = new Set(year.workingWeekends);
      for (const date of new Set(year.holidays)) {
        const day = toDayNumber(date);
        if (inRange(day) && !isWeekendNumber(day) && !working.has(date)) count--;
      }
      for (const date of working) {
        const day = toDayNumber(date);
        if (inRange(day) && isWeekendNumber(day)) count++;
      }
    } else {
      for (const md of new Set(RU_FIXED_HOLIDAYS)) {
        const date = `${y}-${md}`;
        if (!isIsoDate(date)) continue;
        const day = toDayNumber(date);
        if (inRange(day) && !isWeekendNumber(day)) count--;
      }
    }
  }
  return count;
}
