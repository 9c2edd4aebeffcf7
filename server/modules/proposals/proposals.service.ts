import { and, eq, inArray, type SQL } from "drizzle-orm";
import type {
  Proposal,
  ProposalCreate,
  ProposalListQuery,
  ProposalQuote,
  ProposalQuoteRequest,
  ProposalSummary,
  ProposalUpdate,
} from "../../../contracts/proposals";
import { moscowToday } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { addDays } from "../../../core/working-days";
import { deals, proposals } from "../../db/schema/index";
import { type Actor, isSystem } from "../../platform/actor";
import { diff, recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { nextDocumentNumber } from "../../platform/document-numbers";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { withdrawApprovals } from "../approvals/approvals.service";
import { type Priced, priceLines } from "./pricing";
import { defaultSignatory, defaultTerms } from "./proposals.defaults";
import { presentLine, presentProposal, presentSummary, presentTotals } from "./proposals.presenter";
import {
  findCompanyRow,
  findContactRow,
  findProposal,
  insertProposal,
  latestApprovals,
  linesOf,
  listProposals,
  organisationFor,
  type ProposalRow,
  replaceLines,
  updateProposal,
  userNames,
} from "./proposals.repo";

/** Proposals stay open for edits in these statuses; the others are frozen (revise instead). */
export const editableStatuses: readonly ProposalRow["status"][] = ["draft", "rejected_by_head", "approved"];

export const formatNumber = (year: number, n: number) => `КП-${year}-${String(n).padStart(6, "0")}`;

/** A proposal as the API shows it: lines, company name and the latest approval in a few queries. */
export async function loadProposal(db: Db, row: ProposalRow): Promise<Proposal> {
  const [lines, company, approvals] = await Promise.all([
    linesOf(db, [row.id]),
    findCompanyRow(db, row.workspaceId, row.companyId),
    latestApprovals(db, [row.id]),
  ]);
  const approval = approvals.get(row.id) ?? null;
  const names = approval
    ? await userNames(db, row.workspaceId, [approval.approverId])
    : new Map<string, string>();
  return presentProposal(row, lines, {
    companyName: company?.name ?? null,
    approval,
    approverName: approval ? (names.get(approval.approverId) ?? null) : null,
  });
}

/** The proposal row for an action: outside the reach → 404, no right → 403. */
export async function proposalFor(db: Db, actor: Actor, id: string, action: "read" | "update", lock = false) {
  authorize(actor, "proposals", action);
  const row = await findProposal(db, actor.workspaceId, id, lock);
  if (!row) throw AppError.notFound();
  authorizeRow(actor, "proposals", action, row.ownerId);
  return row;
}

/** The client of a proposal, checked: visible to the actor and not deleted. */
async function clientFor(db: Db, actor: Actor, companyId: string, action: "create" | "read") {
  const company = await findCompanyRow(db, actor.workspaceId, companyId);
  if (!company) throw AppError.notFound();
  authorizeRow(actor, "companies", "read", company.ownerId);
  if (action === "create") authorizeRow(actor, "proposals", "create", company.ownerId);
  if (company.deletedAt)
    throw AppError.rule("proposal_company_unavailable", {}, [
      { path: "companyId", message: "company_deleted" },
    ]);
  return company;
}

async function checkLinks(
  db: Db,
  actor: Actor,
  companyId: string,
  input: { contactId?: string | null; dealId?: string | null },
) {
  if (input.contactId) {
    const c = await findContactRow(db, actor.workspaceId, input.contactId);
    if (!c || c.deletedAt || c.companyId !== companyId)
      throw AppError.rule("proposal_contact_mismatch", {}, [
        { path: "contactId", message: "contact_mismatch" },
      ]);
  }
  if (input.dealId) {
    const [d] = await db
      .select({ companyId: deals.companyId })
      .from(deals)
      .where(and(eq(deals.workspaceId, actor.workspaceId), eq(deals.id, input.dealId)))
      .limit(1);
    if (!d || d.companyId !== companyId)
      throw AppError.validation([{ path: "dealId", message: "deal_mismatch" }]);
  }
}

/** Stored amounts are the formatted kopeck totals: decimal strings, never a float. */
function amounts(p: Priced) {
  const f = presentTotals(p.totals);
  return {
    priceListId: p.priceListId,
    vatIncluded: p.vatIncluded,
    net: f.net,
    vat: f.vat,
    gross: f.gross,
    maxDiscountPercent: p.maxDiscountPercent,
  };
}

async function writeLines(tx: Db, workspaceId: string, proposalId: string, p: Priced) {
  await replaceLines(
    tx,
    workspaceId,
    proposalId,
    p.lines.map((l) => ({ ...l, id: uuidv7() })),
  );
}

export async function createProposal(db: Db, actor: Actor, input: ProposalCreate): Promise<Proposal> {
  authorize(actor, "proposals", "create");
  return withTx(db, async (tx) => {
    const company = await clientFor(tx, actor, input.companyId, "create");
    await checkLinks(tx, actor, company.id, input);
    const org = await organisationFor(tx, actor.workspaceId, input.organisationId);
    if (!org)
      throw AppError.rule("proposal_no_organisation", {}, [{ path: "organisationId", message: "not_found" }]);
    const issueDate = moscowToday();
    const priced = await priceLines(tx, actor.workspaceId, company, issueDate, input.lines ?? []);
    const terms = await defaultTerms(tx, actor.workspaceId, company.id);
    const year = Number(issueDate.slice(0, 4));
    const number = formatNumber(
      year,
      await nextDocumentNumber(tx, {
        workspaceId: actor.workspaceId,
        organisationId: org.id,
        kind: "proposal",
        year,
      }),
    );
    const id = uuidv7();
    const row = await insertProposal(tx, {
      id,
      workspaceId: actor.workspaceId,
      createdBy: isSystem(actor) ? null : actor.id,
      groupId: id,
      number,
      organisationId: org.id,
      companyId: company.id,
      contactId: input.contactId ?? null,
      dealId: input.dealId ?? null,
      ownerId: actor.id,
      issueDate,
      validUntil: input.validUntil === undefined ? addDays(issueDate, 30) : input.validUntil,
      paymentTerms: input.paymentTerms === undefined ? terms.paymentTerms : input.paymentTerms,
      deliveryTerms: input.deliveryTerms === undefined ? terms.deliveryTerms : input.deliveryTerms,
      signatory: input.signatory === undefined ? defaultSignatory(org) : input.signatory,
      notOffer: input.notOffer ?? true,
      notes: input.notes ?? null,
      ...amounts(priced),
    });
    await writeLines(tx, actor.workspaceId, id, priced);
    await recordChange(tx, actor, {
      action: "create",
      entity: "proposal",
      entityId: id,
      after: { number, companyId: company.id, lines: priced.lines.length, gross: row.gross },
    });
    return loadProposal(tx, row);
  });
}

export async function updateProposalCard(
  db: Db,
  actor: Actor,
  id: string,
  input: ProposalUpdate,
): Promise<Proposal> {
  authorize(actor, "proposals", "update");
  return withTx(db, async (tx) => {
    const row = await proposalFor(tx, actor, id, "update", true);
    if (row.version !== input.version) throw AppError.stale(row.version);
    if (!row.isCurrent) throw AppError.rule("proposal_not_current");
    if (!editableStatuses.includes(row.status))
      throw AppError.rule("proposal_frozen", { status: row.status });
    const company = await clientFor(tx, actor, row.companyId, "read");
    await checkLinks(tx, actor, company.id, input);
    const { version: _v, lines, ...fields } = input;
    const set: Partial<typeof proposals.$inferInsert> = { ...fields };
    const priced = lines ? await priceLines(tx, actor.workspaceId, company, row.issueDate, lines) : null;
    if (priced) Object.assign(set, amounts(priced));
    // Any change voids an approval: the head approved what they saw, not what follows.
    if (row.status !== "draft") set.status = "draft";
    await withdrawApprovals(tx, actor, "proposal", row.id);
    const after = await updateProposal(tx, row.id, set);
    if (priced) await writeLines(tx, actor.workspaceId, row.id, priced);
    await recordChange(tx, actor, {
      action: "update",
      entity: "proposal",
      entityId: row.id,
      changes: diff(row, after),
    });
    return loadProposal(tx, after);
  });
}

export async function getProposal(db: Db, actor: Actor, id: string): Promise<Proposal> {
  return loadProposal(db, await proposalFor(db, actor, id, "read"));
}

export async function listVisibleProposals(
  db: Db,
  actor: Actor,
  query: ProposalListQuery,
): Promise<{ items: ProposalSummary[]; nextCursor: string | null }> {
  const reach = authorize(actor, "proposals", "read");
  const owners = visibleOwnerIds(actor, reach);
  const where: (SQL | undefined)[] = [
    eq(proposals.workspaceId, actor.workspaceId),
    owners ? inArray(proposals.ownerId, [...owners]) : undefined,
    query.status ? eq(proposals.status, query.status) : undefined,
    query.companyId ? eq(proposals.companyId, query.companyId) : undefined,
    query.dealId ? eq(proposals.dealId, query.dealId) : undefined,
  ];
  const page = await listProposals(db, and(...where), query);
  return { items: page.items.map((r) => presentSummary(r.p, r.companyName)), nextCursor: page.nextCursor };
}

/** Prices lines for a client without saving: the editor's live totals use the same pricing. */
export async function quoteProposal(
  db: Db,
  actor: Actor,
  input: ProposalQuoteRequest,
): Promise<ProposalQuote> {
  authorize(actor, "proposals", "read");
  const company = await clientFor(db, actor, input.companyId, "read");
  const priced = await priceLines(db, actor.workspaceId, company, moscowToday(), input.lines);
  return {
    priceListId: priced.priceListId,
    vatIncluded: priced.vatIncluded,
    lines: priced.lines.map(presentLine),
    totals: presentTotals(priced.totals),
    amountInWords: priced.totals.amountInWords,
  };
}
