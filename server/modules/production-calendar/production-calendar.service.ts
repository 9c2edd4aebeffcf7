import type { ProductionCalendarYear, ProductionDayUpdate } from "../../../contracts/calendar";
import type { ProductionCalendar } from "../../../core/production-calendar";
import { calendarFromDays, isWeekend } from "../../../core/production-calendar-edits";
import {
  addWorkingDays,
  adjustToWorkingDay,
  countWorkingDays,
  isWorkingDay,
} from "../../../core/working-days";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import {
  calendarDays,
  calendarYears,
  deleteDay,
  findDay,
  SHIPPED_YEARS,
  seedYears,
  upsertDay,
} from "./production-calendar.repo";

/** Working-day arithmetic over one workspace's (possibly edited) production calendar. */
export type WorkingDays = {
  calendar: ProductionCalendar;
  addWorkingDays(date: string, n: number): string;
  adjustToWorkingDay(date: string): string;
  isWorkingDay(date: string): boolean;
  countWorkingDays(from: string, to: string): number;
};

/**
 * The workspace's production calendar, seeded from the shipped data on first use, bound to the
 * functions of core/working-days.ts. Inside a transaction pass the transaction.
 */
export async function workingDays(db: Db, workspaceId: string): Promise<WorkingDays> {
  await withTx(db, (tx) => seedYears(tx, workspaceId, SHIPPED_YEARS));
  const [years, days] = await Promise.all([calendarYears(db, workspaceId), calendarDays(db, workspaceId)]);
  const calendar = calendarFromDays(years, days);
  return {
    calendar,
    addWorkingDays: (date, n) => addWorkingDays(date, n, calendar),
    adjustToWorkingDay: (date) => adjustToWorkingDay(date, calendar),
    isWorkingDay: (date) => isWorkingDay(date, calendar),
    countWorkingDays: (from, to) => countWorkingDays(from, to, calendar),
  };
}

export async function getProductionYear(db: Db, actor: Actor, year: number): Promise<ProductionCalendarYear> {
  authorize(actor, "settings", "read");
  await withTx(db, (tx) => seedYears(tx, actor.workspaceId, [...SHIPPED_YEARS, year]));
  const [years, days] = await Promise.all([
    calendarYears(db, actor.workspaceId),
    calendarDays(db, actor.workspaceId, { from: `${year}-01-01`, to: `${year}-12-31` }),
  ]);
  const meta = years.find((y) => y.year === year)!;
  const calendar = calendarFromDays([meta], days);
  return {
    year,
    source: meta.source,
    provisional: meta.provisional,
    days: days.map((d) => ({ day: d.day, kind: d.kind, note: d.note })),
    workingDays: countWorkingDays(`${year}-01-01`, `${year}-12-31`, calendar),
  };
}

/**
 * One day of the calendar set by an admin. A holiday must be a weekday and a working weekend a
 * Saturday or Sunday (anything else would change nothing and only confuse the grid).
 */
export async function setProductionDay(
  db: Db,
  actor: Actor,
  date: string,
  input: ProductionDayUpdate,
): Promise<ProductionCalendarYear> {
  authorize(actor, "settings", "update");
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) throw AppError.validation([{ path: "date", message: "2000–2100" }]);
  const weekend = isWeekend(date);
  if (input.kind === "holiday" && weekend) throw AppError.rule("calendar_holiday_on_weekend", { date });
  if (input.kind === "workday" && !weekend) throw AppError.rule("calendar_workday_on_weekday", { date });
  if (input.kind === "short" && weekend) throw AppError.rule("calendar_short_on_weekend", { date });
  await withTx(db, async (tx) => {
    await seedYears(tx, actor.workspaceId, [year]);
    const before = await findDay(tx, actor.workspaceId, date);
    if (input.kind === "normal") await deleteDay(tx, actor.workspaceId, date);
    else
      await upsertDay(tx, actor.workspaceId, {
        day: date,
        kind: input.kind,
        note: input.note ?? null,
        updatedBy: isSystem(actor) ? null : actor.id,
      });
    await recordChange(tx, actor, {
      action: "update",
      entity: "production_calendar",
      entityId: date,
      changes: {
        [date]: { from: before?.kind ?? "normal", to: input.kind },
      },
    });
  });
  return getProductionYear(db, actor, year);
}
