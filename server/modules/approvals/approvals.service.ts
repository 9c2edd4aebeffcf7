import type { Approval, ApprovalDecision, ApprovalListQuery } from "../../../contracts/approvals";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { notify } from "../notifications/notifications.service";
import { approvalKinds } from "./approvals.kinds";
import {
  type ApprovalRow,
  findApproval,
  insertApproval,
  listApprovalRows,
  pendingFor,
  setApprovalDecision,
  userNamesOf,
} from "./approvals.repo";

export type ApprovalReason = { code: string; params?: Record<string, unknown> };

async function present(db: Db, workspaceId: string, rows: ApprovalRow[]): Promise<Approval[]> {
  const names = await userNamesOf(
    db,
    workspaceId,
    rows.flatMap((r) => [r.requestedBy, r.approverId]),
  );
  const titles = new Map<string, string | null>();
  for (const [kind, handler] of Object.entries(approvalKinds)) {
    const own = rows.filter((r) => r.kind === kind);
    if (own.length && handler.titles) for (const [id, t] of await handler.titles(db, own)) titles.set(id, t);
  }
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entityId,
    kind: r.kind,
    title: titles.get(r.id) ?? null,
    requestedBy: r.requestedBy,
    requestedByName: names.get(r.requestedBy) ?? null,
    approverId: r.approverId,
    approverName: names.get(r.approverId) ?? null,
    status: r.status,
    reasons: r.reasons ?? [],
    comment: r.comment,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
  }));
}

/**
 * Asks `approverId` to decide, in the caller's transaction. An earlier pending request about the
 * same row is withdrawn, so a row has at most one open request.
 */
export async function requestApproval(
  tx: Db,
  actor: Actor,
  r: { entity: string; entityId: string; kind: string; approverId: string; reasons: ApprovalReason[] },
): Promise<ApprovalRow> {
  for (const old of await pendingFor(tx, r.entity, r.entityId)) {
    await setApprovalDecision(tx, old.id, "withdrawn", null);
    await recordChange(tx, actor, {
      action: "withdraw",
      entity: "approval",
      entityId: old.id,
      changes: { status: { from: "pending", to: "withdrawn" } },
    });
  }
  const row = await insertApproval(tx, {
    id: uuidv7(),
    workspaceId: actor.workspaceId,
    createdBy: isSystem(actor) ? null : actor.id,
    entity: r.entity,
    entityId: r.entityId,
    kind: r.kind,
    requestedBy: actor.id,
    approverId: r.approverId,
    reasons: r.reasons,
  });
  await recordChange(tx, actor, {
    action: "request",
    entity: "approval",
    entityId: row.id,
    after: {
      entity: r.entity,
      entityId: r.entityId,
      kind: r.kind,
      approverId: r.approverId,
      reasons: r.reasons,
    },
  });
  await notify(tx, {
    workspaceId: actor.workspaceId,
    userIds: [r.approverId],
    kind: "approval_requested",
    title: "Запрос на согласование",
    link: "/approvals",
    dedupeKey: `approval:${row.id}`,
  });
  return row;
}

/** Withdraws the pending requests about a row (it was edited or revised). */
export async function withdrawApprovals(
  tx: Db,
  actor: Actor,
  entity: string,
  entityId: string,
): Promise<void> {
  for (const old of await pendingFor(tx, entity, entityId)) {
    await setApprovalDecision(tx, old.id, "withdrawn", null);
    await recordChange(tx, actor, {
      action: "withdraw",
      entity: "approval",
      entityId: old.id,
      changes: { status: { from: "pending", to: "withdrawn" } },
    });
  }
}

export async function listApprovals(
  db: Db,
  actor: Actor,
  query: ApprovalListQuery,
): Promise<{ items: Approval[]; nextCursor: string | null }> {
  const reach = authorize(actor, "approvals", "read");
  const owners = visibleOwnerIds(actor, reach);
  const result = await listApprovalRows(
    db,
    {
      workspaceId: actor.workspaceId,
      owners,
      // The inbox is what waits for me, whoever asked (an admin may be asked by anyone).
      orInbox: actor.id,
      approverId: query.box === "inbox" ? actor.id : undefined,
      requestedBy: query.box === "mine" ? actor.id : undefined,
      status: query.status,
    },
    query,
  );
  return { items: await present(db, actor.workspaceId, result.items), nextCursor: result.nextCursor };
}

export async function getApproval(db: Db, actor: Actor, id: string): Promise<Approval> {
  authorize(actor, "approvals", "read");
  const row = await findApproval(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  // The named approver sees the request whoever asked; anyone else by the requester's reach.
  if (row.approverId !== actor.id) authorizeRow(actor, "approvals", "read", row.requestedBy);
  return (await present(db, actor.workspaceId, [row]))[0]!;
}

/**
 * Approves or rejects. Only the named approver or an admin decides (a head outside the
 * requester's team sees nothing: 404); a decided request answers 409. The kind's handler moves
 * the row it is about, in the same transaction, and the decision is audited.
 */
export async function decideApproval(
  db: Db,
  actor: Actor,
  id: string,
  decision: "approved" | "rejected",
  input: ApprovalDecision,
): Promise<Approval> {
  authorize(actor, "approvals", "approve");
  return withTx(db, async (tx) => {
    const row = await findApproval(tx, actor.workspaceId, id, true);
    if (!row) throw AppError.notFound();
    if (row.approverId !== actor.id) authorizeRow(actor, "approvals", "approve", row.requestedBy);
    if (actor.role !== "admin" && row.approverId !== actor.id)
      throw new AppError("approval_not_approver", 403);
    if (row.status !== "pending") throw new AppError("approval_decided", 409, { status: row.status });
    const decided = await setApprovalDecision(tx, row.id, decision, input.comment || null);
    await recordChange(tx, actor, {
      action: decision === "approved" ? "approve" : "reject",
      entity: "approval",
      entityId: row.id,
      changes: {
        status: { from: "pending", to: decision },
        ...(input.comment ? { comment: { from: null, to: input.comment } } : {}),
      },
    });
    await approvalKinds[row.kind]?.onDecided(tx, actor, decided);
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: [row.requestedBy],
      kind: `approval_${decision}`,
      title: decision === "approved" ? "Согласование одобрено" : "Согласование отклонено",
      ...(input.comment ? { body: input.comment } : {}),
      link: "/approvals",
      dedupeKey: `approval-decided:${row.id}`,
    });
    return (await present(tx, actor.workspaceId, [decided]))[0]!;
  });
}
