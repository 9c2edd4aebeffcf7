import type { Activity } from "../../../contracts/activities";
import type { ActivityRow } from "./activities.repo";

/** Open with a due time in the past (`now` passed in so one answer uses one clock). */
export function isOverdue(row: Pick<ActivityRow, "doneAt" | "dueAt">, now = Date.now()): boolean {
  return row.doneAt === null && row.dueAt !== null && Date.parse(row.dueAt) < now;
}

export function presentActivity(row: ActivityRow, now = Date.now()): Activity {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    direction: row.direction,
    dueAt: row.dueAt,
    endAt: row.endAt,
    remindAt: row.remindAt,
    doneAt: row.doneAt,
    occurredAt: row.occurredAt,
    companyId: row.companyId,
    contactId: row.contactId,
    dealId: row.dealId,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    companyName: row.companyName,
    outcome: row.outcome,
    agreements: row.agreements,
    nextStep: row.nextStep,
    overdue: isOverdue(row, now),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    version: row.version,
  };
}
