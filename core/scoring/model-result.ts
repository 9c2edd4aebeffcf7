/**
 * Shared shapes and plumbing for the bankruptcy-risk models over RAS (РСБУ) line codes.
 *
 * Inputs are thousands of roubles as plain numbers: the models produce ratios, so float is fine
 * here (unlike money). A missing line never turns into NaN: the model reports value null and
 * lists the missing codes, so the UI can say what to fill in instead of showing a bogus score.
 */

/** Line code → value, e.g. { "1600": 100000, "2110": 150000 }. null/undefined/NaN count as missing. */
export type FinancialLines = Readonly<Partial<Record<string, number | null>>>;

export interface ScoringInput {
  /** Reporting year. */
  current: FinancialLines;
  /** Previous year, for averages (Saifullin–Kadykov Ки) and Zaitseva's norm. */
  previous?: FinancialLines;
  /** Market value of equity in the same units, for Altman Z X4 of listed companies. */
  marketEquity?: number;
}

export type Zone = "safe" | "grey" | "distress";

export type ScoringModelId =
  | "altman-z"
  | "altman-z-prime"
  | "altman-z-double-prime"
  | "taffler"
  | "saifullin-kadykov"
  | "zaitseva"
  | "igea";

export interface ScoringFactor {
  /** Short name as in the literature: "X1", "Ко", "K4". */
  name: string;
  /** Formula over line codes, for the explanation panel. */
  formula: string;
  weight: number;
  /** null when an input is missing or the denominator is zero. */
  value: number | null;
}

export interface ScoringResult<Verdict extends string = string> {
  model: ScoringModelId;
  value: number | null;
  /** Common traffic-light zone so models can be shown side by side; null when value is null. */
  zone: Zone | null;
  /** Model-specific verdict code (the UI maps it to ru/en text); null when value is null. */
  verdict: Verdict | null;
  /** Cut-offs used for the verdict, named by meaning. */
  thresholds: Readonly<Record<string, number>>;
  factors: ScoringFactor[];
  /** Every line value the model read, keyed by code ("1600", "prev:1600"), for the explanation. */
  inputs: Record<string, number>;
  /** Line codes that were needed but absent. */
  missing: string[];
  /** Factors whose denominator was zero. */
  zeroDenominators: string[];
  /** Model-specific notes such as normFromCurrentYear or x4Basis-book. */
  flags: Record<string, boolean>;
}

/**
 * Expense lines that RAS prints in parentheses. Sources disagree on their sign (ГИР БО exports
 * them positive, some accounting exports negative), so the magnitude is used.
 */
const EXPENSE_LINES = new Set(["2120", "2210", "2220", "2330"]);

/** Collects line values, missing codes and zero denominators while a model is evaluated. */
export class LineReader {
  readonly inputs: Record<string, number> = {};
  readonly missing: string[] = [];
  readonly zeroDenominators: string[] = [];

  constructor(
    private readonly current: FinancialLines,
    private readonly previous?: FinancialLines,
  ) {}

  /**
   * A current-year line. When absent it is recorded as missing and NaN is returned as a poison
   * value: it flows through the arithmetic, `ratio` turns it into null, and it never leaves here.
   */
  line(code: string): number {
    const v = this.current[code];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      if (!this.missing.includes(code)) this.missing.push(code);
      return Number.NaN;
    }
    const value = EXPENSE_LINES.has(code) ? Math.abs(v) : v;
    this.inputs[code] = value;
    return value;
  }

  /** A previous-year line, or null when there is no previous year or the line is absent. */
  previousLine(code: string): number | null {
    const v = this.previous?.[code];
    if (typeof v !== "number" || !Number.isFinite(v)) return null;
    const value = EXPENSE_LINES.has(code) ? Math.abs(v) : v;
    this.inputs[`prev:${code}`] = value;
    return value;
  }

  /**
   * numerator/denominator; null when an operand came from a missing line, or (recorded under
   * `name`) when the denominator is zero.
   */
  ratio(name: string, numerator: number, denominator: number): number | null {
    if (Number.isNaN(numerator) || Number.isNaN(denominator)) return null;
    if (denominator === 0) {
      if (!this.zeroDenominators.includes(name)) this.zeroDenominators.push(name);
      return null;
    }
    return numerator / denominator;
  }
}

export interface FactorValue {
  name: string;
  formula: string;
  weight: number;
  value: number | null;
}

/**
 * Assembles a linear model Σ weight·factor. The score is null, never NaN, as soon as a line is
 * missing or a ratio is undefined; `classify` is only called for a real number.
 */
export function linearModelResult<Verdict extends string>(args: {
  model: ScoringModelId;
  reader: LineReader;
  factors: FactorValue[];
  thresholds: Readonly<Record<string, number>>;
  classify: (value: number) => { zone: Zone; verdict: Verdict };
  flags?: Record<string, boolean>;
}): ScoringResult<Verdict> {
  const { model, reader, thresholds } = args;
  const complete =
    reader.missing.length === 0 && args.factors.every((f) => f.value !== null && Number.isFinite(f.value));
  const factors = args.factors.map((f) => ({ ...f, value: complete ? f.value : null }));
  let value: number | null = null;
  if (complete) {
    value = 0;
    for (const f of factors) value += f.weight * (f.value ?? 0);
  }
  const classified = value === null ? null : args.classify(value);
  return {
    model,
    value,
    zone: classified?.zone ?? null,
    verdict: classified?.verdict ?? null,
    thresholds,
    factors,
    inputs: reader.inputs,
    missing: [...reader.missing],
    zeroDenominators: [...reader.zeroDenominators],
    flags: args.flags ?? {},
  };
}
