import type { Actor } from "./actor";
import { AppError } from "./errors";
import { type Action, type Reach, type Resource, reachOf } from "./permissions";

const writes: ReadonlySet<Action> = new Set([
  "create",
  "update",
  "delete",
  "restore",
  "approve",
  "import",
  "transfer",
]);

/**
 * The one policy helper every module uses. Returns how far the actor's right reaches, or
 * throws 403. A read-only API token may never write, whatever the role allows.
 */
export function authorize(actor: Actor, resource: Resource, action: Action): Reach {
  if (writes.has(action)) assertMayWrite(actor);
  const reach = reachOf(resource, action, actor.role);
  if (!reach) throw AppError.forbidden();
  return reach;
}

/** Writes to one's own account (profile, password) need no table entry, but never a read-only token. */
export function assertMayWrite(actor: Actor): void {
  if (actor.tokenScope === "read") throw new AppError("token_scope", 403);
}

/** Owner ids the actor may see for a reach, or null for "everyone in the workspace". */
export function visibleOwnerIds(actor: Actor, reach: Reach): readonly string[] | null {
  if (reach === "all") return null;
  if (reach === "team") return actor.teamIds.length ? actor.teamIds : [actor.id];
  return [actor.id];
}

export function canReach(actor: Actor, reach: Reach, ownerId: string | null): boolean {
  const ids = visibleOwnerIds(actor, reach);
  return ids === null || (ownerId !== null && ids.includes(ownerId));
}

/** Authorises an action on one row; a row outside the reach is reported as not found (404). */
export function authorizeRow(
  actor: Actor,
  resource: Resource,
  action: Action,
  ownerId: string | null,
): Reach {
  const reach = authorize(actor, resource, action);
  if (!canReach(actor, reach, ownerId)) throw AppError.notFound();
  return reach;
}
