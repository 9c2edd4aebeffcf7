import { describe, expect, it } from "vitest";
import { RU_PRODUCTION_CALENDAR } from "./production-calendar";
import { calendarFromDays, daysOfYear, seedYear } from "./production-calendar-edits";
import { addWorkingDays, countWorkingDays, isWorkingDay } from "./working-days";

/**
 * Vectors: the 2026 production calendar (Постановление Правительства РФ от 24.09.2025 № 1466,
 * as published by Минтруд / КонсультантПлюс): 247 working days; 1–11 January off (9 Jan moved
 * from Sat 3 Jan); 9 March off (8 March on a Sunday); 11 May off (9 May on a Saturday);
 * 31 December off (moved from Sun 4 Jan).
 */
describe("seeded calendar", () => {
  it("round-trips the built-in 2026 calendar: same working days as the shipped data", () => {
    const seed = seedYear(2026);
    const cal = calendarFromDays(
      [{ year: 2026, source: seed.source, provisional: seed.provisional }],
      seed.days,
    );
    expect(countWorkingDays("2026-01-01", "2026-12-31", cal)).toBe(247);
    for (const day of daysOfYear(2026))
      expect(isWorkingDay(day, cal)).toBe(isWorkingDay(day, RU_PRODUCTION_CALENDAR));
    expect(seed.source).toContain("1466");
  });

  it("respects holidays and transfers: 8 May 2026 + 1 working day is 12 May", () => {
    const seed = seedYear(2026);
    const cal = calendarFromDays([{ year: 2026, source: "", provisional: false }], seed.days);
    expect(addWorkingDays("2026-05-08", 1, cal)).toBe("2026-05-12");
    expect(addWorkingDays("2026-03-06", 1, cal)).toBe("2026-03-10");
    expect(addWorkingDays("2026-12-30", 1, cal)).toBe("2027-01-11");
  });

  it("an edit takes effect: a working Saturday counts, a new holiday does not", () => {
    const seed = seedYear(2026);
    const days = [
      ...seed.days,
      { day: "2026-06-13", kind: "workday" as const },
      { day: "2026-06-15", kind: "holiday" as const },
    ];
    const cal = calendarFromDays([{ year: 2026, source: "", provisional: false }], days);
    expect(addWorkingDays("2026-06-11", 1, cal)).toBe("2026-06-13");
    expect(addWorkingDays("2026-06-13", 1, cal)).toBe("2026-06-16");
    // A short day is a working day.
    const short = calendarFromDays(
      [{ year: 2026, source: "", provisional: false }],
      [{ day: "2026-06-11", kind: "short" }],
    );
    expect(isWorkingDay("2026-06-11", short)).toBe(true);
  });

  it("years without a decree get the fixed holidays that fall on weekdays", () => {
    const seed = seedYear(2030);
    expect(seed.provisional).toBe(true);
    // 1 Jan 2030 is a Tuesday; 23 Feb 2030 a Saturday (not listed).
    expect(seed.days.map((d) => d.day)).toContain("2030-01-01");
    expect(seed.days.map((d) => d.day)).not.toContain("2030-02-23");
    expect(daysOfYear(2028)).toHaveLength(366);
  });
});
