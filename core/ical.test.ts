import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine } from "./ical";
import { dayBounds, offsetMinutes, offsetTransitions, zonedInstant } from "./zoned-time";

describe("zoned time (IANA tz database through Intl)", () => {
  it("knows Moscow is UTC+3 all year since 26 October 2014, and was +4 before", () => {
    expect(offsetMinutes(Date.parse("2026-01-15T12:00:00Z"), "Europe/Moscow")).toBe(180);
    expect(offsetMinutes(Date.parse("2026-07-15T12:00:00Z"), "Europe/Moscow")).toBe(180);
    expect(offsetMinutes(Date.parse("2014-01-15T12:00:00Z"), "Europe/Moscow")).toBe(240);
    expect(offsetTransitions(Date.parse("2025-01-01Z"), Date.parse("2027-12-31Z"), "Europe/Moscow")).toEqual(
      [],
    );
  });

  it("finds Berlin's 2026 switches: 29 March 01:00 UTC and 25 October 01:00 UTC (EU rule)", () => {
    expect(offsetTransitions(Date.parse("2026-01-01Z"), Date.parse("2027-01-01Z"), "Europe/Berlin")).toEqual([
      { at: Date.parse("2026-03-29T01:00:00Z"), from: 60, to: 120 },
      { at: Date.parse("2026-10-25T01:00:00Z"), from: 120, to: 60 },
    ]);
  });

  it("gives the bounds of a local day, also on a 23-hour day", () => {
    const msk = dayBounds(Date.parse("2026-11-27T22:30:00Z"), "Europe/Moscow");
    expect(msk.date).toBe("2026-11-28");
    expect(new Date(msk.from).toISOString()).toBe("2026-11-27T21:00:00.000Z");
    expect(new Date(msk.to).toISOString()).toBe("2026-11-28T21:00:00.000Z");
    const spring = dayBounds(Date.parse("2026-03-29T10:00:00Z"), "Europe/Berlin");
    expect((spring.to - spring.from) / 3_600_000).toBe(23);
    expect(
      new Date(
        zonedInstant({ year: 2026, month: 3, day: 1, hour: 9, minute: 30 }, "Asia/Vladivostok"),
      ).toISOString(),
    ).toBe("2026-02-28T23:30:00.000Z");
  });
});

describe("iCalendar text rules (RFC 5545 §3.1, §3.3.11)", () => {
  it("escapes backslash, semicolon, comma and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne")).toBe("a\\\\b\\;c\\,d\\ne");
  });

  it("folds at 75 octets without splitting a Cyrillic letter", () => {
    const line = `SUMMARY:${"Встреча с клиентом ".repeat(10)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .map((p, i) => (i ? p.slice(1) : p))
        .join(""),
    ).toBe(line);
  });
});

describe("a feed read back by node-ical", () => {
  it("keeps instants, zone, escaped text and stable UIDs", () => {
    const start = Date.parse("2026-12-01T07:00:00Z");
    const text = buildCalendar({
      prodId: "-//Accord//CRM//RU",
      name: "Дела",
      timeZone: "Europe/Berlin",
      events: [
        {
          uid: "a1@accord",
          start,
          end: start + 3_600_000,
          summary: "Встреча; обсудить договор, цены",
          description: "Строка 1\nСтрока 2",
          stamp: Date.parse("2026-11-27T10:00:00Z"),
        },
        { uid: "a2@accord", start: Date.parse("2026-07-01T08:00:00Z"), summary: "Летом", stamp: start },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
    const parsed = ical.sync.parseICS(text);
    const a1 = parsed["a1@accord"] as ical.VEvent;
    expect(a1.type).toBe("VEVENT");
    expect(a1.start.toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(a1.end?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(a1.start.tz).toBe("Europe/Berlin");
    expect(a1.summary).toBe("Встреча; обсудить договор, цены");
    expect(a1.description).toBe("Строка 1\nСтрока 2");
    // Summer time in Berlin: 10:00 local is 08:00 UTC.
    expect((parsed["a2@accord"] as ical.VEvent).start.toISOString()).toBe("2026-07-01T08:00:00.000Z");
  });
});
