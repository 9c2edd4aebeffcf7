/**
 * The production calendar as a workspace keeps it: a list of exceptions to Mon–Fri per day,
 * seeded from the built-in calendar and edited by an administrator. These functions turn the
 * built-in data into exceptions and the stored exceptions back into a `ProductionCalendar` the
 * working-day functions take.
 */

import {
  type ProductionCalendar,
  type ProductionCalendarYear,
  RU_FIXED_HOLIDAYS,
  RU_PRODUCTION_CALENDAR,
} from "./production-calendar";
import { addDays, dayOfWeek } from "./working-days";

/** holiday — a weekday off; workday — a working Saturday/Sunday; short — a pre-holiday day one hour shorter (ТК ст. 95). */
export type ProductionDayKind = "holiday" | "workday" | "short";
export type ProductionDay = { day: string; kind: ProductionDayKind };

export const isWeekend = (date: string) => {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
};

/**
 * The exceptions of one year as shipped: the decree's data for 2025–2027, otherwise the fixed
 * holidays of ТК ст. 112 that fall on a weekday (transfers of later years are not known yet).
 */
export function seedYear(
  year: number,
  base: ProductionCalendar = RU_PRODUCTION_CALENDAR,
): { days: ProductionDay[]; source: string; provisional: boolean } {
  const known = base.years[year];
  if (known) {
    return {
      days: [
        ...known.holidays.map((day) => ({ day, kind: "holiday" as const })),
        ...known.workingWeekends.map((day) => ({ day, kind: "workday" as const })),
      ].sort((a, b) => a.day.localeCompare(b.day)),
      source: known.source,
      provisional: known.provisional ?? false,
    };
  }
  const days = RU_FIXED_HOLIDAYS.map((md) => `${year}-${md}`)
    .filter((day) => !isWeekend(day))
    .map((day) => ({ day, kind: "holiday" as const }));
  return { days, source: "ТК РФ ст. 112", provisional: true };
}

/**
 * A calendar from stored exceptions. Every year in `years` is covered (even with no exceptions:
 * then it is plain Mon–Fri); other years fall back to the fixed holidays in working-days.ts.
 */
export function calendarFromDays(
  years: readonly { year: number; source: string; provisional: boolean }[],
  days: readonly ProductionDay[],
): ProductionCalendar {
  const out: Record<
    number,
    { holidays: string[]; workingWeekends: string[]; source: string; provisional: boolean }
  > = {};
  for (const y of years)
    out[y.year] = { holidays: [], workingWeekends: [], source: y.source, provisional: y.provisional };
  for (const d of days) {
    const year = out[Number(d.day.slice(0, 4))];
    if (!year) continue;
    // A "short" day is still a working day; a holiday on a weekend changes nothing.
    if (d.kind === "holiday" && !isWeekend(d.day)) year.holidays.push(d.day);
    if (d.kind === "workday" && isWeekend(d.day)) year.workingWeekends.push(d.day);
  }
  return { years: out as Record<number, ProductionCalendarYear> };
}

/** Every date of a year, for the admin's grid. */
export function daysOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d);
  return out;
}
