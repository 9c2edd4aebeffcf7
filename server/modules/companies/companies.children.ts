import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { activitiesAsCompanyChild } from "../activities/activities.children";
import { enrolmentsAsCompanyChild } from "../cadences/cadences.links";
import { cataloguePricingAsCompanyChild } from "../catalogue/catalogue.links";
import { contactsAsCompanyChild } from "../contacts/contacts.links";
import { dealsAsCompanyChild } from "../deals/deals.links";
import { invoicesAsCompanyChild } from "../invoices/invoices.links";
import { proposalsAsCompanyChild } from "../proposals/proposals.links";
import { reliabilityAsCompanyChild } from "../reliability/reliability.links";

/**
 * Rows that belong to a company (contacts now; deals, activities, proposals … later). A merge
 * moves them to the target, a transfer hands them to the new owner, a delete takes the live ones
 * along and a restore brings exactly those back, and the company's history lists their audit
 * entries. Adding a kind of child is one entry in `companyChildren`; every operation picks it up.
 */
export type CompanyChild = {
  /** The `entity` of its audit entries. */
  entity: string;
  /** Ids of child rows of these companies, deleted ones included. */
  idsOf(db: Db, workspaceId: string, companyIds: readonly string[]): Promise<string[]>;
  /** Re-points the children of `sourceIds` to the target (audited per child); returns how many. */
  moveTo(
    tx: Db,
    actor: Actor,
    sourceIds: readonly string[],
    target: { id: string; ownerId: string },
  ): Promise<number>;
  /** Follows an ownership transfer of their companies (denormalised owner columns). */
  setOwner(tx: Db, workspaceId: string, companyIds: readonly string[], ownerId: string): Promise<void>;
  /** Soft-deletes the live children with the company's deletion stamp. */
  deleteWith(tx: Db, actor: Actor, companyId: string, deletedAt: string): Promise<void>;
  /** Restores the children deleted with the company (same stamp). */
  restoreWith(
    tx: Db,
    actor: Actor,
    company: { id: string; ownerId: string },
    deletedAt: string,
  ): Promise<void>;
};

export const companyChildren: readonly CompanyChild[] = [
  contactsAsCompanyChild,
  dealsAsCompanyChild,
  activitiesAsCompanyChild,
  invoicesAsCompanyChild,
  proposalsAsCompanyChild,
  enrolmentsAsCompanyChild,
  cataloguePricingAsCompanyChild,
  reliabilityAsCompanyChild,
];

/** Audit targets of a company's history: the companies themselves and all their children. */
export async function historyTargets(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
): Promise<{ entity: string; ids: string[] }[]> {
  const targets = [{ entity: "company", ids: [...companyIds] }];
  for (const child of companyChildren) {
    const ids = await child.idsOf(db, workspaceId, companyIds);
    if (ids.length) targets.push({ entity: child.entity, ids });
  }
  return targets;
}
