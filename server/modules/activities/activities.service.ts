import { and, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import type {
  Activity,
  ActivityComplete,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  MyDay,
} from "../../../contracts/activities";
import { uuidv7 } from "../../../core/uuid";
import { dayBounds, isTimeZone } from "../../../core/zoned-time";
import { activities } from "../../db/schema/index";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError, type FieldError } from "../../platform/errors";
import { authorize, canReach, visibleOwnerIds } from "../../platform/policy";
import { stopEnrolments } from "../cadences/cadences.service";
import { notify } from "../notifications/notifications.service";
import { activityLink, noticeTitle, scheduleReminder } from "./activities.notices";
import { assertAssignable, authorizeActivity, mayRestoreActivities } from "./activities.policy";
import { presentActivity } from "./activities.presenter";
import {
  type ActivityRow,
  type ActivitySet,
  dueBetween,
  findActivity,
  findPeople,
  findTargets,
  insertActivity,
  listActivities,
  lockActivity,
  openDueBefore,
  statusWhere,
  touchLastContact,
  updateActivity,
  userTimeZone,
  visibleWhere,
} from "./activities.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);
const contactTypes = new Set(["call", "meeting", "email"]);

type Shape = Pick<ActivityRow, "type" | "dueAt" | "endAt" | "remindAt" | "doneAt">;

/** Rules every activity obeys, whoever writes it. `remindChanged`: the reminder is new or moved. */
function assertShape(a: Shape, remindChanged: boolean): void {
  const rule = (
    code: "activity_due_required" | "activity_end_before_start" | "reminder_in_past" | "reminder_after_done",
    path: string,
  ) => AppError.rule(code, {}, [{ path, message: code }] satisfies FieldError[]);
  if ((a.type === "task" || a.type === "meeting") && !a.dueAt) throw rule("activity_due_required", "dueAt");
  if (a.endAt && a.dueAt && Date.parse(a.endAt) < Date.parse(a.dueAt)) {
    throw rule("activity_end_before_start", "endAt");
  }
  if (a.remindAt && remindChanged) {
    if (a.doneAt) throw rule("reminder_after_done", "remindAt");
    if (Date.parse(a.remindAt) <= Date.now()) throw rule("reminder_in_past", "remindAt");
  }
}

const iso = (v: string | null | undefined) => (v ? new Date(v).toISOString() : (v ?? null));

/** Company, contact and deal must exist in the workspace; the company follows from a contact or deal. */
async function resolveTargets(
  tx: Db,
  actor: Actor,
  input: Pick<ActivityCreate, "companyId" | "contactId" | "dealId">,
) {
  const found = await findTargets(tx, actor.workspaceId, input);
  const missing = (path: string) =>
    AppError.rule("activity_target_missing", {}, [{ path, message: "activity_target_missing" }]);
  if (input.companyId && !found.company) throw missing("companyId");
  if (input.contactId && !found.contact) throw missing("contactId");
  if (input.dealId && !found.deal) throw missing("dealId");
  const companyId = input.companyId ?? found.deal?.companyId ?? found.contact?.companyId ?? null;
  return { companyId, found };
}

/**
 * Creates an activity inside the CALLER's transaction: checks the shape rules, keeps
 * `occurred_at`, audits, schedules the reminder, tells an assignee who is not the author, and
 * moves the company's last contact when a call, meeting or e-mail is recorded as done. Used by
 * this module's route and by cadences, proposals and reliability (who have authorised their act).
 */
export async function recordActivity(tx: Db, actor: Actor, input: ActivityCreate): Promise<Activity> {
  const ownerId = input.ownerId ?? actor.id;
  const { companyId } = await resolveTargets(tx, actor, input);
  const values = {
    type: input.type,
    dueAt: iso(input.dueAt),
    endAt: iso(input.endAt),
    remindAt: iso(input.remindAt),
    doneAt: iso(input.doneAt),
  };
  assertShape(values, true);
  const id = uuidv7();
  const now = new Date().toISOString();
  const row = await insertActivity(tx, {
    id,
    workspaceId: actor.workspaceId,
    createdBy: stampOf(actor),
    ...values,
    subject: input.subject,
    body: input.body ?? null,
    direction: input.direction ?? null,
    companyId,
    contactId: input.contactId ?? null,
    dealId: input.dealId ?? null,
    ownerId,
    occurredAt: values.doneAt ?? values.dueAt ?? now,
    createdAt: now,
    updatedAt: now,
    outcome: input.outcome ?? null,
    agreements: input.agreements ?? null,
    nextStep: input.nextStep ?? null,
    enrolmentId: input.enrolmentId ?? null,
    cadenceStep: input.cadenceStep ?? null,
  });
  const activity = presentActivity(row);
  await recordChange(tx, actor, { action: "create", entity: "activity", entityId: id, after: activity });
  await afterWrite(tx, actor, row, null);
  if (row.direction === "in" && (row.type === "call" || row.type === "email")) {
    // A reply from the client ends the contact schemes it was walked through.
    await stopEnrolments(
      tx,
      actor,
      { companyId: row.companyId ?? undefined, contactId: row.contactId ?? undefined },
      "reply",
    );
  }
  return activity;
}

/** Follow-ups of any write: reminder job, assignment notice, the company's last contact. */
async function afterWrite(tx: Db, actor: Actor, row: ActivityRow, before: ActivityRow | null): Promise<void> {
  await scheduleReminder(tx, row, before?.remindAt ?? null);
  const assigned = !before || before.ownerId !== row.ownerId;
  if (assigned && row.ownerId !== actor.id && !isSystem(actor) && !row.doneAt && !row.deletedAt) {
    const [owner] = await findPeople(tx, actor.workspaceId, [row.ownerId]);
    await notify(tx, {
      workspaceId: actor.workspaceId,
      userIds: [row.ownerId],
      kind: "assigned",
      title: noticeTitle("assigned", owner?.locale ?? "ru", row.subject),
      body: row.dueAt ?? undefined,
      link: activityLink(row),
      dedupeKey: `assigned:${row.id}:${row.version}`,
    });
  }
  if (row.doneAt && row.companyId && contactTypes.has(row.type) && !row.deletedAt) {
    await touchLastContact(tx, actor.workspaceId, row.companyId, row.doneAt);
  }
}

export async function createActivity(db: Db, actor: Actor, input: ActivityCreate): Promise<Activity> {
  authorize(actor, "activities", "create");
  return withTx(db, async (tx) => {
    await assertAssignable(tx, actor, input.ownerId ?? actor.id);
    await assertTargetsReachable(tx, actor, input);
    return recordActivity(tx, actor, input);
  });
}

/** A person may attach an activity only to a company/contact/deal they can see. */
async function assertTargetsReachable(
  tx: Db,
  actor: Actor,
  input: Pick<ActivityCreate, "companyId" | "contactId" | "dealId">,
) {
  const reach = authorize(actor, "activities", "create");
  const { found } = await resolveTargets(tx, actor, input);
  const outside = (path: string) =>
    AppError.rule("activity_target_missing", {}, [{ path, message: "activity_target_missing" }]);
  if (found.company && !canReach(actor, reach, found.company.ownerId)) throw outside("companyId");
  if (found.contact && !canReach(actor, reach, found.contact.ownerId)) throw outside("contactId");
  if (found.deal && !canReach(actor, reach, found.deal.ownerId)) throw outside("dealId");
}

export async function getActivity(db: Db, actor: Actor, id: string): Promise<Activity> {
  const row = await findActivity(db, actor.workspaceId, id);
  authorizeActivity(actor, "read", row);
  return presentActivity(row!);
}

export async function listVisibleActivities(db: Db, actor: Actor, query: ActivityListQuery) {
  const reach = authorize(actor, "activities", "read");
  if (query.deleted === "true" && !mayRestoreActivities(actor)) throw AppError.forbidden();
  const where = and(
    visibleWhere(actor.workspaceId, visibleOwnerIds(actor, reach)),
    query.deleted === "true" ? isNotNull(activities.deletedAt) : isNull(activities.deletedAt),
    query.companyId ? eq(activities.companyId, query.companyId) : undefined,
    query.contactId ? eq(activities.contactId, query.contactId) : undefined,
    query.dealId ? eq(activities.dealId, query.dealId) : undefined,
    query.ownerId ? eq(activities.ownerId, query.ownerId) : undefined,
    query.type?.length ? inArray(activities.type, query.type) : undefined,
    statusWhere(query.status),
  ) as SQL;
  const result = await listActivities(db, where, query);
  const now = Date.now();
  return { items: result.items.map((r) => presentActivity(r, now)), nextCursor: result.nextCursor };
}

/** Changes an activity; a new assignee is checked like on create, a moved reminder rescheduled. */
export async function updateActivityCard(
  db: Db,
  actor: Actor,
  id: string,
  input: ActivityUpdate,
): Promise<Activity> {
  authorize(actor, "activities", "update");
  return withTx(db, async (tx) => {
    const before = await lockActivity(tx, actor.workspaceId, id);
    authorizeActivity(actor, "update", before);
    if (before!.version !== input.version) throw AppError.stale(before!.version);
    const set: ActivitySet = {};
    for (const key of ["subject", "body", "direction", "outcome", "agreements", "nextStep"] as const) {
      if (input[key] !== undefined) set[key] = input[key] as never;
    }
    for (const key of ["dueAt", "endAt", "remindAt"] as const) {
      if (input[key] !== undefined) set[key] = iso(input[key]);
    }
    if (input.type !== undefined) set.type = input.type;
    if (input.companyId !== undefined || input.contactId !== undefined || input.dealId !== undefined) {
      const targets = {
        companyId: input.companyId === undefined ? before!.companyId : input.companyId,
        contactId: input.contactId === undefined ? before!.contactId : input.contactId,
        dealId: input.dealId === undefined ? before!.dealId : input.dealId,
      };
      await assertTargetsReachable(tx, actor, targets);
      const { companyId } = await resolveTargets(tx, actor, targets);
      Object.assign(set, { ...targets, companyId });
    }
    if (input.ownerId !== undefined && input.ownerId !== before!.ownerId) {
      await assertAssignable(tx, actor, input.ownerId);
      set.ownerId = input.ownerId;
    }
    const merged = { ...before!, ...set } as ActivityRow;
    const remindChanged = set.remindAt !== undefined && iso(before!.remindAt) !== set.remindAt;
    assertShape(merged, remindChanged);
    const row = await updateActivity(tx, actor.workspaceId, id, { ...set, version: before!.version + 1 });
    await audited(tx, actor, "update", before!, row);
    await afterWrite(tx, actor, row, before!);
    return presentActivity(row);
  });
}

async function audited(tx: Db, actor: Actor, action: string, before: ActivityRow, row: ActivityRow) {
  await recordChange(tx, actor, {
    action,
    entity: "activity",
    entityId: row.id,
    before: presentActivity(before),
    after: presentActivity(row),
  });
}

/** Marks it done now, with the result of a meeting or call; the reminder is then moot. */
export async function completeActivity(
  db: Db,
  actor: Actor,
  id: string,
  input: ActivityComplete,
): Promise<Activity> {
  authorize(actor, "activities", "update");
  return withTx(db, async (tx) => {
    const before = await lockActivity(tx, actor.workspaceId, id);
    authorizeActivity(actor, "update", before);
    if (before!.version !== input.version) throw AppError.stale(before!.version);
    if (before!.doneAt) throw AppError.rule("activity_already_done");
    const set: ActivitySet = { doneAt: new Date().toISOString(), version: before!.version + 1 };
    for (const key of ["outcome", "agreements", "nextStep"] as const) {
      if (input[key] !== undefined) set[key] = input[key];
    }
    const row = await updateActivity(tx, actor.workspaceId, id, set);
    await audited(tx, actor, "complete", before!, row);
    await afterWrite(tx, actor, row, before!);
    return presentActivity(row);
  });
}

/** Back to open (audited); a reminder still ahead is scheduled again. */
export async function reopenActivity(db: Db, actor: Actor, id: string, version: number): Promise<Activity> {
  authorize(actor, "activities", "update");
  return withTx(db, async (tx) => {
    const before = await lockActivity(tx, actor.workspaceId, id);
    authorizeActivity(actor, "update", before);
    if (before!.version !== version) throw AppError.stale(before!.version);
    if (!before!.doneAt) throw AppError.rule("activity_not_done");
    const stillAhead = before!.remindAt && Date.parse(before!.remindAt) > Date.now();
    const row = await updateActivity(tx, actor.workspaceId, id, {
      doneAt: null,
      remindAt: stillAhead ? before!.remindAt : null,
      version: before!.version + 1,
    });
    await audited(tx, actor, "reopen", before!, row);
    await afterWrite(tx, actor, row, { ...before!, remindAt: null });
    return presentActivity(row);
  });
}

export async function deleteActivity(db: Db, actor: Actor, id: string): Promise<Activity> {
  authorize(actor, "activities", "delete");
  return withTx(db, async (tx) => {
    const before = await lockActivity(tx, actor.workspaceId, id);
    authorizeActivity(actor, "delete", before);
    const row = await updateActivity(tx, actor.workspaceId, id, {
      deletedAt: new Date().toISOString(),
      deletedBy: stampOf(actor),
      version: before!.version + 1,
    });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "activity",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    // A deleted activity sends nothing: its pending reminder goes (the job would skip it anyway).
    await scheduleReminder(tx, row, before!.remindAt);
    return presentActivity(row);
  });
}

export async function restoreActivity(db: Db, actor: Actor, id: string): Promise<Activity> {
  authorize(actor, "activities", "restore");
  return withTx(db, async (tx) => {
    const before = await lockActivity(tx, actor.workspaceId, id);
    authorizeActivity(actor, "read", before);
    if (!before!.deletedAt) throw AppError.rule("activity_not_deleted");
    const remindAhead = before!.remindAt && Date.parse(before!.remindAt) > Date.now();
    const row = await updateActivity(tx, actor.workspaceId, id, {
      deletedAt: null,
      deletedBy: null,
      remindAt: remindAhead ? before!.remindAt : null,
      version: before!.version + 1,
    });
    await recordChange(tx, actor, {
      action: "restore",
      entity: "activity",
      entityId: id,
      changes: { deletedAt: { from: before!.deletedAt, to: null } },
    });
    await scheduleReminder(tx, row, null);
    return presentActivity(row);
  });
}

/**
 * My day: the caller's tasks and meetings due today in their own time zone (done ones too, to
 * see the progress), and every open item of theirs that fell due before today.
 */
export async function myDay(db: Db, actor: Actor, at = Date.now()): Promise<MyDay> {
  authorize(actor, "activities", "read");
  const stored = await userTimeZone(db, actor.workspaceId, actor.id);
  const timeZone = isTimeZone(stored) ? stored : "Europe/Moscow";
  const day = dayBounds(at, timeZone);
  const from = new Date(day.from).toISOString();
  const to = new Date(day.to).toISOString();
  const mine = and(eq(activities.workspaceId, actor.workspaceId), eq(activities.ownerId, actor.id)) as SQL;
  const [today, overdue] = await Promise.all([
    dueBetween(db, mine, from, to, 200),
    openDueBefore(db, mine, from, 200),
  ]);
  return {
    date: day.date,
    timeZone,
    from,
    to,
    today: today.map((r) => presentActivity(r, at)),
    overdue: overdue.map((r) => presentActivity(r, at)),
  };
}
