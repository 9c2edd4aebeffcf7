/**
 * The reliability grade and the recommended credit limit: a documented, configurable rule
 * (docs/reliability.md). Each factor is scored 0–100 or is unknown; the score is the weighted
 * mean of the known factors (weights renormalised), so a missing source lowers confidence, not
 * the grade. A registry status of liquidation or bankruptcy is a stop factor: grade D whatever
 * the rest says.
 */

import { divRoundHalfUp, parseScaledDecimal } from "../decimal";
import type { ScoringResult, Zone } from "../scoring";
import type { PaymentDiscipline } from "./discipline";

export type Grade = "A" | "B" | "C" | "D";
export type RegistryStatus = "ACTIVE" | "LIQUIDATING" | "LIQUIDATED" | "BANKRUPT" | "REORGANIZING";
export type FactorId = "registry" | "age" | "models" | "payment";

export interface GradeSettings {
  weights: Record<FactorId, number>;
  /** Lowest score of each grade; below C is D. */
  thresholds: { A: number; B: number; C: number };
  limit: {
    /** Share of annual revenue (2110) a client may owe, decimal string: "0.05" = about 2.5 weeks. */
    revenueShare: string;
    /** Share of equity (1300): never lend beyond what the owners stand behind. */
    equityShare: string;
    /** Months of the last year's average invoicing, when there are no statements. */
    historyMonths: string;
    gradeFactor: Record<Grade, string>;
    /** Upper bound, roubles (decimal string). */
    max: string;
  };
  /** IGEA K1 basis; see core/scoring/russian-models.ts. */
  igeaK1: "netWorkingCapital" | "currentAssets";
}

export const DEFAULT_GRADE_SETTINGS: GradeSettings = {
  weights: { registry: 30, age: 10, models: 35, payment: 25 },
  thresholds: { A: 75, B: 55, C: 35 },
  limit: {
    revenueShare: "0.05",
    equityShare: "0.25",
    historyMonths: "1",
    gradeFactor: { A: "1", B: "0.6", C: "0.3", D: "0" },
    max: "50000000",
  },
  igeaK1: "netWorkingCapital",
};

export interface RegistryFacts {
  status: RegistryStatus | null;
  found: boolean;
  registeredAt: string | null;
  massAddress: boolean | null;
  massDirector: boolean | null;
}

export interface GradeFactor {
  id: FactorId;
  /** 0–100, or null when the source has no data. */
  score: number | null;
  weight: number;
  /** A stable code the UI turns into a sentence, with its parameters. */
  reason: string;
  params: Record<string, string | number>;
}

export interface GradeResult {
  score: number | null;
  grade: Grade | null;
  stop: boolean;
  factors: GradeFactor[];
}

const STOP: ReadonlySet<string> = new Set(["LIQUIDATING", "LIQUIDATED", "BANKRUPT"]);
const ZONE_POINTS: Record<Zone, number> = { safe: 100, grey: 50, distress: 0 };

function registryFactor(r: RegistryFacts | null): Pick<GradeFactor, "score" | "reason" | "params"> {
  if (!r || (!r.found && r.status === null && r.registeredAt === null && r.massAddress === null)) {
    return r && !r.found
      ? { score: 0, reason: "registry_not_found", params: {} }
      : { score: null, reason: "registry_unknown", params: {} };
  }
  let score = r.status === "ACTIVE" ? 100 : r.status === "REORGANIZING" ? 40 : r.status ? 0 : 50;
  const flags: string[] = [];
  if (r.massAddress) flags.push("massAddress");
  if (r.massDirector) flags.push("massDirector");
  score = Math.max(0, score - 25 * flags.length);
  return {
    score,
    reason: flags.length ? "registry_status_flags" : "registry_status",
    params: { status: r.status ?? "UNKNOWN", flags: flags.join(",") },
  };
}

function ageFactor(
  registeredAt: string | null,
  today: string,
): Pick<GradeFactor, "score" | "reason" | "params"> {
  if (!registeredAt) return { score: null, reason: "age_unknown", params: {} };
  const years = (Date.parse(today) - Date.parse(registeredAt)) / (365.25 * 86_400_000);
  const score = years < 1 ? 20 : years < 3 ? 50 : years < 5 ? 75 : 100;
  return { score, reason: "age_years", params: { years: Math.floor(years * 10) / 10 } };
}

function modelsFactor(models: readonly ScoringResult[]): Pick<GradeFactor, "score" | "reason" | "params"> {
  const zoned = models.filter((m) => m.zone !== null);
  if (zoned.length === 0) return { score: null, reason: "models_none", params: {} };
  const points = zoned.reduce((s, m) => s + ZONE_POINTS[m.zone as Zone], 0);
  const count = (z: Zone) => zoned.filter((m) => m.zone === z).length;
  return {
    score: Math.round(points / zoned.length),
    reason: "models_zones",
    params: { safe: count("safe"), grey: count("grey"), distress: count("distress"), total: zoned.length },
  };
}

function paymentFactor(p: PaymentDiscipline | null): Pick<GradeFactor, "score" | "reason" | "params"> {
  if (!p || p.onTimeShare === null) return { score: null, reason: "payment_none", params: {} };
  let score = p.onTimeShare * 100 - Math.min(40, p.averageDaysLate ?? 0) - (p.overdue > 0 ? 15 : 0);
  score = Math.round(Math.max(0, Math.min(100, score)));
  return {
    score,
    reason: "payment_record",
    params: {
      onTimePercent: Math.round(p.onTimeShare * 100),
      averageDaysLate: p.averageDaysLate ?? 0,
      overdue: p.overdue,
    },
  };
}

export function gradeOf(score: number, t: GradeSettings["thresholds"]): Grade {
  return score >= t.A ? "A" : score >= t.B ? "B" : score >= t.C ? "C" : "D";
}

export function gradeCompany(
  input: {
    registry: RegistryFacts | null;
    models: readonly ScoringResult[];
    payment: PaymentDiscipline | null;
    today: string;
  },
  settings: GradeSettings = DEFAULT_GRADE_SETTINGS,
): GradeResult {
  const w = settings.weights;
  const factors: GradeFactor[] = [
    { id: "registry", weight: w.registry, ...registryFactor(input.registry) },
    { id: "age", weight: w.age, ...ageFactor(input.registry?.registeredAt ?? null, input.today) },
    { id: "models", weight: w.models, ...modelsFactor(input.models) },
    { id: "payment", weight: w.payment, ...paymentFactor(input.payment) },
  ];
  let sum = 0;
  let weights = 0;
  for (const f of factors) {
    if (f.score === null || f.weight <= 0) continue;
    sum += f.score * f.weight;
    weights += f.weight;
  }
  const stop = input.registry?.status ? STOP.has(input.registry.status) : false;
  const score = weights === 0 ? null : Math.round((sum / weights) * 10) / 10;
  const grade = stop ? "D" : score === null ? null : gradeOf(score, settings.thresholds);
  return { score, grade, stop, factors };
}

const FRACTION_SCALE = 4;
const share = (s: string) => parseScaledDecimal(s, FRACTION_SCALE, { excess: "round" }) ?? 0n;
const ONE = 10n ** BigInt(FRACTION_SCALE);

export interface CreditLimit {
  /** Kopecks, rounded down to a thousand roubles; 0 when nothing supports a limit. */
  amount: number;
  basis: "statements" | "history" | "none";
  /** What the amount was computed from (kopecks), for the explanation. */
  revenuePart: number | null;
  equityPart: number | null;
  historyPart: number | null;
  gradeFactor: string;
  capped: boolean;
}

/** Thousands of roubles (decimal string) → kopecks. */
const thousandsToKopecks = (s: string | undefined) => {
  const units = s === undefined ? null : parseScaledDecimal(s, 3, { excess: "round" });
  return units === null ? null : units * 100n;
};

/**
 * Recommended deferred-payment limit: min(revenue × revenueShare, equity × equityShare) from the
 * latest statements, else the last year's average monthly invoicing × historyMonths; then × the
 * grade's factor, capped by max, rounded down to a thousand roubles.
 */
export function creditLimit(
  input: { grade: Grade | null; lines: Readonly<Record<string, string>> | null; invoicedLastYear: number },
  settings: GradeSettings = DEFAULT_GRADE_SETTINGS,
): CreditLimit {
  const l = settings.limit;
  const factorText = input.grade ? l.gradeFactor[input.grade] : "0";
  const revenue = thousandsToKopecks(input.lines?.["2110"]);
  const equity = thousandsToKopecks(input.lines?.["1300"]);
  let base = 0n;
  let basis: CreditLimit["basis"] = "none";
  let revenuePart: bigint | null = null;
  let equityPart: bigint | null = null;
  let historyPart: bigint | null = null;
  if (revenue !== null && equity !== null) {
    revenuePart = divRoundHalfUp(revenue * share(l.revenueShare), ONE);
    equityPart = equity <= 0n ? 0n : divRoundHalfUp(equity * share(l.equityShare), ONE);
    base = revenuePart < equityPart ? revenuePart : equityPart;
    basis = "statements";
  } else if (input.invoicedLastYear > 0) {
    historyPart = divRoundHalfUp(BigInt(input.invoicedLastYear) * share(l.historyMonths), 12n * ONE);
    base = historyPart;
    basis = "history";
  }
  let amount = divRoundHalfUp(base * share(factorText), ONE);
  const max = parseScaledDecimal(l.max, 2, { excess: "round" }) ?? 0n;
  const capped = amount > max;
  if (capped) amount = max;
  if (amount < 0n) amount = 0n;
  amount = (amount / 100_000n) * 100_000n;
  const n = (v: bigint | null) => (v === null ? null : Number(v));
  return {
    amount: Number(amount),
    basis,
    revenuePart: n(revenuePart),
    equityPart: n(equityPart),
    historyPart: n(historyPart),
    gradeFactor: factorText,
    capped,
  };
}
