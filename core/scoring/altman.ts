/**
 * Altman Z-score family over RAS line codes. Reference: ru-domain.md §4 "Financial models".
 *
 * Sources:
 * - Z (1968): E. I. Altman, "Financial Ratios, Discriminant Analysis and the Prediction of
 *   Corporate Bankruptcy", Journal of Finance 23(4), 1968. Weights and zones as confirmed at
 *   probsee.com/p/Altman_Z-score. The paper prints .012/.014/.033/.006/.999 because X1–X4 are
 *   entered in percent and X5 as a multiple; in fraction form that is 1.2/1.4/3.3/0.6/0.999.
 * - Z′ (private firms) and Z″ (non-manufacturers): Altman, "Corporate Financial Distress and
 *   Bankruptcy" (1983/1993 editions). Marked *(unverified)* in the reference.
 *
 * RAS mapping: working capital = 1200 − 1500, retained earnings = 1370, EBIT = 2300 + 2330
 * (profit before tax plus interest payable), sales = 2110, total assets = 1600,
 * total liabilities = 1400 + 1500, book equity = 1300.
 */

import {
  type FactorValue,
  LineReader,
  linearModelResult,
  type ScoringInput,
  type ScoringResult,
  type Zone,
} from "./model-result";

/** The five Altman ratios. */
export interface AltmanRatios {
  x1: number;
  x2: number;
  x3: number;
  x4: number;
  x5: number;
}

/** Fraction-form weights of the 1968 model; X5 keeps the paper's 0.999. */
export const ALTMAN_Z_WEIGHTS: Readonly<AltmanRatios> = { x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 0.999 };

/** The paper's printed weights, for X1–X4 in percent (e.g. 41.4) and X5 as a multiple (1.90). */
export const ALTMAN_Z_PAPER_PERCENT_WEIGHTS: Readonly<AltmanRatios> = {
  x1: 0.012,
  x2: 0.014,
  x3: 0.033,
  x4: 0.006,
  x5: 0.999,
};

function weighted(r: AltmanRatios, w: Readonly<AltmanRatios>): number {
  return w.x1 * r.x1 + w.x2 * r.x2 + w.x3 * r.x3 + w.x4 * r.x4 + w.x5 * r.x5;
}

/** Z from ratios given as fractions (X1 = 0.414, X5 = 1.90). */
export function altmanZFromRatios(ratios: AltmanRatios): number {
  return weighted(ratios, ALTMAN_Z_WEIGHTS);
}

/**
 * Z from ratios in the paper's form: X1–X4 in percent (41.4), X5 as a multiple (1.90). Gives the
 * same Z as altmanZFromRatios on the fraction form; mixing the two forms is off by about 100×.
 */
export function altmanZFromPaperPercent(ratios: AltmanRatios): number {
  return weighted(ratios, ALTMAN_Z_PAPER_PERCENT_WEIGHTS);
}

function zoneClassifier(
  distressBelow: number,
  safeAbove: number,
): (value: number) => { zone: Zone; verdict: Zone } {
  return (value) => {
    const zone: Zone = value < distressBelow ? "distress" : value > safeAbove ? "safe" : "grey";
    return { zone, verdict: zone };
  };
}

/** X1, X2, X3, X5 and the book-equity X4 shared by all three variants. */
function commonRatios(r: LineReader) {
  const assets = r.line("1600");
  const liabilities = r.line("1400") + r.line("1500");
  return {
    x1: r.ratio("X1", r.line("1200") - r.line("1500"), assets),
    x2: r.ratio("X2", r.line("1370"), assets),
    x3: r.ratio("X3", r.line("2300") + r.line("2330"), assets),
    x4Book: r.ratio("X4", r.line("1300"), liabilities),
    x5: r.ratio("X5", r.line("2110"), assets),
    liabilities,
  };
}

export interface AltmanZOptions {
  /**
   * Basis of X4. "auto" (default) uses marketEquity when given, otherwise book equity 1300, the
   * usual substitute for non-listed Russian companies. "market" requires marketEquity.
   */
  equity?: "auto" | "book" | "market";
}

/** Altman Z (1968): 1.2X1 + 1.4X2 + 3.3X3 + 0.6X4 + 0.999X5; distress < 1.81, safe > 2.99. */
export function altmanZ(input: ScoringInput, options: AltmanZOptions = {}): ScoringResult<Zone> {
  const r = new LineReader(input.current, input.previous);
  const c = commonRatios(r);
  const basis = options.equity ?? "auto";
  const hasMarket = typeof input.marketEquity === "number" && Number.isFinite(input.marketEquity);
  const useMarket = basis === "market" || (basis === "auto" && hasMarket);
  let x4 = c.x4Book;
  if (useMarket) {
    if (hasMarket) {
      r.inputs.marketEquity = input.marketEquity as number;
      x4 = r.ratio("X4", input.marketEquity as number, c.liabilities);
    } else {
      r.missing.push("marketEquity");
    }
  }
  const w = ALTMAN_Z_WEIGHTS;
  const factors: FactorValue[] = [
    { name: "X1", formula: "(1200-1500)/1600", weight: w.x1, value: c.x1 },
    { name: "X2", formula: "1370/1600", weight: w.x2, value: c.x2 },
    { name: "X3", formula: "(2300+2330)/1600", weight: w.x3, value: c.x3 },
    {
      name: "X4",
      formula: useMarket ? "marketEquity/(1400+1500)" : "1300/(1400+1500)",
      weight: w.x4,
      value: x4,
    },
    { name: "X5", formula: "2110/1600", weight: w.x5, value: c.x5 },
  ];
  return linearModelResult({
    model: "altman-z",
    reader: r,
    factors,
    thresholds: { distressBelow: 1.81, safeAbove: 2.99 },
    classify: zoneClassifier(1.81, 2.99),
    flags: { x4MarketValue: useMarket },
  });
}

/** Altman Z′ for private firms: 0.717X1 + 0.847X2 + 3.107X3 + 0.420X4 + 0.998X5; zones 1.23 / 2.90. */
export function altmanZPrime(input: ScoringInput): ScoringResult<Zone> {
  const r = new LineReader(input.current, input.previous);
  const c = commonRatios(r);
  const factors: FactorValue[] = [
    { name: "X1", formula: "(1200-1500)/1600", weight: 0.717, value: c.x1 },
    { name: "X2", formula: "1370/1600", weight: 0.847, value: c.x2 },
    { name: "X3", formula: "(2300+2330)/1600", weight: 3.107, value: c.x3 },
    { name: "X4", formula: "1300/(1400+1500)", weight: 0.42, value: c.x4Book },
    { name: "X5", formula: "2110/1600", weight: 0.998, value: c.x5 },
  ];
  return linearModelResult({
    model: "altman-z-prime",
    reader: r,
    factors,
    thresholds: { distressBelow: 1.23, safeAbove: 2.9 },
    classify: zoneClassifier(1.23, 2.9),
  });
}

/**
 * Altman Z″ for non-manufacturers: 6.56X1 + 3.26X2 + 6.72X3 + 1.05X4 (no sales ratio, so it does
 * not penalise asset-heavy service firms); zones 1.10 / 2.60.
 */
export function altmanZDoublePrime(input: ScoringInput): ScoringResult<Zone> {
  const r = new LineReader(input.current, input.previous);
  const assets = r.line("1600");
  const factors: FactorValue[] = [
    {
      name: "X1",
      formula: "(1200-1500)/1600",
      weight: 6.56,
      value: r.ratio("X1", r.line("1200") - r.line("1500"), assets),
    },
    { name: "X2", formula: "1370/1600", weight: 3.26, value: r.ratio("X2", r.line("1370"), assets) },
    {
      name: "X3",
      formula: "(2300+2330)/1600",
      weight: 6.72,
      value: r.ratio("X3", r.line("2300") + r.line("2330"), assets),
    },
    {
      name: "X4",
      formula: "1300/(1400+1500)",
      weight: 1.05,
      value: r.ratio("X4", r.line("1300"), r.line("1400") + r.line("1500")),
    },
  ];
  return linearModelResult({
    model: "altman-z-double-prime",
    reader: r,
    factors,
    thresholds: { distressBelow: 1.1, safeAbove: 2.6 },
    classify: zoneClassifier(1.1, 2.6),
  });
}
