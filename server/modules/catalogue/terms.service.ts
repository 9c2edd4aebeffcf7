import { sql } from "drizzle-orm";
import { Id } from "../../../contracts/common";
import type {
  ClientTerms,
  ClientTermsPut,
  TermsTemplate,
  TermsTemplateCreate,
  TermsTemplateQuery,
  TermsTemplateUpdate,
} from "../../../contracts/terms";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow } from "../../platform/policy";
import { companyForAction } from "../companies/companies.service";
import { recommendedCreditLimit } from "../reliability/reliability.service";
import { assertVersion, compareDecimal, RuleCheck, stampOf } from "./catalogue.common";
import { CreditNeedsApproval, requestCreditApproval } from "./credit.request";
import { findPriceList } from "./pricing.repo";
import {
  type ClientTermsRow,
  findClientTerms,
  findTemplate,
  insertTemplate,
  listTemplates,
  saveClientTerms,
  type TemplateRow,
  updateTemplate,
} from "./terms.repo";

export function presentTemplate(row: TemplateRow): TermsTemplate {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    prepaymentPercent: row.prepaymentPercent,
    deferDays: row.deferDays,
    deferDayKind: row.deferDayKind,
    stages: row.stages,
    deliveryMethod: row.deliveryMethod,
    loadingNotes: row.loadingNotes,
    issueNotes: row.issueNotes,
    text: row.text,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

type TemplateValues = Omit<TermsTemplateCreate, "active">;

function checkTemplate(t: TemplateValues): void {
  const check = new RuleCheck();
  if (t.kind === "payment") {
    const p = t.prepaymentPercent;
    check.when(p != null && (p < 0 || p > 100), "prepaymentPercent", "prepayment_range");
    const d = t.deferDays;
    check.when(d != null && (d < 0 || d > 365), "deferDays", "defer_days_range");
    check.when(d != null && d > 0 && !t.deferDayKind, "deferDayKind", "defer_kind_required");
  } else {
    check.when(!t.deliveryMethod, "deliveryMethod", "delivery_method_required");
  }
  check.throwIfAny();
}

/** Only the fields of the template's kind are stored. */
function templateColumns(t: TemplateValues) {
  const payment = t.kind === "payment";
  return {
    name: t.name,
    prepaymentPercent: payment ? (t.prepaymentPercent ?? null) : null,
    deferDays: payment ? (t.deferDays ?? null) : null,
    deferDayKind: payment && t.deferDays ? (t.deferDayKind ?? null) : null,
    stages: payment ? t.stages || null : null,
    deliveryMethod: payment ? null : (t.deliveryMethod ?? null),
    loadingNotes: payment ? null : t.loadingNotes || null,
    issueNotes: payment ? null : t.issueNotes || null,
    text: t.text || null,
  };
}

export async function listTermsTemplates(db: Db, actor: Actor, query: TermsTemplateQuery) {
  authorize(actor, "termsTemplates", "read");
  if (query.cursor && !Id.safeParse(query.cursor).success)
    throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
  const result = await listTemplates(db, actor.workspaceId, query);
  return { items: result.items.map(presentTemplate), nextCursor: result.nextCursor };
}

export async function getTermsTemplate(db: Db, actor: Actor, id: string) {
  authorize(actor, "termsTemplates", "read");
  const row = await findTemplate(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentTemplate(row);
}

export async function createTermsTemplate(db: Db, actor: Actor, input: TermsTemplateCreate) {
  authorize(actor, "termsTemplates", "create");
  checkTemplate(input);
  return withTx(db, async (tx) => {
    const row = await insertTemplate(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      kind: input.kind,
      ...templateColumns(input),
      active: input.active ?? true,
    });
    const template = presentTemplate(row);
    await recordChange(tx, actor, {
      action: "create",
      entity: "terms_template",
      entityId: row.id,
      after: template,
    });
    return template;
  });
}

export async function updateTermsTemplate(db: Db, actor: Actor, id: string, input: TermsTemplateUpdate) {
  authorize(actor, "termsTemplates", "update");
  return withTx(db, async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    const { version: _version, ...patch } = input;
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const merged = { ...presentTemplate(before), ...defined } as TemplateValues & { active: boolean };
    checkTemplate(merged);
    const row = await updateTemplate(tx, id, { ...templateColumns(merged), active: merged.active });
    const after = presentTemplate(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "terms_template",
      entityId: id,
      before: presentTemplate(before),
      after,
    });
    return after;
  });
}

export async function deleteTermsTemplate(db: Db, actor: Actor, id: string) {
  authorize(actor, "termsTemplates", "delete");
  return withTx(db, async (tx) => {
    const before = await findTemplate(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    const row = await updateTemplate(tx, id, { deletedAt: sql`now()` });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "terms_template",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentTemplate(row);
  });
}

// A client's individual terms

function presentClientTerms(companyId: string, row: ClientTermsRow | undefined): ClientTerms {
  return {
    companyId,
    priceListId: row?.priceListId ?? null,
    paymentTermsId: row?.paymentTermsId ?? null,
    deliveryTermsId: row?.deliveryTermsId ?? null,
    paymentText: row?.paymentText ?? null,
    deliveryText: row?.deliveryText ?? null,
    creditLimit: row?.creditLimit ?? null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** The company as the terms see it: visible by the clientTerms reach, live for a write. */
async function termsCompany(db: Db, actor: Actor, companyId: string, action: "read" | "update") {
  authorize(actor, "clientTerms", action);
  const company = await companyForAction(db, actor, companyId, "read");
  authorizeRow(actor, "clientTerms", action, company.ownerId);
  if (action === "update" && company.deletedAt) throw AppError.notFound();
  return company;
}

export async function getClientTerms(db: Db, actor: Actor, companyId: string): Promise<ClientTerms> {
  await termsCompany(db, actor, companyId, "read");
  return presentClientTerms(companyId, await findClientTerms(db, actor.workspaceId, companyId));
}

export async function putClientTerms(
  db: Db,
  actor: Actor,
  companyId: string,
  input: ClientTermsPut,
): Promise<ClientTerms> {
  await termsCompany(db, actor, companyId, "update");
  // Issue 6: a manager's deferred payment above the reliability recommendation needs the head.
  const recommended =
    actor.role === "manager" && input.creditLimit
      ? await recommendedCreditLimit(db, actor.workspaceId, companyId)
      : null;
  try {
    return await withTx(db, async (tx) => {
      const before = await findClientTerms(tx, actor.workspaceId, companyId, true);
      if (
        recommended?.grade &&
        input.creditLimit &&
        input.creditLimit !== before?.creditLimit &&
        compareDecimal(input.creditLimit, recommended.amount) > 0
      )
        throw new CreditNeedsApproval(input.creditLimit, recommended.amount);
      if (input.version !== undefined && input.version !== (before?.version ?? 0))
        throw AppError.stale(before?.version ?? 0);
      const check = new RuleCheck();
      if (input.priceListId && !(await findPriceList(tx, actor.workspaceId, input.priceListId)))
        check.add("priceListId", "not_found_ref");
      for (const [field, kind] of [
        ["paymentTermsId", "payment"],
        ["deliveryTermsId", "delivery"],
      ] as const) {
        const id = input[field];
        if (!id) continue;
        const template = await findTemplate(tx, actor.workspaceId, id);
        if (!template) check.add(field, "not_found_ref");
        else check.when(template.kind !== kind, field, "terms_kind_mismatch");
      }
      check.throwIfAny();
      const keep = <K extends keyof ClientTermsPut & keyof ClientTermsRow>(k: K) =>
        input[k] !== undefined ? (input[k] as ClientTermsRow[K]) : (before?.[k] ?? null);
      const row = await saveClientTerms(tx, {
        companyId,
        workspaceId: actor.workspaceId,
        priceListId: keep("priceListId"),
        paymentTermsId: keep("paymentTermsId"),
        deliveryTermsId: keep("deliveryTermsId"),
        paymentText:
          input.paymentText !== undefined ? input.paymentText || null : (before?.paymentText ?? null),
        deliveryText:
          input.deliveryText !== undefined ? input.deliveryText || null : (before?.deliveryText ?? null),
        creditLimit: keep("creditLimit"),
      });
      const after = presentClientTerms(companyId, row);
      await recordChange(tx, actor, {
        action: "terms",
        entity: "company",
        entityId: companyId,
        before: presentClientTerms(companyId, before),
        after,
      });
      return after;
    });
  } catch (error) {
    if (!(error instanceof CreditNeedsApproval)) throw error;
    throw await withTx(db, (tx) =>
      requestCreditApproval(tx, actor, companyId, error.amount, error.recommended),
    );
  }
}
