/**
 * Assembles a company's reliability from its stored inputs: the registry record, the latest
 * statements (with the year before for Zaitseva and averages), payment discipline from invoices
 * or the imported history, and the grade rule with the workspace's settings.
 */

import type { ReliabilitySettings } from "../../../contracts/reliability";
import { formatMoney, parseMoney } from "../../../core/money";
import { moscowToday } from "../../../core/moscow-time";
import {
  type InvoiceFact,
  type PaymentDiscipline,
  paymentDiscipline,
} from "../../../core/reliability/discipline";
import {
  type CreditLimit,
  creditLimit,
  type GradeResult,
  gradeCompany,
  type RegistryFacts,
} from "../../../core/reliability/grade";
import { linesAsNumbers } from "../../../core/reliability/statements";
import {
  altmanZ,
  altmanZDoublePrime,
  altmanZPrime,
  igea,
  type ScoringResult,
  saifullinKadykov,
  taffler,
  zaitseva,
} from "../../../core/scoring";
import { uuidv7 } from "../../../core/uuid";
import type { Db } from "../../platform/db/client";
import {
  historyOf,
  invoiceFactsOf,
  type RegistryRow,
  registryRecordOf,
  reliabilityOf,
  type StatementRow,
  statementsOf,
  upsertReliability,
} from "./reliability.repo";
import { reliabilitySettings } from "./reliability.settings";

export type Computed = {
  registry: RegistryRow | undefined;
  statements: StatementRow[];
  models: ScoringResult[];
  modelsYear: number | null;
  payment: PaymentDiscipline | null;
  paymentSource: "invoices" | "history" | "none";
  result: GradeResult;
  /** The grade in force: a head's override, else the computed one. */
  grade: GradeResult["grade"];
  limit: CreditLimit;
  settings: ReliabilitySettings;
};

export function scoreStatements(statements: readonly StatementRow[], s: ReliabilitySettings) {
  const latest = statements.at(-1);
  if (!latest) return { models: [], year: null };
  const prev = statements.find((x) => x.year === latest.year - 1);
  const input = {
    current: linesAsNumbers(latest.lines),
    ...(prev ? { previous: linesAsNumbers(prev.lines) } : {}),
  };
  return {
    year: latest.year,
    models: [
      altmanZ(input),
      altmanZPrime(input),
      altmanZDoublePrime(input),
      taffler(input),
      saifullinKadykov(input),
      zaitseva(input),
      igea(input, { k1: s.igeaK1 }),
    ],
  };
}

const kopecks = (s: string) => parseMoney(s);

export async function paymentOf(db: Db, workspaceId: string, companyId: string, today: string) {
  const invoices = await invoiceFactsOf(db, workspaceId, companyId);
  let facts: InvoiceFact[];
  let source: Computed["paymentSource"] = "invoices";
  if (invoices.length) {
    facts = invoices.map((i) => ({
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      amount: kopecks(i.gross),
      paid: kopecks(i.paid),
      paidOn: i.status === "paid" ? (i.paidAt ?? i.dueDate) : null,
      cancelled: i.status === "cancelled",
    }));
  } else {
    const history = await historyOf(db, workspaceId, companyId);
    source = history.length ? "history" : "none";
    facts = history.map((h) => ({
      issueDate: h.issueDate,
      dueDate: h.dueDate,
      amount: kopecks(h.amount),
      paid: h.paidOn ? kopecks(h.amount) : 0,
      paidOn: h.paidOn,
    }));
  }
  return { payment: source === "none" ? null : paymentDiscipline(facts, today), source };
}

export function registryFacts(r: RegistryRow | undefined): RegistryFacts | null {
  if (!r?.succeededAt) return null;
  return {
    status: (r.status as RegistryFacts["status"]) ?? null,
    found: r.found === true,
    registeredAt: r.registeredAt,
    massAddress: r.massAddress,
    massDirector: r.massDirector,
  };
}

export async function computeReliability(db: Db, workspaceId: string, companyId: string): Promise<Computed> {
  const settings = await reliabilitySettings(db, workspaceId);
  const today = moscowToday();
  const registry = await registryRecordOf(db, workspaceId, companyId);
  const statements = await statementsOf(db, workspaceId, companyId);
  const pay = await paymentOf(db, workspaceId, companyId, today);
  const stored = await reliabilityOf(db, workspaceId, companyId);
  const scored = scoreStatements(statements, settings);
  const result = gradeCompany(
    { registry: registryFacts(registry), models: scored.models, payment: pay.payment, today },
    settings,
  );
  const grade = stored?.overrideGrade ?? result.grade;
  const limit = creditLimit(
    { grade, lines: statements.at(-1)?.lines ?? null, invoicedLastYear: pay.payment?.invoicedLastYear ?? 0 },
    settings,
  );
  return {
    registry,
    statements,
    models: scored.models,
    modelsYear: scored.year,
    payment: pay.payment,
    paymentSource: pay.source,
    result,
    grade,
    limit,
    settings,
  };
}

/** Recomputes and stores the grade (lists read the stored one); keeps a head's override. */
export async function storeGrade(db: Db, workspaceId: string, companyId: string): Promise<Computed> {
  const c = await computeReliability(db, workspaceId, companyId);
  await upsertReliability(
    db,
    { id: uuidv7(), workspaceId, companyId },
    {
      score: c.result.score === null ? null : c.result.score.toFixed(1),
      grade: c.result.grade,
      creditLimit: formatMoney(c.limit.amount),
      computedAt: new Date().toISOString(),
    },
  );
  return c;
}
