import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { type ProductionDay, seedYear } from "../../../core/production-calendar-edits";
import { productionCalendarDays, productionCalendarYears } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type CalendarYearRow = typeof productionCalendarYears.$inferSelect;
export type CalendarDayRow = typeof productionCalendarDays.$inferSelect;

/** The years shipped as data: seeded into every workspace the first time its calendar is used. */
export const SHIPPED_YEARS = [2025, 2026, 2027] as const;

/**
 * Copies the shipped exceptions of the years not seeded yet into the workspace. Idempotent and
 * safe under concurrency: the year's marker row is claimed first, and only its claimer inserts
 * the days (in the same transaction as the marker).
 */
export async function seedYears(tx: Db, workspaceId: string, years: readonly number[]): Promise<void> {
  const have = await tx
    .select({ year: productionCalendarYears.year })
    .from(productionCalendarYears)
    .where(
      and(
        eq(productionCalendarYears.workspaceId, workspaceId),
        inArray(productionCalendarYears.year, [...years]),
      ),
    );
  const missing = years.filter((y) => !have.some((h) => h.year === y));
  for (const year of missing) {
    const seed = seedYear(year);
    const claimed = await tx
      .insert(productionCalendarYears)
      .values({ workspaceId, year, source: seed.source, provisional: seed.provisional })
      .onConflictDoNothing()
      .returning({ year: productionCalendarYears.year });
    if (!claimed.length || !seed.days.length) continue;
    await tx
      .insert(productionCalendarDays)
      .values(seed.days.map((d) => ({ workspaceId, day: d.day, kind: d.kind })))
      .onConflictDoNothing();
  }
}

export async function calendarYears(db: Db, workspaceId: string): Promise<CalendarYearRow[]> {
  return db
    .select()
    .from(productionCalendarYears)
    .where(eq(productionCalendarYears.workspaceId, workspaceId));
}

export async function calendarDays(
  db: Db,
  workspaceId: string,
  range?: { from: string; to: string },
): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(productionCalendarDays)
    .where(
      and(
        eq(productionCalendarDays.workspaceId, workspaceId),
        range ? gte(productionCalendarDays.day, range.from) : undefined,
        range ? lte(productionCalendarDays.day, range.to) : undefined,
      ),
    )
    .orderBy(productionCalendarDays.day);
}

export async function findDay(tx: Db, workspaceId: string, day: string): Promise<CalendarDayRow | null> {
  const [row] = await tx
    .select()
    .from(productionCalendarDays)
    .where(and(eq(productionCalendarDays.workspaceId, workspaceId), eq(productionCalendarDays.day, day)))
    .for("update");
  return row ?? null;
}

export async function upsertDay(
  tx: Db,
  workspaceId: string,
  day: ProductionDay & { note: string | null; updatedBy: string | null },
): Promise<void> {
  const values = { workspaceId, day: day.day, kind: day.kind, note: day.note, updatedBy: day.updatedBy };
  await tx
    .insert(productionCalendarDays)
    .values(values)
    .onConflictDoUpdate({
      target: [productionCalendarDays.workspaceId, productionCalendarDays.day],
      set: { kind: day.kind, note: day.note, updatedBy: day.updatedBy, updatedAt: new Date().toISOString() },
    });
}

export async function deleteDay(tx: Db, workspaceId: string, day: string): Promise<void> {
  await tx
    .delete(productionCalendarDays)
    .where(and(eq(productionCalendarDays.workspaceId, workspaceId), eq(productionCalendarDays.day, day)));
}
