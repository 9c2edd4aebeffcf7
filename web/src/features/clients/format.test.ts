import { describe, expect, it } from "vitest";
import { formatAgo, formatDate } from "./format";

describe("client dates", () => {
  const now = Date.parse("2026-03-20T12:00:00Z");
  it("says how long ago, in the UI language", () => {
    expect(formatAgo("2026-03-20T08:00:00Z", "ru", now)).toBe("сегодня");
    expect(formatAgo("2026-03-15T08:00:00Z", "ru", now)).toBe("5 дней назад");
    expect(formatAgo("2026-03-15T08:00:00Z", "en", now)).toBe("5 days ago");
    expect(formatAgo("2025-12-20T08:00:00Z", "ru", now)).toBe("3 месяца назад");
    expect(formatAgo(null, "ru", now)).toBe("");
  });

  it("reads the server's timestamps with a space and a short offset", () => {
    expect(formatDate("2026-11-27 08:20:34.578+00", "en", "UTC")).toBe("27 Nov 2026");
  });
});
