import { describe, expect, it } from "vitest";
import { isoTimestamp } from "./columns";

describe("timestamps leave the database as ISO 8601", () => {
  it("keeps microseconds and the offset", () => {
    expect(isoTimestamp("2026-11-27 08:20:34.578123+00")).toBe("2026-11-27T08:20:34.578123+00:00");
    expect(isoTimestamp("2026-11-27 11:20:34+03")).toBe("2026-11-27T11:20:34+03:00");
    expect(isoTimestamp("2026-11-27 11:20:34.5+05:30")).toBe("2026-11-27T11:20:34.5+05:30");
    expect(Date.parse(isoTimestamp("2026-11-27 08:20:34.578123+00"))).toBe(
      Date.parse("2026-11-27T08:20:34.578Z"),
    );
  });
});
