import { describe, expect, it } from "vitest";
import { scoreAllModels } from "./index";
import { IGEA_PROBABILITY, igea, saifullinKadykov, taffler, zaitseva } from "./russian-models";
import { SYNTHETIC_BALANCE } from "./synthetic-balance";

// Vectors: ru-domain.md §4 "Synthetic balance, thousands of ₽ [calc]" unless a case says otherwise.
const input = { current: SYNTHETIC_BALANCE };

describe("Taffler", () => {
  it("T = 0.5806, low risk", () => {
    const r = taffler(input);
    expect(r.value).toBeCloseTo(0.5806, 4);
    expect(r.verdict).toBe("low_risk");
    expect(r.zone).toBe("safe");
  });

  it("classifies the grey band between 0.2 and 0.3 ([calc] from the thresholds)", () => {
    // With 2300 = 0: T = 0.13·60/55 + 0.18·0.45 + 0.16·2110/100 000 = 0.222818 + 0.0272 for 2110 = 17 000.
    const r = taffler({ current: { ...SYNTHETIC_BALANCE, "2300": 0, "2110": 17_000 } });
    expect(r.value).toBeCloseTo(0.250018, 6);
    expect(r.verdict).toBe("uncertain");
    expect(r.zone).toBe("grey");
  });
});

describe("Saifullin–Kadykov", () => {
  it("R = 0.6338, unsatisfactory", () => {
    const r = saifullinKadykov(input);
    expect(r.value).toBeCloseTo(0.6338, 4);
    expect(r.verdict).toBe("unsatisfactory");
    expect(r.zone).toBe("distress");
    expect(r.flags.averageAssetsFromCurrentYear).toBe(true);
  });

  it("averages 1600 over two years for Ки when the previous year is given", () => {
    // [calc] avg(100 000, 50 000) = 75 000 → Ки = 2; R rises by 0.08·(2 − 1.5) = 0.04.
    const r = saifullinKadykov({ current: SYNTHETIC_BALANCE, previous: { "1600": 50_000 } });
    expect(r.flags.averageAssetsFromCurrentYear).toBe(false);
    expect(r.factors.find((f) => f.name === "Ки")?.value).toBeCloseTo(2, 10);
    expect(r.value).toBeCloseTo(0.6338 + 0.04, 4);
    expect(r.inputs["prev:1600"]).toBe(50_000);
  });
});

describe("Zaitseva", () => {
  it("K = 1.2089 against Kнорм = 1.6367, low risk, norm flagged as from the current year", () => {
    const r = zaitseva(input);
    expect(r.value).toBeCloseTo(1.2089, 4);
    expect(r.thresholds.norm).toBeCloseTo(1.6367, 4);
    expect(r.verdict).toBe("low_risk");
    expect(r.zone).toBe("safe");
    expect(r.flags.normFromCurrentYear).toBe(true);
  });

  it("uses the previous year's Кзаг for the norm when available", () => {
    // [calc] previous Кзаг = 120 000 / 100 000 = 1.2 → Kнорм = 1.57 + 0.12 = 1.69.
    const r = zaitseva({ current: SYNTHETIC_BALANCE, previous: { "1600": 120_000, "2110": 100_000 } });
    expect(r.thresholds.norm).toBeCloseTo(1.69, 10);
    expect(r.flags.normFromCurrentYear).toBe(false);
    expect(r.value).toBeCloseTo(1.2089, 4);
  });

  it("counts a net loss in Куп and Кур", () => {
    // [calc] loss 9 000: Куп = 0.2, Кур = 0.06 → K = 1.208889 + 0.25·0.2 + 0.25·0.06 = 1.273889.
    const r = zaitseva({ current: { ...SYNTHETIC_BALANCE, "2400": -9_000 } });
    expect(r.value).toBeCloseTo(1.273889, 6);
  });

  it("flags high risk above the norm", () => {
    // [calc] Кс = 45 000 / 1 000 = 45 → K far above 1.6367.
    const r = zaitseva({ current: { ...SYNTHETIC_BALANCE, "1240": 500, "1250": 500 } });
    expect(r.verdict).toBe("high_risk");
    expect(r.zone).toBe("distress");
  });
});

describe("IGEA (Давыдова–Беликов)", () => {
  it("R = 1.5523 with the default net-working-capital K1, minimal risk", () => {
    const r = igea(input);
    expect(r.value).toBeCloseTo(1.5523, 4);
    expect(r.verdict).toBe("minimal");
    expect(r.zone).toBe("safe");
    expect(IGEA_PROBABILITY.minimal).toEqual({ min: 0, max: 10 });
    expect(r.factors.find((f) => f.name === "K1")?.formula).toBe("(1200-1500)/1600");
  });

  it("K1 can use all current assets ([calc] K1 = 0.6 → R = 1.5523 + 8.38·0.45)", () => {
    const r = igea(input, { k1: "currentAssets" });
    expect(r.value).toBeCloseTo(1.5523 + 8.38 * 0.45, 4);
    expect(r.flags.k1CurrentAssets).toBe(true);
  });

  it("maps R to the probability bands ([calc] R tuned through K1 via 1500)", () => {
    // R = 8.38·(60 000 − L)/100 000 + rest, where L = line 1500 and rest = K2 + 0.054·K3 + 0.63·K4 does
    // not involve 1500; solving for L puts R inside each band.
    const rest = 8_000 / 45_000 + 0.054 * 1.5 + (0.63 * 8_000) / 138_000;
    const withL = (l: number) => igea({ current: { ...SYNTHETIC_BALANCE, "1500": l } });
    const lFor = (target: number) => 60_000 - ((target - rest) * 100_000) / 8.38;
    expect(withL(lFor(-0.05)).verdict).toBe("maximal");
    expect(withL(lFor(0.1)).verdict).toBe("high");
    expect(withL(lFor(0.25)).verdict).toBe("medium");
    expect(withL(lFor(0.25)).zone).toBe("grey");
    expect(withL(lFor(0.4)).verdict).toBe("low");
    expect(withL(lFor(0.5)).verdict).toBe("minimal");
  });

  it("returns null with missing codes", () => {
    const { "2220": _gone, ...partial } = SYNTHETIC_BALANCE;
    const r = igea({ current: partial });
    expect(r.value).toBeNull();
    expect(r.missing).toEqual(["2220"]);
  });
});

describe("scoreAllModels", () => {
  it("runs every model; none yields NaN on an empty statement", () => {
    const all = scoreAllModels({ current: {} });
    expect(all.map((r) => r.model)).toEqual([
      "altman-z",
      "altman-z-prime",
      "altman-z-double-prime",
      "taffler",
      "saifullin-kadykov",
      "zaitseva",
      "igea",
    ]);
    for (const r of all) {
      expect(r.value).toBeNull();
      expect(r.missing.length).toBeGreaterThan(0);
      expect(r.zeroDenominators).toEqual([]);
      for (const f of r.factors) expect(f.value).toBeNull();
    }
  });

  it("gives the documented values on the synthetic balance", () => {
    const values = Object.fromEntries(scoreAllModels(input).map((r) => [r.model, r.value]));
    expect(values["altman-z"]).toBeCloseTo(3.0554, 4);
    expect(values["altman-z-prime"]).toBeCloseTo(2.6175, 4);
    expect(values["altman-z-double-prime"]).toBeCloseTo(3.7905, 4);
    expect(values.taffler).toBeCloseTo(0.5806, 4);
    expect(values["saifullin-kadykov"]).toBeCloseTo(0.6338, 4);
    expect(values.zaitseva).toBeCloseTo(1.2089, 4);
    expect(values.igea).toBeCloseTo(1.5523, 4);
  });
});
