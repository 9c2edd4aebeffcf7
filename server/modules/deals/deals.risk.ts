import { and, eq } from "drizzle-orm";
import { approvals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { approverFor } from "../approvals/approvals.repo";
import { requestApproval } from "../approvals/approvals.service";
import { gradesOf } from "../reliability/reliability.service";
import { DEAL_RISK_KIND } from "./deals.approval";

/**
 * Issue 6, "in the sales process": a deal with a D-grade (high-risk) client goes to the contract
 * stage only with the head's consent. A manager's move there is refused with a clear message and
 * a request lands in the head's approval inbox; once it is approved, the same move goes through.
 * Heads and admins carry that authority themselves.
 */
const RISKY_STAGE = "contract";

type DealRow = { id: string; workspaceId: string; companyId: string; ownerId: string; title: string };

/** Thrown inside the move's transaction, so the move rolls back before the request is made. */
export class DealNeedsApproval extends Error {
  constructor(readonly deal: DealRow) {
    super("deal_needs_approval");
  }
}

async function hasRiskApproval(tx: Db, dealId: string, status: "approved" | "pending"): Promise<boolean> {
  const [found] = await tx
    .select({ id: approvals.id })
    .from(approvals)
    .where(
      and(
        eq(approvals.entity, "deal"),
        eq(approvals.entityId, dealId),
        eq(approvals.kind, DEAL_RISK_KIND),
        eq(approvals.status, status),
      ),
    )
    .limit(1);
  return Boolean(found);
}

/** Refuses a manager's move of a D-grade client's deal into the contract stage without consent. */
export async function assertRiskCleared(
  tx: Db,
  actor: Actor,
  deal: DealRow,
  stageKey: string,
): Promise<void> {
  if (stageKey !== RISKY_STAGE || actor.role !== "manager") return;
  const grade = (await gradesOf(tx, deal.workspaceId, [deal.companyId])).get(deal.companyId);
  if (grade !== "D") return;
  if (!(await hasRiskApproval(tx, deal.id, "approved"))) throw new DealNeedsApproval(deal);
}

/** Files the request (once: a pending one is not repeated) and answers with the 422 to show. */
export async function requestRiskApproval(tx: Db, actor: Actor, deal: DealRow): Promise<AppError> {
  if (await hasRiskApproval(tx, deal.id, "pending")) return AppError.rule("deal_risk_approval_pending");
  const approverId = await approverFor(tx, deal.workspaceId, deal.ownerId);
  if (!approverId) return AppError.rule("deal_risk_no_approver");
  await requestApproval(tx, actor, {
    entity: "deal",
    entityId: deal.id,
    kind: DEAL_RISK_KIND,
    approverId,
    reasons: [{ code: "deal_grade_d", params: { deal: deal.title } }],
  });
  return AppError.rule("deal_risk_approval_requested");
}
