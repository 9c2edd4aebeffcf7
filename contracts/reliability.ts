import { z } from "zod";
import { STATEMENT_CODES } from "../core/reliability/statements";
import { Id, MoneyString, Timestamp } from "./common";

const IsoDate = z.string().describe("ISO 8601 date");
export const Grade = z.enum(["A", "B", "C", "D"]);
export type Grade = z.infer<typeof Grade>;
export const RegistryStatus = z.enum(["ACTIVE", "LIQUIDATING", "LIQUIDATED", "BANKRUPT", "REORGANIZING"]);
export const RegistryError = z.enum(["bad_token", "rate_limited", "unavailable", "no_inn", "not_configured"]);
export type RegistryError = z.infer<typeof RegistryError>;

/** A decimal string with up to three fraction digits (thousands of roubles to the rouble). */
const Thousands = z.string().trim().min(1).max(24);

export const StatementCode = z.enum(STATEMENT_CODES);
export const FinancialYearParams = z.object({ id: Id, year: z.coerce.number().int().min(1990).max(2100) });
export const FinancialYearPut = z.object({ lines: z.record(z.string(), Thousands) });
export type FinancialYearPut = z.infer<typeof FinancialYearPut>;
export const FinancialYear = z.object({
  year: z.number().int(),
  lines: z.record(z.string(), z.string()),
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type FinancialYear = z.infer<typeof FinancialYear>;
export const Financials = z.object({ companyId: Id, years: z.array(FinancialYear) });
export type Financials = z.infer<typeof Financials>;

export const Registry = z.object({
  status: RegistryStatus.nullable(),
  registeredAt: IsoDate.nullable(),
  liquidatedAt: IsoDate.nullable(),
  found: z.boolean().nullable(),
  name: z.string().nullable(),
  ogrn: z.string().nullable(),
  inn: z.string().nullable(),
  kpp: z.string().nullable(),
  entityType: z.string().nullable(),
  management: z.object({ name: z.string(), post: z.string().nullable() }).nullable(),
  founders: z.array(z.object({ name: z.string(), share: z.string().nullable() })).nullable(),
  okved: z.string().nullable(),
  okvedName: z.string().nullable(),
  sizeCategory: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  taxSystem: z.string().nullable(),
  massAddress: z.boolean().nullable(),
  massDirector: z.boolean().nullable(),
  branchCount: z.number().int().nullable(),
  address: z.string().nullable(),
  checkedAt: Timestamp.nullable(),
  succeededAt: Timestamp.nullable(),
  error: RegistryError.nullable(),
});
export type Registry = z.infer<typeof Registry>;

export const ModelOut = z.object({
  name: z.string(),
  value: z.number().nullable(),
  zone: z.enum(["safe", "grey", "distress"]).nullable(),
  verdict: z.string().nullable(),
  /** Plain-words explanation in the caller's language. */
  explanation: z.string(),
  thresholds: z.record(z.string(), z.number()),
  factors: z.array(
    z.object({ name: z.string(), formula: z.string(), weight: z.number(), value: z.number().nullable() }),
  ),
  missing: z.array(z.string()),
  flags: z.record(z.string(), z.boolean()),
  year: z.number().int().nullable(),
});

export const Payment = z.object({
  source: z.enum(["invoices", "history", "none"]),
  invoices: z.number().int(),
  overdue: z.number().int(),
  overdueAmount: MoneyString,
  averageDaysLate: z.number().nullable(),
  dso: z.number().nullable(),
  onTimeShare: z.number().nullable(),
});

export const Factor = z.object({
  id: z.enum(["registry", "age", "models", "payment"]),
  score: z.number().nullable(),
  weight: z.number(),
  explanation: z.string(),
});

export const Reliability = z.object({
  companyId: Id,
  grade: Grade.nullable(),
  score: z.number().nullable(),
  computedGrade: Grade.nullable(),
  computedAt: Timestamp,
  stop: z.boolean(),
  override: z.object({ grade: Grade, reason: z.string(), by: Id.nullable(), at: Timestamp }).nullable(),
  factors: z.array(Factor),
  models: z.array(ModelOut),
  modelsYear: z.number().int().nullable(),
  registry: Registry,
  payment: Payment,
  recommendedCreditLimit: MoneyString,
  creditLimit: z.object({
    basis: z.enum(["statements", "history", "none"]),
    explanation: z.string(),
    capped: z.boolean(),
  }),
});
export type Reliability = z.infer<typeof Reliability>;

export const OverrideBody = z.object({
  grade: Grade.nullable(),
  reason: z.string().trim().min(3).max(2000),
});
export type OverrideBody = z.infer<typeof OverrideBody>;

export const CompanyIdParams = z.object({ companyId: Id });

export const PaymentHistoryRow = z.object({
  id: Id,
  reference: z.string().nullable(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  amount: MoneyString,
  paidOn: IsoDate.nullable(),
});
export const PaymentHistoryImport = z.object({
  /** CSV: reference;issueDate;dueDate;amount;paidOn (a header row is optional). Replaces the history. */
  csv: z.string().max(2_000_000),
});
export const PaymentHistoryList = z.object({ items: z.array(PaymentHistoryRow) });

export const RegistrySettings = z.object({
  baseUrl: z.string().nullable(),
  tokenSet: z.boolean(),
  source: z.enum(["settings", "environment", "none"]),
});
export const RegistrySettingsPut = z.object({
  baseUrl: z.url().max(500).nullable(),
  /** Write-only: omitted keeps the stored token, null clears it. */
  token: z.string().trim().min(1).max(500).nullable().optional(),
});
export type RegistrySettingsPut = z.infer<typeof RegistrySettingsPut>;
export const RegistryTestResult = z.object({
  ok: z.boolean(),
  error: RegistryError.nullable(),
  ms: z.number(),
});

const Share = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/);
export const ReliabilitySettings = z.object({
  weights: z.object({
    registry: z.number().min(0).max(100),
    age: z.number().min(0).max(100),
    models: z.number().min(0).max(100),
    payment: z.number().min(0).max(100),
  }),
  thresholds: z.object({
    A: z.number().min(0).max(100),
    B: z.number().min(0).max(100),
    C: z.number().min(0).max(100),
  }),
  limit: z.object({
    revenueShare: Share,
    equityShare: Share,
    historyMonths: Share,
    gradeFactor: z.object({ A: Share, B: Share, C: Share, D: Share }),
    max: MoneyString,
  }),
  igeaK1: z.enum(["netWorkingCapital", "currentAssets"]),
  recheckDays: z.number().int().min(1).max(365),
  registryRps: z.number().int().min(1).max(100),
});
export type ReliabilitySettings = z.infer<typeof ReliabilitySettings>;
