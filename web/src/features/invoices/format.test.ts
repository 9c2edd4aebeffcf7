import { describe, expect, it } from "vitest";
import { money, ruDate } from "./format";

describe("invoice amounts and dates on screen", () => {
  it("groups roubles without arithmetic: Russian with no-break spaces and a comma, English with commas", () => {
    expect(money("52151.00", "ru")).toBe("52\u00a0151,00");
    expect(money("1234567.5", "ru")).toBe("1\u00a0234\u00a0567,50");
    expect(money("0.05", "en")).toBe("0.05");
    expect(money("9007199254740993.99", "en")).toBe("9,007,199,254,740,993.99");
    expect(money("-100.00", "ru")).toBe("-100,00");
  });

  it("prints dates the Russian way in Russian", () => {
    expect(ruDate("2026-11-27", "ru")).toBe("27.11.2026");
    expect(ruDate("2026-11-27", "en")).toBe("2026-11-27");
  });
});
