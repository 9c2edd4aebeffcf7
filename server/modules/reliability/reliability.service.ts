import { parse } from "csv-parse/sync";
import type { Locale } from "../../../contracts/common";
import type {
  Financials,
  FinancialYear,
  FinancialYearPut,
  OverrideBody,
  Reliability,
} from "../../../contracts/reliability";
import { formatMoney, tryParseMoney } from "../../../core/money";
import { checkLines } from "../../../core/reliability/statements";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { AppError, type FieldError } from "../../platform/errors";
import { reliabilityFieldMessages } from "../../platform/messages/reliability";
import type { Action } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { refreshRegistry } from "./registry.service";
import { computeReliability, storeGrade } from "./reliability.compute";
import { presentFinancialYear, presentHistoryRow, presentReliability } from "./reliability.presenter";
import {
  companyBrief,
  historyOf,
  reliabilityOf,
  replaceHistory,
  softDeleteStatement,
  statementOf,
  statementsOf,
  storedGrades,
  upsertReliability,
  upsertStatement,
} from "./reliability.repo";
import { registryProviderFor } from "./reliability.settings";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

/** The company under the reliability right: outside the reach or deleted → 404, no right → 403. */
async function companyFor(db: Db, actor: Actor, companyId: string, action: Action) {
  const reach = authorize(actor, "reliability", action);
  const company = await companyBrief(db, actor.workspaceId, companyId);
  if (!company || company.deletedAt || !canReach(actor, reach, company.ownerId)) throw AppError.notFound();
  return company;
}

const field = (path: string, reason: string, locale: Locale): FieldError => ({
  path,
  message: reliabilityFieldMessages[reason]?.[locale] ?? reason,
});

export async function getReliability(db: Db, actor: Actor, companyId: string): Promise<Reliability> {
  await companyFor(db, actor, companyId, "read");
  const c = await computeReliability(db, actor.workspaceId, companyId);
  let stored = await reliabilityOf(db, actor.workspaceId, companyId);
  const score = c.result.score === null ? null : c.result.score.toFixed(1);
  // Lists read the stored grade: keep it in step with what the card shows.
  if (!stored || stored.grade !== c.result.grade || stored.score !== score) {
    stored = await upsertReliability(
      db,
      { id: uuidv7(), workspaceId: actor.workspaceId, companyId },
      {
        score,
        grade: c.result.grade,
        creditLimit: formatMoney(c.limit.amount),
        computedAt: new Date().toISOString(),
      },
    );
  }
  return presentReliability(companyId, c, stored, actor.locale);
}

export async function refreshCompanyRegistry(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<Reliability> {
  await companyFor(ctx.db, actor, companyId, "update");
  const provider = await registryProviderFor(ctx.db, ctx.config, actor.workspaceId);
  await refreshRegistry(ctx, actor.workspaceId, companyId, provider);
  return getReliability(ctx.db, actor, companyId);
}

export async function overrideGrade(
  db: Db,
  actor: Actor,
  companyId: string,
  input: OverrideBody,
): Promise<Reliability> {
  await companyFor(db, actor, companyId, "approve");
  await withTx(db, async (tx) => {
    const c = await storeGrade(tx, actor.workspaceId, companyId);
    const before = await reliabilityOf(tx, actor.workspaceId, companyId, true);
    const at = new Date().toISOString();
    await upsertReliability(
      tx,
      { id: uuidv7(), workspaceId: actor.workspaceId, companyId },
      input.grade === null
        ? { overrideGrade: null, overrideReason: input.reason, overrideBy: stampOf(actor), overrideAt: at }
        : {
            overrideGrade: input.grade,
            overrideReason: input.reason,
            overrideBy: stampOf(actor),
            overrideAt: at,
          },
    );
    await recordChange(tx, actor, {
      action: "override_grade",
      entity: "company",
      entityId: companyId,
      changes: {
        reliabilityGrade: {
          from: before?.overrideGrade ?? c.result.grade,
          to: input.grade ?? c.result.grade,
        },
        reliabilityReason: { from: before?.overrideReason ?? null, to: input.reason },
      },
    });
  });
  return getReliability(db, actor, companyId);
}

export async function getFinancials(db: Db, actor: Actor, companyId: string): Promise<Financials> {
  await companyFor(db, actor, companyId, "read");
  const rows = await statementsOf(db, actor.workspaceId, companyId);
  return { companyId, years: rows.map(presentFinancialYear) };
}

export async function putFinancialYear(
  db: Db,
  actor: Actor,
  companyId: string,
  year: number,
  input: FinancialYearPut,
): Promise<FinancialYear> {
  // The company first: a row outside reach is 404 whatever the body says.
  await companyFor(db, actor, companyId, "update");
  const { lines, problems } = checkLines(input.lines);
  if (problems.length) {
    throw AppError.rule(
      "statement_invalid",
      { count: problems.length },
      problems.map((p) => field(`lines.${p.code}`, p.reason, actor.locale)),
    );
  }
  return withTx(db, async (tx) => {
    await companyFor(tx, actor, companyId, "update");
    const before = await statementOf(tx, actor.workspaceId, companyId, year);
    const row = await upsertStatement(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      companyId,
      year,
      lines,
      createdBy: stampOf(actor),
    });
    await recordChange(tx, actor, {
      action: before && !before.deletedAt ? "update" : "create",
      entity: "financial_statement",
      entityId: row.id,
      before: before && !before.deletedAt ? { companyId, year, lines: before.lines } : null,
      after: { companyId, year, lines },
    });
    await storeGrade(tx, actor.workspaceId, companyId);
    return presentFinancialYear(row);
  });
}

export async function deleteFinancialYear(db: Db, actor: Actor, companyId: string, year: number) {
  authorize(actor, "reliability", "update");
  return withTx(db, async (tx) => {
    await companyFor(tx, actor, companyId, "update");
    const row = await statementOf(tx, actor.workspaceId, companyId, year);
    if (!row || row.deletedAt) throw AppError.notFound();
    await softDeleteStatement(tx, row.id);
    await recordChange(tx, actor, {
      action: "delete",
      entity: "financial_statement",
      entityId: row.id,
      before: { companyId, year, lines: row.lines },
    });
    await storeGrade(tx, actor.workspaceId, companyId);
    return { ok: true as const };
  });
}

export async function getPaymentHistory(db: Db, actor: Actor, companyId: string) {
  await companyFor(db, actor, companyId, "read");
  return { items: (await historyOf(db, actor.workspaceId, companyId)).map(presentHistoryRow) };
}

const isoDate = (s: string | undefined): string | null => {
  const v = (s ?? "").trim();
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v);
  const iso = ru ? `${ru[3]}-${ru[2]}-${ru[1]}` : v;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? iso : null;
};

/**
 * Replaces the imported payment history with a CSV (reference;issueDate;dueDate;amount;paidOn).
 * All or nothing: one bad row refuses the file with every bad cell named.
 */
export async function importPaymentHistory(db: Db, actor: Actor, companyId: string, csv: string) {
  authorize(actor, "reliability", "update");
  const records = parse(csv.replace(/^\uFEFF/, ""), {
    delimiter: [";", "\t"],
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  const rows: {
    reference: string | null;
    issueDate: string;
    dueDate: string;
    amount: string;
    paidOn: string | null;
  }[] = [];
  const errors: FieldError[] = [];
  records.forEach((r, i) => {
    if (i === 0 && isoDate(r[1]) === null && tryParseMoney(r[3] ?? "") === null) return; // header
    const issueDate = isoDate(r[1]);
    const dueDate = isoDate(r[2]);
    const amount = tryParseMoney(r[3] ?? "");
    const paidOn = r[4] ? isoDate(r[4]) : null;
    if (!issueDate) errors.push(field(`rows.${i + 1}.issueDate`, "date", actor.locale));
    if (!dueDate) errors.push(field(`rows.${i + 1}.dueDate`, "date", actor.locale));
    if (amount === null || amount <= 0) errors.push(field(`rows.${i + 1}.amount`, "amount", actor.locale));
    if (r[4] && !paidOn) errors.push(field(`rows.${i + 1}.paidOn`, "date", actor.locale));
    if (issueDate && dueDate && amount !== null && amount > 0 && (!r[4] || paidOn)) {
      rows.push({ reference: r[0] || null, issueDate, dueDate, amount: formatMoney(amount), paidOn });
    }
  });
  if (errors.length) throw AppError.rule("history_invalid", { count: errors.length }, errors.slice(0, 50));
  return withTx(db, async (tx) => {
    await companyFor(tx, actor, companyId, "update");
    await replaceHistory(
      tx,
      actor.workspaceId,
      companyId,
      rows.map((r) => ({
        ...r,
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        companyId,
        createdBy: stampOf(actor),
      })),
    );
    await recordChange(tx, actor, {
      action: "import_payment_history",
      entity: "company",
      entityId: companyId,
      changes: { paymentHistoryRows: { from: null, to: rows.length } },
    });
    await storeGrade(tx, actor.workspaceId, companyId);
    return { items: (await historyOf(tx, actor.workspaceId, companyId)).map(presentHistoryRow) };
  });
}

/**
 * Grades for lists and cards, in one query: the head's override wins over the computed grade.
 * Companies never graded (no registry answer, no statements, no invoices) are absent.
 */
export async function gradesOf(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
): Promise<Map<string, "A" | "B" | "C" | "D">> {
  const rows = await storedGrades(db, workspaceId, companyIds);
  const out = new Map<string, "A" | "B" | "C" | "D">();
  for (const r of rows) if (r.grade) out.set(r.companyId, r.grade);
  return out;
}

/** The recommended deferred-payment limit, recomputed from the current inputs: kopecks and text. */
export async function recommendedCreditLimit(
  db: Db,
  workspaceId: string,
  companyId: string,
): Promise<{ amount: string; kopecks: number; grade: "A" | "B" | "C" | "D" | null }> {
  const c = await computeReliability(db, workspaceId, companyId);
  return { amount: formatMoney(c.limit.amount), kopecks: c.limit.amount, grade: c.grade };
}
