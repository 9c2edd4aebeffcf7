import { describe, expect, it } from "vitest";
import { addDays, fromLocalInput, isoWeekday, moveToDate, toLocalInput } from "./time";

describe("times in the user's zone", () => {
  it("round-trips a datetime-local value through the profile's zone, not the browser's", () => {
    expect(fromLocalInput("2026-12-01T10:00", "Europe/Moscow")).toBe("2026-12-01T07:00:00.000Z");
    expect(fromLocalInput("2026-12-01T10:00", "Asia/Vladivostok")).toBe("2026-12-01T00:00:00.000Z");
    expect(toLocalInput("2026-12-01T07:00:00.000Z", "Europe/Moscow")).toBe("2026-12-01T10:00");
    expect(fromLocalInput("", "Europe/Moscow")).toBeNull();
    expect(fromLocalInput("завтра", "Europe/Moscow")).toBeNull();
  });

  it("moves an event to another day keeping its local time, or to a given hour", () => {
    expect(moveToDate("2026-12-01T07:30:00.000Z", "2026-12-03", "Europe/Moscow")).toBe(
      "2026-12-03T07:30:00.000Z",
    );
    expect(moveToDate("2026-12-01T07:30:00.000Z", "2026-12-01", "Europe/Moscow", 15)).toBe(
      "2026-12-01T12:00:00.000Z",
    );
    // Across Berlin's switch to winter time the wall clock stays at 10:00.
    expect(moveToDate("2026-10-24T08:00:00.000Z", "2026-10-26", "Europe/Berlin")).toBe(
      "2026-10-26T09:00:00.000Z",
    );
  });

  it("counts weeks from Monday and crosses month and year ends", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});
