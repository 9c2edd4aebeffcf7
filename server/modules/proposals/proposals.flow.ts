import type { Proposal, ProposalSummary } from "../../../contracts/proposals";
import { moscowToday } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem, systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { recordActivity } from "../activities/activities.service";
import { approverFor } from "../approvals/approvals.repo";
import { requestApproval, withdrawApprovals } from "../approvals/approvals.service";
import { limitsOf } from "../catalogue/limits.service";
import { beyondLimits } from "./proposals.authority";
import { presentSummary } from "./proposals.presenter";
import {
  expiredSent,
  findCompanyRow,
  insertProposal,
  linesOf,
  type ProposalRow,
  replaceLines,
  revisionsOf,
  updateProposal,
} from "./proposals.repo";
import { loadProposal, proposalFor } from "./proposals.service";

type Status = ProposalRow["status"];

async function move(
  tx: Db,
  actor: Actor,
  row: ProposalRow,
  status: Status,
  extra: Partial<ProposalRow> = {},
) {
  const after = await updateProposal(tx, row.id, { ...extra, status });
  await recordChange(tx, actor, {
    action: status,
    entity: "proposal",
    entityId: row.id,
    changes: { status: { from: row.status, to: status } },
  });
  return after;
}

/** Locks the current revision for a status change; a stale `version` (when given) answers 409. */
async function forChange(
  tx: Db,
  actor: Actor,
  id: string,
  version: number | undefined,
  from: readonly Status[],
) {
  const row = await proposalFor(tx, actor, id, "update", true);
  if (version !== undefined && row.version !== version) throw AppError.stale(row.version);
  if (!row.isCurrent) throw AppError.rule("proposal_not_current");
  if (!from.includes(row.status)) throw AppError.rule("proposal_bad_status", { status: row.status });
  return row;
}

/** Whether the owner may send it as it is; the reasons for the head otherwise. */
/** Why a proposal is beyond its owner's authority (empty when within). */
export async function authorityCheck(tx: Db, row: ProposalRow) {
  const limits = await limitsOf(tx, row.workspaceId, row.ownerId);
  return beyondLimits(limits, { maxDiscountPercent: row.maxDiscountPercent, gross: row.gross });
}

/**
 * Submits for sending (clause 3.4): within the owner's limits it is approved at once; beyond
 * them it waits for the owner's head (no head → an admin) with the reasons stated.
 */
export async function submitProposal(db: Db, actor: Actor, id: string, version?: number): Promise<Proposal> {
  return withTx(db, async (tx) => {
    const row = await forChange(tx, actor, id, version, ["draft", "rejected_by_head"]);
    if (!(await linesOf(tx, [row.id])).length) throw AppError.rule("proposal_empty");
    const reasons = await authorityCheck(tx, row);
    if (!reasons.length) return loadProposal(tx, await move(tx, actor, row, "approved"));
    const approverId = await approverFor(tx, row.workspaceId, row.ownerId);
    if (!approverId) throw AppError.rule("approval_no_approver");
    const after = await move(tx, actor, row, "pending_approval");
    await requestApproval(tx, actor, {
      entity: "proposal",
      entityId: row.id,
      kind: "proposal_authority",
      approverId,
      reasons,
    });
    return loadProposal(tx, after);
  });
}

/**
 * Records that the proposal went to the client. It must be approved (or within the owner's
 * authority, when it is approved on the way). Sending by email joins here.
 */
export async function markSent(db: Db, actor: Actor, id: string, version?: number): Promise<Proposal> {
  return withTx(db, async (tx) => {
    const row = await forChange(tx, actor, id, version, ["draft", "approved"]);
    if (row.status === "draft") {
      if (!(await linesOf(tx, [row.id])).length) throw AppError.rule("proposal_empty");
      if ((await authorityCheck(tx, row)).length) throw AppError.rule("proposal_needs_approval");
    }
    const sentAt = new Date().toISOString();
    const sent = await move(tx, actor, row, "sent", { sentAt });
    // Sent outside Accord (by hand, a messenger): the client's timeline still shows it.
    await recordActivity(tx, actor, {
      type: "note",
      subject: `КП ${row.number} передано клиенту`,
      companyId: row.companyId,
      contactId: row.contactId,
      dealId: row.dealId,
      ownerId: row.ownerId,
      doneAt: sentAt,
    });
    return loadProposal(tx, sent);
  });
}

export async function acceptProposal(db: Db, actor: Actor, id: string, version?: number): Promise<Proposal> {
  return withTx(db, async (tx) => {
    const row = await forChange(tx, actor, id, version, ["sent"]);
    return loadProposal(tx, await move(tx, actor, row, "accepted", { decidedAt: new Date().toISOString() }));
  });
}

export async function rejectProposal(db: Db, actor: Actor, id: string, version?: number): Promise<Proposal> {
  return withTx(db, async (tx) => {
    const row = await forChange(tx, actor, id, version, ["sent"]);
    return loadProposal(tx, await move(tx, actor, row, "rejected", { decidedAt: new Date().toISOString() }));
  });
}

/**
 * The next revision of a frozen proposal: a copy with revision + 1 and the same number, as a
 * draft; the previous revision stays as it was sent and is no longer current.
 */
export async function reviseProposal(db: Db, actor: Actor, id: string): Promise<Proposal> {
  return withTx(db, async (tx) => {
    const row = await forChange(tx, actor, id, undefined, [
      "pending_approval",
      "sent",
      "rejected",
      "expired",
    ]);
    if (row.status === "pending_approval") await withdrawApprovals(tx, actor, "proposal", row.id);
    const older = await updateProposal(tx, row.id, { isCurrent: false });
    const next = await insertProposal(tx, {
      ...older,
      id: uuidv7(),
      revision: row.revision + 1,
      isCurrent: true,
      status: "draft",
      issueDate: moscowToday(),
      sentAt: null,
      decidedAt: null,
      createdAt: undefined,
      updatedAt: undefined,
      version: 1,
      createdBy: isSystem(actor) ? null : actor.id,
    });
    const lines = await linesOf(tx, [row.id]);
    await replaceLines(
      tx,
      row.workspaceId,
      next.id,
      lines.map(({ workspaceId: _w, proposalId: _p, ...l }) => ({ ...l, id: uuidv7() })),
    );
    await recordChange(tx, actor, {
      action: "revise",
      entity: "proposal",
      entityId: next.id,
      after: { number: next.number, revision: next.revision, previousId: row.id },
    });
    return loadProposal(tx, next);
  });
}

export async function revisionsOfProposal(db: Db, actor: Actor, id: string): Promise<ProposalSummary[]> {
  const row = await proposalFor(db, actor, id, "read");
  const company = await findCompanyRow(db, row.workspaceId, row.companyId);
  return (await revisionsOf(db, row.workspaceId, row.groupId)).map((r) =>
    presentSummary(r, company?.name ?? null),
  );
}

/**
 * Expires sent proposals whose validity ended (Moscow date). Idempotent: a second run finds
 * nothing left in "sent" past its date. Works in batches so one run never holds a long lock.
 */
export async function expireProposals(db: Db, today = moscowToday()): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await withTx(db, async (tx) => {
      const rows = await expiredSent(tx, today, 100);
      for (const row of rows) await move(tx, systemActor(row.workspaceId), row, "expired");
      return rows.length;
    });
    total += done;
    if (done < 100) return total;
  }
}
