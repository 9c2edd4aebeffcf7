import { and, eq, inArray } from "drizzle-orm";
import { deals } from "../../db/schema/index";
import type { ApprovalKind } from "../approvals/approvals.kinds";

/** A manager's move of a D-grade client's deal into the contract stage (see deals.risk.ts). */
export const DEAL_RISK_KIND = "deal_contract_risk";

/** The approval inbox's view of these requests: the decision itself is what the next move checks. */
export const dealRiskApprovalKind: ApprovalKind = {
  async onDecided() {},
  async titles(db, rows) {
    const found = await db
      .select({ id: deals.id, title: deals.title })
      .from(deals)
      .where(
        and(
          inArray(
            deals.id,
            rows.map((r) => r.entityId),
          ),
          eq(deals.workspaceId, rows[0]!.workspaceId),
        ),
      );
    const byId = new Map(found.map((d) => [d.id, d.title]));
    return new Map(rows.map((r) => [r.id, `Сделка «${byId.get(r.entityId) ?? "—"}»`]));
  },
};
