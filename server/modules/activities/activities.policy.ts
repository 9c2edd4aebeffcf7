import type { Actor } from "../../platform/actor";
import { isSystem } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Action, type Reach, reachOf } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { type ActivityRow, findPeople } from "./activities.repo";

/**
 * Who may do what with an activity. It is within reach when its owner (the assignee) is, or
 * when its company's owner is: a manager sees the tasks they were given and everything done on
 * their clients. Outside the reach an activity does not exist for the caller (404).
 */
export function authorizeActivity(actor: Actor, action: Action, row: ActivityRow | undefined): Reach {
  const reach = authorize(actor, "activities", action);
  if (!row || !(canReach(actor, reach, row.ownerId) || canReach(actor, reach, row.companyOwnerId))) {
    throw AppError.notFound();
  }
  if (row.deletedAt && (action !== "read" || !mayRestoreActivities(actor))) throw AppError.notFound();
  return reach;
}

export function mayRestoreActivities(actor: Actor): boolean {
  return reachOf("activities", "restore", actor.role) !== null;
}

const assigneeError = (code: "assignee_outside_team" | "assignee_inactive") =>
  AppError.rule(code, {}, [{ path: "ownerId", message: code }]);

/**
 * Whom the actor may give an activity to: themselves; the people who report to them (a head's
 * whole team, recursively); their own head; an admin anyone. The system (cadences) assigns freely.
 */
export async function assertAssignable(tx: Db, actor: Actor, ownerId: string): Promise<void> {
  const [person, me] = await findPeople(tx, actor.workspaceId, [ownerId, actor.id]).then((rows) => [
    rows.find((r) => r.id === ownerId),
    rows.find((r) => r.id === actor.id),
  ]);
  if (!person?.active || person.deleted) throw assigneeError("assignee_inactive");
  if (ownerId === actor.id || isSystem(actor) || actor.role === "admin") return;
  const reportsToMe = person.headId === actor.id || actor.teamIds.includes(ownerId);
  const isMyHead = me?.headId === ownerId;
  if (!reportsToMe && !isMyHead) throw assigneeError("assignee_outside_team");
}
