import { and, eq } from "drizzle-orm";
import { companies } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { approverFor } from "../approvals/approvals.repo";
import { requestApproval } from "../approvals/approvals.service";
import { CREDIT_LIMIT_KIND } from "./credit.approval";

/** Thrown inside the terms transaction, so nothing is saved before the request is filed. */
export class CreditNeedsApproval extends Error {
  constructor(
    readonly amount: string,
    readonly recommended: string,
  ) {
    super("credit_limit_needs_approval");
  }
}

/**
 * Files the head's approval of a credit limit above the recommendation (a newer request replaces
 * a pending one) and answers with the 422 to show; the approved amount is applied on decision.
 */
export async function requestCreditApproval(
  tx: Db,
  actor: Actor,
  companyId: string,
  amount: string,
  recommended: string,
): Promise<AppError> {
  const [company] = await tx
    .select({ ownerId: companies.ownerId })
    .from(companies)
    .where(and(eq(companies.id, companyId), eq(companies.workspaceId, actor.workspaceId)));
  const approverId = company ? await approverFor(tx, actor.workspaceId, company.ownerId) : null;
  if (!approverId) return AppError.rule("credit_limit_no_approver", { limit: recommended });
  await requestApproval(tx, actor, {
    entity: "company",
    entityId: companyId,
    kind: CREDIT_LIMIT_KIND,
    approverId,
    reasons: [{ code: "credit_over_limit", params: { amount, limit: recommended } }],
  });
  return AppError.rule("credit_limit_approval_requested", { amount, limit: recommended });
}
