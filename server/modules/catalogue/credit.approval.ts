import { eq, inArray, sql } from "drizzle-orm";
import { clientTerms, companies } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { ApprovalKind } from "../approvals/approvals.kinds";
import type { ApprovalRow } from "../approvals/approvals.repo";

/** A manager's credit limit (deferred payment) above the reliability recommendation (issue 6). */
export const CREDIT_LIMIT_KIND = "credit_limit";

/** The approved amount becomes the client's credit limit in the deciding transaction. */
export const creditLimitApprovalKind: ApprovalKind = {
  async onDecided(tx: Db, actor: Actor, approval: ApprovalRow) {
    if (approval.status !== "approved") return;
    const amount = String(approval.reasons?.[0]?.params?.amount ?? "");
    if (!/^\d+(\.\d{1,2})?$/.test(amount)) return;
    const [before] = await tx.select().from(clientTerms).where(eq(clientTerms.companyId, approval.entityId));
    await tx
      .insert(clientTerms)
      .values({ companyId: approval.entityId, workspaceId: approval.workspaceId, creditLimit: amount })
      .onConflictDoUpdate({
        target: clientTerms.companyId,
        set: { creditLimit: amount, version: sql`${clientTerms.version} + 1`, updatedAt: sql`now()` },
      });
    await recordChange(tx, actor, {
      action: "terms",
      entity: "company",
      entityId: approval.entityId,
      changes: { creditLimit: { from: before?.creditLimit ?? null, to: amount } },
    });
  },
  async titles(db, rows) {
    const found = await db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(
        inArray(
          companies.id,
          rows.map((r) => r.entityId),
        ),
      );
    const byId = new Map(found.map((c) => [c.id, c.name]));
    return new Map(rows.map((r) => [r.id, `Кредитный лимит: ${byId.get(r.entityId) ?? "—"}`]));
  },
};
