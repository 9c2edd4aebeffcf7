import { describe, expect, it } from "vitest";
import { divRoundHalfUp, formatScaledDecimal, parseScaledDecimal } from "./decimal";
import {
  formatMoney,
  formatMoneyRu,
  MAX_KOPECKS,
  MoneyParseError,
  mulDiv,
  parseMoney,
  sumKopecks,
  tryParseMoney,
} from "./money";

const NBSP = "\u00a0";

describe("parseMoney", () => {
  // Vectors from the brief / ru-domain.md §2 ("work in integer kopecks; never use floats") [calc].
  it("parses API and Russian notations into integer kopecks", () => {
    expect(parseMoney("1234.50")).toBe(123450);
    expect(parseMoney("1234.5")).toBe(123450);
    expect(parseMoney("1 234,50")).toBe(123450);
    expect(parseMoney(`1${NBSP}234,50`)).toBe(123450);
    expect(parseMoney("1\u202f234\u202f567,8")).toBe(123456780);
    expect(parseMoney("-10")).toBe(-1000);
    expect(parseMoney("+10")).toBe(1000);
    expect(parseMoney("\u221210,01")).toBe(-1001);
    expect(parseMoney("0")).toBe(0);
    expect(Object.is(parseMoney("-0.00"), 0)).toBe(true);
    expect(parseMoney("  7  ")).toBe(700);
    expect(parseMoney("99 999 999 999,99")).toBe(9_999_999_999_999);
  });

  // meritt/rubles src/rubles.spec.ts "decimals rounded": half-up on the decimal string.
  it("rounds half-up at the third decimal without floats", () => {
    expect(parseMoney("3.185")).toBe(319);
    expect(parseMoney("2,189")).toBe(219);
    expect(parseMoney("1.156")).toBe(116);
    expect(parseMoney("4.0185")).toBe(402);
    expect(parseMoney("5.134")).toBe(513);
    // [calc] the first dropped digit decides; negative amounts round away from zero.
    expect(parseMoney("3.1849999")).toBe(318);
    expect(parseMoney("-3.185")).toBe(-319);
    expect(parseMoney("0.005")).toBe(1);
    expect(parseMoney("0.0049")).toBe(0);
    // parseFloat("1.005") * 100 is 100.49999…, a classic float trap; the string rule gives 101.
    expect(parseMoney("1.005")).toBe(101);
  });

  it("rejects garbage with a MoneyParseError", () => {
    for (const bad of [
      "",
      " ",
      "abc",
      "1.2.3",
      "1,234.50",
      "1e3",
      "12 34",
      "12 руб",
      "1 234 5",
      ".5",
      "5.",
      "--1",
    ]) {
      expect(() => parseMoney(bad)).toThrow(MoneyParseError);
      expect(tryParseMoney(bad)).toBeNull();
    }
    try {
      parseMoney("x");
    } catch (error) {
      expect(error).toBeInstanceOf(MoneyParseError);
      expect((error as MoneyParseError).code).toBe("format");
    }
  });

  it("rejects amounts beyond the safe range (≈ 90 trillion roubles)", () => {
    expect(parseMoney("90071992547409.91")).toBe(MAX_KOPECKS);
    expect(() => parseMoney("90071992547409.92")).toThrow(MoneyParseError);
    try {
      parseMoney("100000000000000");
    } catch (error) {
      expect((error as MoneyParseError).code).toBe("range");
    }
  });
});

describe("formatMoney / formatMoneyRu", () => {
  it("formats the API form and round-trips through parseMoney", () => {
    expect(formatMoney(123450)).toBe("1234.50");
    expect(formatMoney(5)).toBe("0.05");
    expect(formatMoney(-5)).toBe("-0.05");
    expect(formatMoney(0)).toBe("0.00");
    expect(formatMoney(MAX_KOPECKS)).toBe("90071992547409.91");
    for (const k of [0, 1, -1, 99, 100, 123450, -987654321, MAX_KOPECKS, -MAX_KOPECKS]) {
      expect(parseMoney(formatMoney(k))).toBe(k);
    }
  });

  it("formats the Russian form with NBSP groups and a decimal comma", () => {
    expect(formatMoneyRu(123450)).toBe(`1${NBSP}234,50`);
    expect(formatMoneyRu(12200000)).toBe(`122${NBSP}000,00`);
    expect(formatMoneyRu(99)).toBe("0,99");
    expect(formatMoneyRu(-123456789)).toBe(`-1${NBSP}234${NBSP}567,89`);
    expect(parseMoney(formatMoneyRu(-123456789))).toBe(-123456789);
    expect(formatMoneyRu(123456789, { groupSeparator: "\u202f" })).toBe("1\u202f234\u202f567,89");
    expect(formatMoneyRu(123456789, { groupSeparator: " " })).toBe("1 234 567,89");
  });

  it("matches Intl.NumberFormat('ru-RU') grouping", () => {
    const intl = new Intl.NumberFormat("ru-RU", { minimumFractionDigits: 2 }).format(1234567.5);
    expect(formatMoneyRu(123456750)).toBe(intl);
  });

  it("refuses non-integer or unsafe kopecks", () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => formatMoneyRu(Number.NaN)).toThrow(RangeError);
  });
});

describe("mulDiv and decimal helpers", () => {
  it("rounds half away from zero in BigInt", () => {
    expect(mulDiv(5, 1, 2)).toBe(3);
    expect(mulDiv(-5, 1, 2)).toBe(-3);
    expect(mulDiv(4, 1, 3)).toBe(1);
    expect(mulDiv(100000, 22, 122)).toBe(18033);
    expect(divRoundHalfUp(-7n, 2n)).toBe(-4n);
    expect(divRoundHalfUp(7n, -2n)).toBe(-4n);
    expect(() => mulDiv(1, 1, 0)).toThrow(RangeError);
  });

  it("keeps intermediate products beyond 2^53 exact", () => {
    // [calc] 9 007 199 254 740 001·22 exceeds 2^53: the double formula is one kopeck off, BigInt is not.
    expect(mulDiv(9_007_199_254_740_001, 22, 122)).toBe(1_624_249_045_936_721);
    expect(Math.round((9_007_199_254_740_001 * 22) / 122)).toBe(1_624_249_045_936_722);
    expect(mulDiv(MAX_KOPECKS, 3, 3)).toBe(MAX_KOPECKS);
    expect(() => mulDiv(MAX_KOPECKS, 2, 1)).toThrow(RangeError);
  });

  it("sums exactly and guards the range", () => {
    expect(sumKopecks([1, 2, 3])).toBe(6);
    expect(() => sumKopecks([MAX_KOPECKS, 1])).toThrow(RangeError);
  });

  it("parses and formats scaled decimals", () => {
    expect(parseScaledDecimal("12.345", 3)).toBe(12345n);
    expect(parseScaledDecimal("12.3456", 3)).toBeNull();
    expect(parseScaledDecimal("12.3456", 3, { excess: "round" })).toBe(12346n);
    expect(parseScaledDecimal("-0.5", 0, { excess: "round" })).toBe(-1n);
    expect(parseScaledDecimal("1,5", 1)).toBeNull();
    expect(formatScaledDecimal(-5n, 2)).toBe("-0.05");
    expect(formatScaledDecimal(12345n, 3)).toBe("12.345");
    expect(formatScaledDecimal(7n, 0)).toBe("7");
  });
});
