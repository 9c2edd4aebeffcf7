import { describe, expect, it } from "vitest";
import {
  ALTMAN_Z_WEIGHTS,
  altmanZ,
  altmanZDoublePrime,
  altmanZFromPaperPercent,
  altmanZFromRatios,
  altmanZPrime,
} from "./altman";
import { SYNTHETIC_BALANCE } from "./synthetic-balance";

describe("Altman Z on the synthetic balance (ru-domain.md §4 Vectors [calc])", () => {
  it("Z with book equity and 0.999·X5 = 3.0554 (safe)", () => {
    const r = altmanZ({ current: SYNTHETIC_BALANCE });
    expect(r.value).toBeCloseTo(3.0554, 4);
    expect(r.zone).toBe("safe");
    expect(r.verdict).toBe("safe");
    expect(r.missing).toEqual([]);
    expect(r.flags.x4MarketValue).toBe(false);
    expect(r.thresholds).toEqual({ distressBelow: 1.81, safeAbove: 2.99 });
    const byName = Object.fromEntries(r.factors.map((f) => [f.name, f.value]));
    expect(byName.X1).toBeCloseTo(0.15, 10);
    expect(byName.X2).toBeCloseTo(0.35, 10);
    expect(byName.X3).toBeCloseTo(0.12, 10);
    expect(byName.X4).toBeCloseTo(45 / 55, 10);
    expect(byName.X5).toBeCloseTo(1.5, 10);
    expect(r.inputs["1600"]).toBe(100_000);
  });

  it("Z′ = 2.6175 (grey) and Z″ = 3.7905 (safe)", () => {
    const zp = altmanZPrime({ current: SYNTHETIC_BALANCE });
    expect(zp.value).toBeCloseTo(2.6175, 4);
    expect(zp.zone).toBe("grey");
    const zpp = altmanZDoublePrime({ current: SYNTHETIC_BALANCE });
    expect(zpp.value).toBeCloseTo(3.7905, 4);
    expect(zpp.zone).toBe("safe");
    expect(zpp.factors).toHaveLength(4);
  });

  it("uses market equity for X4 when given", () => {
    // [calc] X4 = 110 000 / 55 000 = 2 → Z = 3.0554 + 0.6·(2 − 45/55).
    const r = altmanZ({ current: SYNTHETIC_BALANCE, marketEquity: 110_000 });
    expect(r.flags.x4MarketValue).toBe(true);
    expect(r.value).toBeCloseTo(3.055409 + 0.6 * (2 - 45 / 55), 5);
    expect(
      altmanZ({ current: SYNTHETIC_BALANCE, marketEquity: 110_000 }, { equity: "book" }).value,
    ).toBeCloseTo(3.0554, 4);
    const noMarket = altmanZ({ current: SYNTHETIC_BALANCE }, { equity: "market" });
    expect(noMarket.value).toBeNull();
    expect(noMarket.missing).toEqual(["marketEquity"]);
  });

  it("returns null with the missing codes instead of NaN", () => {
    const { "1370": _dropped, "2330": _dropped2, ...partial } = SYNTHETIC_BALANCE;
    const r = altmanZ({ current: partial });
    expect(r.value).toBeNull();
    expect(r.zone).toBeNull();
    expect(r.verdict).toBeNull();
    expect(r.missing.sort()).toEqual(["1370", "2330"]);
    expect(r.zeroDenominators).toEqual([]);
    expect(r.factors.every((f) => f.value === null)).toBe(true);
  });

  it("returns null and names the ratio when a denominator is zero", () => {
    const r = altmanZ({ current: { ...SYNTHETIC_BALANCE, "1400": 0, "1500": 0 } });
    expect(r.value).toBeNull();
    expect(r.missing).toEqual([]);
    expect(r.zeroDenominators).toEqual(["X4"]);
  });

  it("treats expense lines by magnitude whatever their sign", () => {
    const r = altmanZ({ current: { ...SYNTHETIC_BALANCE, "2330": -2_000 } });
    expect(r.value).toBeCloseTo(3.0554, 4);
  });
});

describe("Altman 1968 group means ([ext] Altman's 1968 group means, ru-domain.md §4)", () => {
  const bankrupt = { x1: -0.061, x2: -0.626, x3: -0.318, x4: 0.401, x5: 1.5 };
  const healthy = { x1: 0.414, x2: 0.355, x3: 0.153, x4: 2.477, x5: 1.9 };

  it("fraction form with weights 1.2/1.4/3.3/0.6/0.999", () => {
    expect(ALTMAN_Z_WEIGHTS).toEqual({ x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 0.999 });
    expect(altmanZFromRatios(bankrupt)).toBeCloseTo(-0.26, 2);
    expect(altmanZFromRatios(healthy)).toBeCloseTo(4.883, 3);
  });

  it("the paper's percent form gives the same Z; mixing the forms is ~100× off", () => {
    const pct = (r: typeof healthy) => ({
      x1: r.x1 * 100,
      x2: r.x2 * 100,
      x3: r.x3 * 100,
      x4: r.x4 * 100,
      x5: r.x5,
    });
    expect(altmanZFromPaperPercent(pct(bankrupt))).toBeCloseTo(altmanZFromRatios(bankrupt), 10);
    expect(altmanZFromPaperPercent(pct(healthy))).toBeCloseTo(4.883, 3);
    // Fraction weights on percent inputs (X5 also in percent, 190%) scale Z exactly 100×.
    const wrong = altmanZFromRatios({ ...pct(healthy), x5: healthy.x5 * 100 });
    expect(wrong).toBeCloseTo(488.3, 1);
    expect(wrong / altmanZFromRatios(healthy)).toBeCloseTo(100, 6);
  });
});
