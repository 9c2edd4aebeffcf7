import type { Actor } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import { type Action, type Reach, reachOf } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import type { CompanyRow } from "./companies.presenter";

/**
 * Who may do what with a company. Visibility follows the owner: a manager reaches their own
 * companies, a head their team's (reports at any depth), an admin all. A company outside the
 * reach does not exist for the caller (404, never 403); a role without the right at all gets 403.
 */
export function authorizeCompany(actor: Actor, action: Action, row: CompanyRow | undefined): Reach {
  const reach = authorize(actor, "companies", action);
  if (!row || !canReach(actor, reach, row.ownerId)) throw AppError.notFound();
  // A deleted company is visible only to those who may restore it (to restore it).
  if (row.deletedAt && (action !== "read" || !mayRestore(actor))) throw AppError.notFound();
  return reach;
}

/** Deleted companies are seen by whoever may restore them (admins). */
export function mayRestore(actor: Actor): boolean {
  return reachOf("companies", "restore", actor.role) !== null;
}

/**
 * Whom the actor may make an owner: themselves (manager), anyone in their team (head), anyone
 * (admin). Another person's name is a 403: the caller knows whom they asked for.
 */
export function assertAssignableOwner(actor: Actor, reach: Reach, ownerId: string): void {
  if (!canReach(actor, reach, ownerId)) throw AppError.forbidden();
}
