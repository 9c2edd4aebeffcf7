import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ProductionCalendar, RU_PRODUCTION_CALENDAR } from "./production-calendar";
import {
  addDays,
  addWorkingDays,
  adjustToWorkingDay,
  calendarCoverage,
  calendarDeadline,
  countWorkingDays,
  dayOfWeek,
  isIsoDate,
  isWorkingDay,
  nextWorkingDay,
} from "./working-days";

// Sources: Government decree of 04.10.2024 № 1335 (2025 transfers: 4 Jan → 2 May, 5 Jan → 31 Dec,
// 23 Feb → 8 May, 8 Mar → 13 Jun, 1 Nov → 3 Nov) and decree of 24.09.2025 № 1466 (2026 transfers:
// 3 Jan → 9 Jan, 4 Jan → 31 Dec), as published by the Government press service; 247 working days in 2026
// per Пензастат (penza-news.net, 13.01.2026). ТК РФ ст. 112 for weekend holidays; ГК РФ ст. 193 for
// deadlines ending on a day off. Other dates below are [calc] from those rules.

describe("production calendar 2025 (decree № 1335)", () => {
  it("applies the transfers", () => {
    expect(isWorkingDay("2025-11-01")).toBe(true); // working Saturday
    for (const off of [
      "2025-01-08",
      "2025-05-02",
      "2025-05-08",
      "2025-06-13",
      "2025-11-03",
      "2025-11-04",
      "2025-12-31",
    ]) {
      expect(isWorkingDay(off)).toBe(false);
    }
    // 23 Feb (Sun) and 8 Mar (Sat) were moved to May and June, so the following Mondays are working.
    expect(isWorkingDay("2025-02-24")).toBe(true);
    expect(isWorkingDay("2025-03-10")).toBe(true);
    expect(isWorkingDay("2025-01-09")).toBe(true);
  });

  it("has 247 working days", () => {
    expect(countWorkingDays("2025-01-01", "2025-12-31")).toBe(247);
  });
});

describe("production calendar 2026 (decree № 1466)", () => {
  it("applies the transfers and the ТК ст. 112 moves", () => {
    for (const off of [
      "2026-01-09",
      "2026-02-23",
      "2026-03-09",
      "2026-05-01",
      "2026-05-11",
      "2026-06-12",
      "2026-11-04",
      "2026-12-31",
    ]) {
      expect(isWorkingDay(off)).toBe(false);
    }
    expect(isWorkingDay("2026-01-12")).toBe(true);
    expect(isWorkingDay("2026-02-20")).toBe(true);
    expect(isWorkingDay("2026-11-05")).toBe(true);
  });

  it("has 247 working days and no working weekends", () => {
    expect(countWorkingDays("2026-01-01", "2026-12-31")).toBe(247);
    expect(RU_PRODUCTION_CALENDAR.years[2026]?.workingWeekends).toEqual([]);
  });
});

describe("calendar data", () => {
  it("lists only weekdays as holidays and only weekends as working weekends, within their year", () => {
    for (const [year, data] of Object.entries(RU_PRODUCTION_CALENDAR.years)) {
      for (const d of data.holidays) {
        expect(isIsoDate(d)).toBe(true);
        expect(d.startsWith(year)).toBe(true);
        expect([1, 2, 3, 4, 5]).toContain(dayOfWeek(d));
      }
      for (const d of data.workingWeekends) {
        expect(d.startsWith(year)).toBe(true);
        expect([0, 6]).toContain(dayOfWeek(d));
      }
      expect([...data.holidays].sort()).toEqual(data.holidays);
    }
  });

  it("marks 2027 as provisional", () => {
    expect(calendarCoverage("2027-05-03")).toBe("provisional");
    expect(calendarCoverage("2026-05-03")).toBe("final");
    expect(calendarCoverage("2031-01-01")).toBe("none");
  });

  it("falls back to fixed holidays for uncovered years", () => {
    expect(isWorkingDay("2030-01-07")).toBe(false); // Monday, Christmas
    expect(isWorkingDay("2030-03-08")).toBe(false); // Friday
    expect(isWorkingDay("2030-03-11")).toBe(true);
    expect(isWorkingDay("2030-03-09")).toBe(false); // Saturday
  });
});

describe("working-day arithmetic", () => {
  it("adds working days across the New Year holidays", () => {
    expect(addWorkingDays("2025-12-30", 1)).toBe("2026-01-12");
    expect(addWorkingDays("2026-01-12", -1)).toBe("2025-12-30");
    expect(addWorkingDays("2026-04-30", 1)).toBe("2026-05-04");
    expect(addWorkingDays("2026-05-08", 1)).toBe("2026-05-12");
    expect(addWorkingDays("2026-05-08", 0)).toBe("2026-05-08");
  });

  it("computes a 152-ФЗ ten-working-day answer deadline", () => {
    // From Mon 27 Apr 2026: 28, 29, 30 Apr, 4–8 May, 12, 13 May.
    expect(addWorkingDays("2026-04-27", 10)).toBe("2026-05-13");
  });

  it("nextWorkingDay is strictly after; adjustToWorkingDay keeps a working date (ГК ст. 193)", () => {
    expect(nextWorkingDay("2025-10-31")).toBe("2025-11-01"); // the working Saturday
    expect(nextWorkingDay("2026-03-06")).toBe("2026-03-10");
    expect(nextWorkingDay("2026-03-10")).toBe("2026-03-11");
    expect(adjustToWorkingDay("2026-03-10")).toBe("2026-03-10");
    expect(adjustToWorkingDay("2026-03-08")).toBe("2026-03-10");
  });

  it("moves a 30-day claim term off a holiday (АПК ст. 4 ч. 5, ГК ст. 193)", () => {
    expect(addDays("2026-02-06", 30)).toBe("2026-03-08");
    expect(calendarDeadline("2026-02-06", 30)).toBe("2026-03-10");
    expect(calendarDeadline("2026-02-09", 30)).toBe("2026-03-11");
  });

  it("accepts an admin-edited calendar", () => {
    const edited: ProductionCalendar = {
      years: {
        ...RU_PRODUCTION_CALENDAR.years,
        2026: {
          holidays: [...(RU_PRODUCTION_CALENDAR.years[2026]?.holidays ?? []), "2026-03-10"],
          workingWeekends: ["2026-03-07"],
          source: "test",
        },
      },
    };
    expect(isWorkingDay("2026-03-10", edited)).toBe(false);
    expect(isWorkingDay("2026-03-07", edited)).toBe(true);
    expect(nextWorkingDay("2026-03-06", edited)).toBe("2026-03-07");
    expect(adjustToWorkingDay("2026-03-08", edited)).toBe("2026-03-11");
    expect(isWorkingDay("2026-03-10")).toBe(true);
  });

  it("rejects malformed dates and never loops forever", () => {
    expect(() => isWorkingDay("2025-02-30")).toThrow(RangeError);
    expect(() => addWorkingDays("2025-2-3", 1)).toThrow(RangeError);
    expect(() => addWorkingDays("2025-02-03", 1.5)).toThrow(RangeError);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    // A broken calendar where every day of 2025–2026 is off must fail loudly, not spin.
    const everyDay = (year: number) => Array.from({ length: 365 }, (_, i) => addDays(`${year}-01-01`, i));
    const allOff: ProductionCalendar = {
      years: {
        2025: { holidays: everyDay(2025), workingWeekends: [], source: "broken" },
        2026: { holidays: everyDay(2026), workingWeekends: [], source: "broken" },
      },
    };
    expect(() => nextWorkingDay("2025-01-01", allOff)).toThrow(RangeError);
  });
});

describe("countWorkingDays agrees with walking the calendar day by day (fast-check)", () => {
  const day = fc.integer({
    min: Date.UTC(2018, 0, 1) / 86_400_000,
    max: Date.UTC(2032, 11, 31) / 86_400_000,
  });
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  const walk = (from: string, to: string, calendar: ProductionCalendar) => {
    let n = 0;
    for (let d = Date.parse(from) / 86_400_000; d <= Date.parse(to) / 86_400_000; d++)
      if (isWorkingDay(iso(d), calendar)) n++;
    return n;
  };
  // An edited calendar: a weekday holiday, a working Saturday, and a date that is both.
  const edited: ProductionCalendar = {
    years: {
      ...RU_PRODUCTION_CALENDAR.years,
      2026: {
        ...RU_PRODUCTION_CALENDAR.years[2026]!,
        holidays: [...RU_PRODUCTION_CALENDAR.years[2026]!.holidays, "2026-07-15", "2026-07-18"],
        workingWeekends: [...RU_PRODUCTION_CALENDAR.years[2026]!.workingWeekends, "2026-07-18", "2026-08-01"],
      },
    },
  };

  it("over ranges across covered and uncovered years, with the shipped and an edited calendar", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 2000 }), fc.boolean(), (start, length, useEdited) => {
        const calendar = useEdited ? edited : RU_PRODUCTION_CALENDAR;
        const from = iso(start);
        const to = iso(start + length);
        expect(countWorkingDays(from, to, calendar)).toBe(walk(from, to, calendar));
      }),
      { numRuns: 300 },
    );
  });

  it("is 0 for a range that ends before it starts", () => {
    expect(countWorkingDays("2026-05-10", "2026-05-09")).toBe(0);
  });
});
