import { and, eq, inArray, sql } from "drizzle-orm";
import { cadenceEnrolments } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { CompanyChild } from "../companies/companies.children";
import { stopEnrolments } from "./cadences.service";

/**
 * Enrolments follow their company (companies.children.ts): a transfer hands the running scheme to
 * the new owner (its next tasks are theirs); a delete or a merge stops the running ones (manual) —
 * a merged client may already be in the same scheme under the target — and a merge re-points them.
 */
export const enrolmentsAsCompanyChild: CompanyChild = {
  entity: "cadence_enrolment",

  async idsOf(db, workspaceId, companyIds) {
    if (!companyIds.length) return [];
    const rows = await db
      .select({ id: cadenceEnrolments.id })
      .from(cadenceEnrolments)
      .where(
        and(
          eq(cadenceEnrolments.workspaceId, workspaceId),
          inArray(cadenceEnrolments.companyId, [...companyIds]),
        ),
      );
    return rows.map((r) => r.id);
  },

  async moveTo(tx: Db, actor: Actor, sourceIds, target) {
    for (const id of sourceIds) await stopEnrolments(tx, actor, { companyId: id }, "manual");
    if (!sourceIds.length) return 0;
    const moved = await tx
      .update(cadenceEnrolments)
      .set({ companyId: target.id, ownerId: target.ownerId, updatedAt: sql`now()` })
      .where(
        and(
          eq(cadenceEnrolments.workspaceId, actor.workspaceId),
          inArray(cadenceEnrolments.companyId, [...sourceIds]),
        ),
      )
      .returning({ id: cadenceEnrolments.id });
    for (const row of moved)
      await recordChange(tx, actor, {
        action: "move",
        entity: "cadence_enrolment",
        entityId: row.id,
        changes: { companyId: { from: null, to: target.id } },
      });
    return moved.length;
  },

  async setOwner(tx, workspaceId, companyIds, ownerId) {
    if (!companyIds.length) return;
    await tx
      .update(cadenceEnrolments)
      .set({ ownerId, updatedAt: sql`now()` })
      .where(
        and(
          eq(cadenceEnrolments.workspaceId, workspaceId),
          inArray(cadenceEnrolments.companyId, [...companyIds]),
        ),
      );
  },

  async deleteWith(tx, actor, companyId) {
    await stopEnrolments(tx, actor, { companyId }, "manual");
  },

  // A restored company is not put back into a scheme by itself: the owner decides to enrol again.
  async restoreWith() {},
};
