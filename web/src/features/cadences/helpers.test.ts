import { describe, expect, it } from "vitest";
import { compareMoney, dayState, formatRubles, move, toggled } from "./helpers";

describe("contact scheme screen helpers", () => {
  it("formats money from the decimal string", () => {
    expect(formatRubles("250100.75", "ru")).toBe("250\u00a0100,75\u00a0₽");
    expect(formatRubles("1234567.5", "en")).toBe("1,234,567.50\u00a0₽");
    expect(formatRubles("0", "ru")).toBe("0,00\u00a0₽");
  });

  it("compares amounts exactly, beyond float precision", () => {
    expect(compareMoney("9007199254740993.01", "9007199254740993.00")).toBe(1);
    expect(compareMoney("100.5", "100.50")).toBe(0);
    expect(compareMoney("99.99", "100")).toBe(-1);
  });

  it("moves steps up and down and stays put at the edges", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
  });

  it("toggles calendar days between working and off", () => {
    expect(toggled(false, undefined)).toBe("holiday");
    expect(toggled(false, "holiday")).toBe("normal");
    expect(toggled(false, "short")).toBe("holiday");
    expect(toggled(true, undefined)).toBe("workday");
    expect(toggled(true, "workday")).toBe("normal");
    expect(dayState(true, undefined)).toBe("off");
    expect(dayState(false, "short")).toBe("short");
  });
});
