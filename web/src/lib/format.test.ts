import { describe, expect, it } from "vitest";
import { formatDateTime, shortName } from "./format";

describe("shortName", () => {
  it("abbreviates a Russian full name to surname and initials", () => {
    expect(shortName("Кузнецов Андрей Петрович")).toBe("Кузнецов А. П.");
  });

  it("keeps short names", () => {
    expect(shortName("Jane Smith")).toBe("Jane Smith");
    expect(shortName(" Admin ")).toBe("Admin");
  });
});

describe("formatDateTime", () => {
  it("formats in the given time zone and tolerates bad input", () => {
    expect(formatDateTime("2026-03-01T09:30:00Z", "ru", "Europe/Moscow")).toContain("12:30");
    expect(formatDateTime("2026-03-01T09:30:00Z", "en", "Not/AZone")).not.toBe("");
    expect(formatDateTime(null, "ru")).toBe("");
  });
});
