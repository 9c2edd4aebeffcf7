import { z } from "zod";

export const ProductionDayKind = z.enum(["holiday", "workday", "short"]);

export const ProductionCalendarQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
});

export const ProductionCalendarYear = z.object({
  year: z.number().int(),
  source: z.string(),
  provisional: z.boolean(),
  /** Exceptions to Mon–Fri: holiday (weekday off), workday (working weekend), short (one hour shorter). */
  days: z.array(z.object({ day: z.string(), kind: ProductionDayKind, note: z.string().nullable() })),
  workingDays: z.number().int(),
});
export type ProductionCalendarYear = z.infer<typeof ProductionCalendarYear>;

export const ProductionDayParams = z.object({ date: z.iso.date() });

/** `normal` removes the exception: the day follows Mon–Fri again. */
export const ProductionDayUpdate = z.object({
  kind: z.enum(["holiday", "workday", "short", "normal"]),
  note: z.string().trim().max(200).nullable().optional(),
});
export type ProductionDayUpdate = z.infer<typeof ProductionDayUpdate>;
