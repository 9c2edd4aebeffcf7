import { describe, expect, it } from "vitest";
import { moscowDate, moscowMorning, moscowToday } from "./moscow-time";

describe("Moscow dates", () => {
  it("turns at 21:00 UTC, midnight in Moscow (UTC+3 all year)", () => {
    expect(moscowDate(new Date("2026-11-27T20:59:59Z"))).toBe("2026-11-27");
    expect(moscowDate(new Date("2026-11-27T21:00:00Z"))).toBe("2026-11-28");
    // Summer as winter: no daylight saving since 2014.
    expect(moscowDate(Date.parse("2026-07-01T21:00:00Z"))).toBe("2026-07-02");
    expect(moscowToday(new Date("2026-12-31T22:30:00Z"))).toBe("2027-01-01");
  });

  it("agrees with the time-zone database", () => {
    const tz = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" });
    for (let h = 0; h < 24 * 400; h += 7) {
      const at = new Date(Date.UTC(2025, 0, 1) + h * 3_600_000);
      expect(moscowDate(at), at.toISOString()).toBe(tz.format(at));
    }
  });

  it("a morning is 09:00 in Moscow, 06:00 UTC", () => {
    expect(moscowMorning("2026-11-30").toISOString()).toBe("2026-11-30T06:00:00.000Z");
  });
});
