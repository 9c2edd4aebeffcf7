import { and, eq, inArray } from "drizzle-orm";
import { proposals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { ApprovalRow } from "../approvals/approvals.repo";
import { findProposal, updateProposal } from "./proposals.repo";

/**
 * A proposal beyond its owner's authority waits for the head: approved → it may be sent;
 * rejected → it returns to its author for changes (status rejected_by_head, editable like a
 * draft) with the head's comment on the approval.
 */
export const proposalApprovalKind = {
  async onDecided(tx: Db, actor: Actor, approval: ApprovalRow): Promise<void> {
    const row = await findProposal(tx, approval.workspaceId, approval.entityId, true);
    // A revision withdrawn or already moved meanwhile is left as it is.
    if (!row) return;
    if (row.status !== "pending_approval") return;
    const status = approval.status === "approved" ? "approved" : "rejected_by_head";
    const after = await updateProposal(tx, row.id, { status, decidedAt: approval.decidedAt });
    await recordChange(tx, actor, {
      action: status === "approved" ? "approve" : "reject",
      entity: "proposal",
      entityId: row.id,
      changes: { status: { from: row.status, to: after.status } },
    });
  },

  async titles(db: Db, rows: readonly ApprovalRow[]): Promise<Map<string, string>> {
    const found = await db
      .select({
        id: proposals.id,
        number: proposals.number,
        revision: proposals.revision,
        gross: proposals.gross,
      })
      .from(proposals)
      .where(
        and(
          inArray(
            proposals.id,
            rows.map((r) => r.entityId),
          ),
          eq(proposals.workspaceId, rows[0]!.workspaceId),
        ),
      );
    const byId = new Map(found.map((p) => [p.id, p]));
    const out = new Map<string, string>();
    for (const r of rows) {
      const p = byId.get(r.entityId);
      if (p) out.set(r.id, `${p.number}${p.revision > 1 ? ` ред. ${p.revision}` : ""}`);
    }
    return out;
  },
};
