import { describe, expect, it } from "vitest";
import { parseMoney } from "./money";
import {
  documentTotals,
  isVatRate,
  LineInputError,
  lineTotals,
  VAT_RATES,
  vatFromGross,
  vatFromGrossAtPercent,
  vatFromNet,
  vatFromNetAtPercent,
  vatPercent,
} from "./vat";

/** Reference rounding for the tests: exact rational, half away from zero, independent of vat.ts. */
function exactHalfUp(numerator: bigint, denominator: bigint): bigint {
  const q = numerator / denominator;
  return (numerator % denominator) * 2n >= denominator ? q + 1n : q;
}

describe("VAT rates", () => {
  it("lists the 2026 document rates (ru-domain.md §3)", () => {
    expect(VAT_RATES).toEqual(["22", "10", "5", "7", "0", "none"]);
    expect(isVatRate("22")).toBe(true);
    expect(isVatRate("20")).toBe(false);
    expect(vatPercent("none")).toBe(0);
  });
});

describe("vatFromGross / vatFromNet", () => {
  // ru-domain.md §3 Vectors [calc] (gross → VAT).
  it("extracts VAT from 1 000,00 at every rate", () => {
    const gross = parseMoney("1000.00");
    expect(vatFromGross(gross, "22")).toBe(parseMoney("180.33"));
    expect(vatFromGrossAtPercent(gross, 20)).toBe(parseMoney("166.67"));
    expect(vatFromGross(gross, "10")).toBe(parseMoney("90.91"));
    expect(vatFromGross(gross, "5")).toBe(parseMoney("47.62"));
    expect(vatFromGross(gross, "7")).toBe(parseMoney("65.42"));
    expect(vatFromGross(gross, "0")).toBe(0);
    expect(vatFromGross(gross, "none")).toBe(0);
  });

  it("matches the other [calc] vectors", () => {
    expect(vatFromGross(parseMoney("122000.00"), "22")).toBe(parseMoney("22000.00"));
    expect(vatFromGross(parseMoney("99.99"), "22")).toBe(parseMoney("18.03"));
    expect(vatFromNet(parseMoney("1000.00"), "22")).toBe(parseMoney("220.00"));
    expect(vatFromNetAtPercent(parseMoney("1000.00"), 20)).toBe(parseMoney("200.00"));
  });

  it("rounds exact halves up (away from zero)", () => {
    // [calc] 10 kopecks at 5% = 0.5 kopeck → 1; 30 kopecks at 5% = 1.5 → 2; refunds mirror it.
    expect(vatFromNet(10, "5")).toBe(1);
    expect(vatFromNet(30, "5")).toBe(2);
    expect(vatFromNet(-10, "5")).toBe(-1);
    // 61 kopecks gross at 22%: 61·22/122 = 11 exactly.
    expect(vatFromGross(61, "22")).toBe(11);
  });

  it("never goes through a float, even for 99 999 999 999,99 ₽", () => {
    const gross = parseMoney("99 999 999 999,99");
    expect(gross).toBe(9_999_999_999_999);
    // [calc] 9 999 999 999 999·22/122 = 1 803 278 688 524.409… → 1 803 278 688 524 kopecks.
    expect(vatFromGross(gross, "22")).toBe(1_803_278_688_524);
    expect(vatFromGross(gross, "10")).toBe(909_090_909_091);
    expect(vatFromGross(gross, "5")).toBe(476_190_476_190);
    expect(vatFromGross(gross, "7")).toBe(654_205_607_477);
    // A float multiplication by 0.22 is already off here; the integer rule is exact.
    expect(gross * 0.22).not.toBe(2_200_000_000_000);
    expect(vatFromNet(gross, "22")).toBe(2_200_000_000_000);
  });

  it("stays exact where a float formula gives the wrong kopeck", () => {
    // [calc] Near Number.MAX_SAFE_INTEGER, gross·22 exceeds 2^53 and Math.round(g·22/122) is one kopeck off.
    const gross = 9_007_199_254_740_001;
    expect(Math.round((gross * 22) / 122)).toBe(1_624_249_045_936_722);
    expect(vatFromGross(gross, "22")).toBe(1_624_249_045_936_721);
    expect(BigInt(vatFromGross(gross, "22"))).toBe(exactHalfUp(BigInt(gross) * 22n, 122n));
  });

  it("agrees with the exact rational on a sweep of amounts and rates", () => {
    for (let g = 0; g < 20_000; g += 7) {
      for (const p of [22, 20, 10, 7, 5]) {
        expect(BigInt(vatFromGrossAtPercent(g, p))).toBe(exactHalfUp(BigInt(g * p), BigInt(100 + p)));
        expect(BigInt(vatFromNetAtPercent(g, p))).toBe(exactHalfUp(BigInt(g * p), 100n));
      }
    }
  });

  it("rejects non-integer kopecks and odd percents", () => {
    expect(() => vatFromGross(100.5, "22")).toThrow(RangeError);
    expect(() => vatFromGrossAtPercent(100, 22.5)).toThrow(RangeError);
    expect(() => vatFromNetAtPercent(100, -1)).toThrow(RangeError);
  });
});

describe("lineTotals", () => {
  it("extracts VAT from a gross price ([calc] from ru-domain.md §3 vectors)", () => {
    expect(
      lineTotals({
        quantity: "1",
        priceKopecks: 100000,
        discountPercent: "0",
        rate: "22",
        priceIncludesVat: true,
      }),
    ).toEqual({ net: 81967, vat: 18033, gross: 100000, discount: 0 });
  });

  it("adds VAT to a net price", () => {
    expect(
      lineTotals({
        quantity: "1",
        priceKopecks: 100000,
        discountPercent: "0",
        rate: "22",
        priceIncludesVat: false,
      }),
    ).toEqual({ net: 100000, vat: 22000, gross: 122000, discount: 0 });
  });

  it("applies quantity with 3 decimals and the discount before VAT, each rounded half-up", () => {
    // [calc] 2.5 × 333.33 = 833.325 → 833.33; 7.5% discount = 62.49975 → 62.50; base 770.83;
    // VAT on top at 10% = 77.083 → 77.08; gross 847.91.
    expect(
      lineTotals({
        quantity: "2.5",
        priceKopecks: 33333,
        discountPercent: "7.5",
        rate: "10",
        priceIncludesVat: false,
      }),
    ).toEqual({ net: 77083, vat: 7708, gross: 84791, discount: 6250 });
    // [calc] 0,125 kg × 99.99 = 12.49875 → 12.50; VAT inside at 22% = 2.2540… → 2.25.
    expect(
      lineTotals({
        quantity: "0,125",
        priceKopecks: 9999,
        discountPercent: "0",
        rate: "22",
        priceIncludesVat: true,
      }),
    ).toEqual({ net: 1025, vat: 225, gross: 1250, discount: 0 });
  });

  it("charges nothing for 0% and «без НДС»", () => {
    for (const rate of ["0", "none"] as const) {
      expect(
        lineTotals({
          quantity: "3",
          priceKopecks: 1000,
          discountPercent: "100",
          rate,
          priceIncludesVat: true,
        }),
      ).toEqual({ net: 0, vat: 0, gross: 0, discount: 3000 });
    }
  });

  it("rejects malformed quantities and discounts", () => {
    const base = { priceKopecks: 100, rate: "22" as const, priceIncludesVat: true };
    expect(() => lineTotals({ ...base, quantity: "1.2345", discountPercent: "0" })).toThrow(LineInputError);
    expect(() => lineTotals({ ...base, quantity: "-1", discountPercent: "0" })).toThrow(LineInputError);
    expect(() => lineTotals({ ...base, quantity: "1e3", discountPercent: "0" })).toThrow(LineInputError);
    expect(() => lineTotals({ ...base, quantity: "1", discountPercent: "100.01" })).toThrow(LineInputError);
    expect(() => lineTotals({ ...base, quantity: "1", discountPercent: "5.555" })).toThrow(LineInputError);
    expect(() => lineTotals({ ...base, quantity: "1", discountPercent: "0", priceKopecks: 1.5 })).toThrow(
      LineInputError,
    );
  });
});

describe("documentTotals", () => {
  it("sums per-line values and breaks VAT down by rate", () => {
    const totals = documentTotals([
      { quantity: "1", priceKopecks: 100000, discountPercent: "0", rate: "22", priceIncludesVat: true },
      { quantity: "2", priceKopecks: 9999, discountPercent: "0", rate: "22", priceIncludesVat: true },
      { quantity: "1", priceKopecks: 100000, discountPercent: "0", rate: "10", priceIncludesVat: true },
      { quantity: "1", priceKopecks: 5000, discountPercent: "0", rate: "none", priceIncludesVat: true },
    ]);
    // [calc] 2 × 99.99 = 199.98 → VAT 36.06 (per line, not 2 × 18.03 per unit).
    expect(totals.lines[1]).toEqual({ net: 16392, vat: 3606, gross: 19998, discount: 0 });
    expect(totals.count).toBe(4);
    expect(totals.gross).toBe(100000 + 19998 + 100000 + 5000);
    expect(totals.vat).toBe(18033 + 3606 + 9091);
    expect(totals.net + totals.vat).toBe(totals.gross);
    expect(totals.byRate).toEqual([
      { rate: "22", net: 81967 + 16392, vat: 18033 + 3606, gross: 119998 },
      { rate: "10", net: 90909, vat: 9091, gross: 100000 },
      { rate: "none", net: 5000, vat: 0, gross: 5000 },
    ]);
  });

  it("handles an empty document", () => {
    expect(documentTotals([])).toEqual({
      lines: [],
      count: 0,
      net: 0,
      vat: 0,
      gross: 0,
      discount: 0,
      byRate: [],
    });
  });
});
