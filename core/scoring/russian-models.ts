/**
 * Bankruptcy models common in Russian practice, over RAS line codes. Formulas and cut-offs follow
 * ru-domain.md §4, where all of them are marked *(unverified)*; the literature varies, so every
 * result carries its factors and thresholds for the explanation panel.
 *
 * Sources:
 * - Taffler & Tisshaw (1977), four-factor model in its common Russian adaptation.
 * - Р. С. Сайфуллин, Г. Г. Кадыков, «Финансовый анализ», rating R with five coefficients.
 * - О. К. Зайцева, six-factor model with the norm Kнорм = 1.57 + 0.1·Кзаг(previous year).
 * - ИГЭА (Иркутская государственная экономическая академия), Г. В. Давыдова, А. Ю. Беликов, 1998:
 *   the "Irkutsk" and "Davydova–Belikov" models are the same four-factor model.
 */

import {
  type FactorValue,
  LineReader,
  linearModelResult,
  type ScoringInput,
  type ScoringResult,
  type Zone,
} from "./model-result";

export type TafflerVerdict = "low_risk" | "uncertain" | "high_risk";

/**
 * Taffler: 0.53·2300/1500 + 0.13·1200/(1400+1500) + 0.18·1500/1600 + 0.16·2110/1600.
 * T > 0.3 low risk, T < 0.2 high risk, in between uncertain.
 */
export function taffler(input: ScoringInput): ScoringResult<TafflerVerdict> {
  const r = new LineReader(input.current, input.previous);
  const assets = r.line("1600");
  const currentLiabilities = r.line("1500");
  const factors: FactorValue[] = [
    {
      name: "X1",
      formula: "2300/1500",
      weight: 0.53,
      value: r.ratio("X1", r.line("2300"), currentLiabilities),
    },
    {
      name: "X2",
      formula: "1200/(1400+1500)",
      weight: 0.13,
      value: r.ratio("X2", r.line("1200"), r.line("1400") + currentLiabilities),
    },
    { name: "X3", formula: "1500/1600", weight: 0.18, value: r.ratio("X3", currentLiabilities, assets) },
    { name: "X4", formula: "2110/1600", weight: 0.16, value: r.ratio("X4", r.line("2110"), assets) },
  ];
  return linearModelResult({
    model: "taffler",
    reader: r,
    factors,
    thresholds: { highRiskBelow: 0.2, lowRiskAbove: 0.3 },
    classify: (t) =>
      t > 0.3
        ? { zone: "safe", verdict: "low_risk" }
        : t < 0.2
          ? { zone: "distress", verdict: "high_risk" }
          : { zone: "grey", verdict: "uncertain" },
  });
}

export type SaifullinKadykovVerdict = "satisfactory" | "unsatisfactory";

/**
 * Saifullin–Kadykov: R = 2Ко + 0.1Ктл + 0.08Ки + 0.45Км + Кпр; R < 1 is unsatisfactory.
 * Ки uses the average of 1600 over both years when the previous year is given; otherwise the
 * current 1600 and the flag averageAssetsFromCurrentYear.
 */
export function saifullinKadykov(input: ScoringInput): ScoringResult<SaifullinKadykovVerdict> {
  const r = new LineReader(input.current, input.previous);
  const equity = r.line("1300");
  const currentAssets = r.line("1200");
  const sales = r.line("2110");
  const assets = r.line("1600");
  const previousAssets = r.previousLine("1600");
  const averageAssets = previousAssets === null ? assets : (assets + previousAssets) / 2;
  const factors: FactorValue[] = [
    {
      name: "Ко",
      formula: "(1300-1100)/1200",
      weight: 2,
      value: r.ratio("Ко", equity - r.line("1100"), currentAssets),
    },
    { name: "Ктл", formula: "1200/1500", weight: 0.1, value: r.ratio("Ктл", currentAssets, r.line("1500")) },
    {
      name: "Ки",
      formula: previousAssets === null ? "2110/1600" : "2110/avg(1600, prev:1600)",
      weight: 0.08,
      value: r.ratio("Ки", sales, averageAssets),
    },
    { name: "Км", formula: "2200/2110", weight: 0.45, value: r.ratio("Км", r.line("2200"), sales) },
    { name: "Кпр", formula: "2400/1300", weight: 1, value: r.ratio("Кпр", r.line("2400"), equity) },
  ];
  return linearModelResult({
    model: "saifullin-kadykov",
    reader: r,
    factors,
    thresholds: { satisfactoryFrom: 1 },
    classify: (v) =>
      v < 1 ? { zone: "distress", verdict: "unsatisfactory" } : { zone: "safe", verdict: "satisfactory" },
    flags: { averageAssetsFromCurrentYear: previousAssets === null },
  });
}

export type ZaitsevaVerdict = "low_risk" | "high_risk";

/** Kнорм = 1.57 + 0.1·Кзаг, where Кзаг = 1600/2110. */
const ZAITSEVA_NORM_BASE = 1.57;
const ZAITSEVA_NORM_WEIGHT = 0.1;

/**
 * Zaitseva: K = 0.25Куп + 0.1Кз + 0.2Кс + 0.25Кур + 0.1Кфр + 0.1Кзаг; K > Kнорм is high risk.
 * Net loss = −2400 when 2400 is negative, else 0. Кз = 1520/1230 exactly as in the reference
 * (payables over receivables). The norm uses the previous year's Кзаг; without it, this year's
 * Кзаг is used and flagged normFromCurrentYear.
 */
export function zaitseva(input: ScoringInput): ScoringResult<ZaitsevaVerdict> {
  const r = new LineReader(input.current, input.previous);
  const net = r.line("2400");
  const loss = net < 0 ? -net : Number.isNaN(net) ? Number.NaN : 0;
  const equity = r.line("1300");
  const sales = r.line("2110");
  const currentLiabilities = r.line("1500");
  const kzag = r.ratio("Кзаг", r.line("1600"), sales);

  const prevAssets = r.previousLine("1600");
  const prevSales = r.previousLine("2110");
  const prevKzag =
    prevAssets !== null && prevSales !== null && prevSales !== 0 ? prevAssets / prevSales : null;
  const normBasis = prevKzag ?? kzag;
  const norm = normBasis === null ? null : ZAITSEVA_NORM_BASE + ZAITSEVA_NORM_WEIGHT * normBasis;

  const factors: FactorValue[] = [
    { name: "Куп", formula: "loss(2400)/1300", weight: 0.25, value: r.ratio("Куп", loss, equity) },
    { name: "Кз", formula: "1520/1230", weight: 0.1, value: r.ratio("Кз", r.line("1520"), r.line("1230")) },
    {
      name: "Кс",
      formula: "1500/(1240+1250)",
      weight: 0.2,
      value: r.ratio("Кс", currentLiabilities, r.line("1240") + r.line("1250")),
    },
    { name: "Кур", formula: "loss(2400)/2110", weight: 0.25, value: r.ratio("Кур", loss, sales) },
    {
      name: "Кфр",
      formula: "(1400+1500)/1300",
      weight: 0.1,
      value: r.ratio("Кфр", r.line("1400") + currentLiabilities, equity),
    },
    { name: "Кзаг", formula: "1600/2110", weight: 0.1, value: kzag },
  ];
  return linearModelResult({
    model: "zaitseva",
    reader: r,
    factors,
    thresholds: norm === null ? {} : { norm },
    classify: (k) =>
      norm !== null && k > norm
        ? { zone: "distress", verdict: "high_risk" }
        : { zone: "safe", verdict: "low_risk" },
    flags: { normFromCurrentYear: prevKzag === null },
  });
}

/** Bankruptcy probability bands of the IGEA model, from highest risk to lowest. */
export type IgeaVerdict = "maximal" | "high" | "medium" | "low" | "minimal";

/** Probability of bankruptcy in percent per band, as published with the model. */
export const IGEA_PROBABILITY: Readonly<Record<IgeaVerdict, { min: number; max: number }>> = {
  maximal: { min: 90, max: 100 },
  high: { min: 60, max: 80 },
  medium: { min: 35, max: 50 },
  low: { min: 15, max: 20 },
  minimal: { min: 0, max: 10 },
};

export interface IgeaOptions {
  /**
   * K1 numerator. Sources differ: "netWorkingCapital" (default) = (1200−1500)/1600;
   * "currentAssets" = 1200/1600, which rates almost every company «minimal».
   */
  k1?: "netWorkingCapital" | "currentAssets";
}

/**
 * IGEA (Давыдова–Беликов): R = 8.38K1 + K2 + 0.054K3 + 0.63K4, with K2 = 2400/1300,
 * K3 = 2110/1600, K4 = 2400/(2120+2210+2220). Bands: R < 0 maximal; 0 ≤ R < 0.18 high;
 * 0.18 ≤ R < 0.32 medium; 0.32 ≤ R ≤ 0.42 low; R > 0.42 minimal.
 */
export function igea(input: ScoringInput, options: IgeaOptions = {}): ScoringResult<IgeaVerdict> {
  const r = new LineReader(input.current, input.previous);
  const k1Basis = options.k1 ?? "netWorkingCapital";
  const assets = r.line("1600");
  const net = r.line("2400");
  const k1Numerator = k1Basis === "currentAssets" ? r.line("1200") : r.line("1200") - r.line("1500");
  const factors: FactorValue[] = [
    {
      name: "K1",
      formula: k1Basis === "currentAssets" ? "1200/1600" : "(1200-1500)/1600",
      weight: 8.38,
      value: r.ratio("K1", k1Numerator, assets),
    },
    { name: "K2", formula: "2400/1300", weight: 1, value: r.ratio("K2", net, r.line("1300")) },
    { name: "K3", formula: "2110/1600", weight: 0.054, value: r.ratio("K3", r.line("2110"), assets) },
    {
      name: "K4",
      formula: "2400/(2120+2210+2220)",
      weight: 0.63,
      value: r.ratio("K4", net, r.line("2120") + r.line("2210") + r.line("2220")),
    },
  ];
  return linearModelResult({
    model: "igea",
    reader: r,
    factors,
    thresholds: { maximalBelow: 0, highBelow: 0.18, mediumBelow: 0.32, lowUpTo: 0.42 },
    classify: classifyIgea,
    flags: { k1CurrentAssets: k1Basis === "currentAssets" },
  });
}

function classifyIgea(v: number): { zone: Zone; verdict: IgeaVerdict } {
  if (v < 0) return { zone: "distress", verdict: "maximal" };
  if (v < 0.18) return { zone: "distress", verdict: "high" };
  if (v < 0.32) return { zone: "grey", verdict: "medium" };
  if (v <= 0.42) return { zone: "safe", verdict: "low" };
  return { zone: "safe", verdict: "minimal" };
}
