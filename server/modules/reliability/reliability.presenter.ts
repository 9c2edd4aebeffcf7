import type { Locale } from "../../../contracts/common";
import type { FinancialYear, Reliability } from "../../../contracts/reliability";
import { formatMoney } from "../../../core/money";
import type { Computed } from "./reliability.compute";
import { explainFactor, explainLimit, explainModel, MODEL_NAMES, verdictText } from "./reliability.explain";
import type { HistoryRow, ReliabilityRow, StatementRow } from "./reliability.repo";

export function presentFinancialYear(row: StatementRow): FinancialYear {
  return { year: row.year, lines: row.lines, updatedAt: row.updatedAt, version: row.version };
}

export function presentHistoryRow(row: HistoryRow) {
  return {
    id: row.id,
    reference: row.reference,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amount: row.amount,
    paidOn: row.paidOn,
  };
}

type RegistryOut = Reliability["registry"];

function presentRegistry(c: Computed): RegistryOut {
  const r = c.registry;
  return {
    status: (r?.status as RegistryOut["status"]) ?? null,
    registeredAt: r?.registeredAt ?? null,
    liquidatedAt: r?.liquidatedAt ?? null,
    found: r?.found ?? null,
    name: r?.name ?? null,
    ogrn: r?.ogrn ?? null,
    inn: r?.inn ?? null,
    kpp: r?.kpp ?? null,
    entityType: r?.entityType ?? null,
    management: r?.management ?? null,
    founders: r?.founders ?? null,
    okved: r?.okved ?? null,
    okvedName: r?.okvedName ?? null,
    sizeCategory: r?.sizeCategory ?? null,
    employeeCount: r?.employeeCount ?? null,
    taxSystem: r?.taxSystem ?? null,
    massAddress: r?.massAddress ?? null,
    massDirector: r?.massDirector ?? null,
    branchCount: r?.branchCount ?? null,
    address: r?.address ?? null,
    checkedAt: r?.checkedAt ?? null,
    succeededAt: r?.succeededAt ?? null,
    error: (r?.error as RegistryOut["error"]) ?? null,
  };
}

export function presentReliability(
  companyId: string,
  c: Computed,
  stored: ReliabilityRow,
  locale: Locale,
): Reliability {
  const p = c.payment;
  return {
    companyId,
    grade: stored.overrideGrade ?? c.result.grade,
    score: c.result.score,
    computedGrade: c.result.grade,
    computedAt: stored.computedAt,
    stop: c.result.stop,
    override: stored.overrideGrade
      ? {
          grade: stored.overrideGrade,
          reason: stored.overrideReason ?? "",
          by: stored.overrideBy,
          at: stored.overrideAt ?? stored.updatedAt,
        }
      : null,
    factors: c.result.factors.map((f) => ({
      id: f.id,
      score: f.score,
      weight: f.weight,
      explanation: explainFactor(f, locale),
    })),
    models: c.models.map((m) => ({
      name: MODEL_NAMES[m.model]?.[locale] ?? m.model,
      value: m.value === null ? null : Math.round(m.value * 10_000) / 10_000,
      zone: m.zone,
      verdict: m.verdict === null ? null : verdictText(m.verdict, locale),
      explanation: explainModel(m, locale),
      thresholds: { ...m.thresholds },
      factors: m.factors,
      missing: m.missing,
      flags: m.flags,
      year: c.modelsYear,
    })),
    modelsYear: c.modelsYear,
    registry: presentRegistry(c),
    payment: {
      source: c.paymentSource,
      invoices: p?.invoices ?? 0,
      overdue: p?.overdue ?? 0,
      overdueAmount: formatMoney(p?.overdueAmount ?? 0),
      averageDaysLate: p?.averageDaysLate ?? null,
      dso: p?.dso ?? null,
      onTimeShare: p?.onTimeShare ?? null,
    },
    recommendedCreditLimit: formatMoney(c.limit.amount),
    creditLimit: {
      basis: c.limit.basis,
      explanation: explainLimit(c.limit, c.grade, locale),
      capped: c.limit.capped,
    },
  };
}
