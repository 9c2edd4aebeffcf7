import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { CREDIT_LIMIT_KIND, creditLimitApprovalKind } from "../catalogue/credit.approval";
import { DEAL_RISK_KIND, dealRiskApprovalKind } from "../deals/deals.approval";
import { proposalApprovalKind } from "../proposals/proposals.approval";
import type { ApprovalRow } from "./approvals.repo";

export type ApprovalKind = {
  /** Moves the row the approval is about, in the deciding transaction. */
  onDecided(tx: Db, actor: Actor, approval: ApprovalRow): Promise<void>;
  /** Short titles for the inbox, by approval id. */
  titles?(db: Db, rows: readonly ApprovalRow[]): Promise<Map<string, string>>;
};

/** Every kind of approval; other modules (credit beyond limit, D-grade deals) add theirs here. */
export const approvalKinds: Record<string, ApprovalKind> = {
  proposal_authority: proposalApprovalKind,
  [DEAL_RISK_KIND]: dealRiskApprovalKind,
  [CREDIT_LIMIT_KIND]: creditLimitApprovalKind,
};
