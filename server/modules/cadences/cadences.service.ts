import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type {
  Cadence,
  CadenceCreate,
  CadenceEnrolment,
  CadenceListQuery,
  CadenceStats,
  CadenceStepInput,
  CadenceUpdate,
  EnrolmentListQuery,
  StopReason,
} from "../../../contracts/cadences";
import { uuidv7 } from "../../../core/uuid";
import { cadenceEnrolments, cadences } from "../../db/schema/index";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { afterCursor, encodeCursor, page } from "../../platform/pagination";
import type { Action } from "../../platform/permissions";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { presentCadence, presentEnrolment, presentStats } from "./cadences.presenter";
import {
  type CadenceRow,
  findCadence,
  insertCadence,
  listCadenceRows,
  listEnrolmentRows,
  lockEnrolment,
  replaceSteps,
  statsOf,
  stepsOf,
  stopActive,
  updateCadenceRow,
  updateEnrolment,
  userNames,
} from "./cadences.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

function stepRows(workspaceId: string, cadenceId: string, steps: readonly CadenceStepInput[]) {
  return steps.map((s, i) => ({
    id: uuidv7(),
    workspaceId,
    cadenceId,
    position: i + 1,
    type: s.type,
    delayWorkingDays: s.delayWorkingDays,
    subject: s.subject,
    script: s.script ?? null,
  }));
}

async function present(db: Db, row: CadenceRow): Promise<Cadence> {
  const [steps, names] = await Promise.all([stepsOf(db, [row.id]), userNames(db, [row.ownerId])]);
  return presentCadence(row, steps, names.get(row.ownerId) ?? null);
}

/** A scheme the actor may act on: a deleted one only for whoever may restore it; else 404. */
async function cadenceFor(
  db: Db,
  actor: Actor,
  id: string,
  action: Action,
  lock = false,
): Promise<CadenceRow> {
  authorize(actor, "cadences", action);
  const row = await findCadence(db, actor.workspaceId, id, lock);
  if (!row) throw AppError.notFound();
  if (row.deletedAt && action !== "restore") throw AppError.notFound();
  authorizeRow(actor, "cadences", action, row.ownerId);
  return row;
}

export async function createCadence(db: Db, actor: Actor, input: CadenceCreate): Promise<Cadence> {
  authorize(actor, "cadences", "create");
  return withTx(db, async (tx) => {
    const id = uuidv7();
    const row = await insertCadence(tx, {
      id,
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      description: input.description ?? null,
      active: input.active,
      ownerId: actor.id,
    });
    await replaceSteps(tx, id, stepRows(actor.workspaceId, id, input.steps));
    const cadence = await present(tx, row);
    await recordChange(tx, actor, { action: "create", entity: "cadence", entityId: id, after: cadence });
    return cadence;
  });
}

export async function getCadence(db: Db, actor: Actor, id: string): Promise<Cadence> {
  return present(db, await cadenceFor(db, actor, id, "read"));
}

/**
 * Editing the steps affects clients already in the scheme from their next step on: their
 * position is kept, and a removed last step completes them when their job runs.
 */
export async function updateCadence(
  db: Db,
  actor: Actor,
  id: string,
  input: CadenceUpdate,
): Promise<Cadence> {
  authorize(actor, "cadences", "update");
  return withTx(db, async (tx) => {
    const before = await cadenceFor(tx, actor, id, "update", true);
    if (before.version !== input.version) throw AppError.stale(before.version);
    const beforeView = await present(tx, before);
    const set: Record<string, unknown> = { version: before.version + 1 };
    if (input.name !== undefined) set.name = input.name;
    if (input.description !== undefined) set.description = input.description;
    if (input.active !== undefined) set.active = input.active;
    const row = await updateCadenceRow(tx, id, set);
    if (input.steps) await replaceSteps(tx, id, stepRows(actor.workspaceId, id, input.steps));
    const after = await present(tx, row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "cadence",
      entityId: id,
      before: beforeView,
      after,
    });
    return after;
  });
}

/** Soft delete: the scheme disappears from lists; active enrolments are stopped (manual). */
export async function deleteCadence(db: Db, actor: Actor, id: string): Promise<Cadence> {
  authorize(actor, "cadences", "delete");
  return withTx(db, async (tx) => {
    const before = await cadenceFor(tx, actor, id, "delete", true);
    const row = await updateCadenceRow(tx, id, {
      deletedAt: sql`now()`,
      deletedBy: stampOf(actor),
      version: before.version + 1,
    });
    const stopped = await tx
      .update(cadenceEnrolments)
      .set({
        status: "stopped",
        stopReason: "manual",
        endedAt: sql`now()`,
        nextPosition: null,
        nextDueOn: null,
      })
      .where(and(eq(cadenceEnrolments.cadenceId, id), eq(cadenceEnrolments.status, "active")))
      .returning({ id: cadenceEnrolments.id });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "cadence",
      entityId: id,
      changes: {
        deletedAt: { from: null, to: row.deletedAt },
        stoppedEnrolments: { from: null, to: stopped.length },
      },
    });
    return present(tx, row);
  });
}

export async function restoreCadence(db: Db, actor: Actor, id: string): Promise<Cadence> {
  authorize(actor, "cadences", "restore");
  return withTx(db, async (tx) => {
    const before = await cadenceFor(tx, actor, id, "restore", true);
    if (!before.deletedAt) throw AppError.rule("not_deleted");
    const row = await updateCadenceRow(tx, id, {
      deletedAt: null,
      deletedBy: null,
      version: before.version + 1,
    });
    await recordChange(tx, actor, {
      action: "restore",
      entity: "cadence",
      entityId: id,
      changes: { deletedAt: { from: before.deletedAt, to: null } },
    });
    return present(tx, row);
  });
}

/** Enrolments the actor may see (the company owner within the reach). */
function visibleEnrolments(actor: Actor): SQL | undefined {
  const owners = visibleOwnerIds(actor, authorize(actor, "cadenceEnrolments", "read"));
  return owners ? inArray(cadenceEnrolments.ownerId, [...owners]) : undefined;
}

/** Schemes by name, each with its steps and the numbers of the enrolments the caller sees. */
export async function listCadences(db: Db, actor: Actor, query: CadenceListQuery) {
  authorize(actor, "cadences", "read");
  const name = sql`${cadences.name} collate ru_icu`;
  const where = and(
    eq(cadences.workspaceId, actor.workspaceId),
    isNull(cadences.deletedAt),
    query.active ? eq(cadences.active, query.active === "true") : undefined,
    query.q
      ? sql`lower(${cadences.name}) like ${`%${query.q.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`}`
      : undefined,
    afterCursor(name, cadences.id, false, query.cursor, false),
  )!;
  const rows = await listCadenceRows(db, where, query.limit);
  const result = page(rows, query.limit, (r) => encodeCursor(r.name, r.id));
  const ids = result.items.map((r) => r.id);
  const mayReadEnrolments = actor.role !== "department";
  const [steps, names, stats] = await Promise.all([
    stepsOf(db, ids),
    userNames(
      db,
      result.items.map((r) => r.ownerId),
    ),
    mayReadEnrolments ? statsOf(db, ids, visibleEnrolments(actor)) : Promise.resolve([]),
  ]);
  return {
    items: result.items.map((r) => ({
      ...presentCadence(
        r,
        steps.filter((s) => s.cadenceId === r.id),
        names.get(r.ownerId) ?? null,
      ),
      stats: presentStats(stats.find((s) => s.cadenceId === r.id)),
    })),
    nextCursor: result.nextCursor,
  };
}

export async function cadenceStats(db: Db, actor: Actor, id: string): Promise<CadenceStats> {
  await cadenceFor(db, actor, id, "read");
  const [row] = await statsOf(db, [id], visibleEnrolments(actor));
  return presentStats(row);
}

/** Enrolments, newest first: of one scheme, or of one company (its card). */
export async function listEnrolments(
  db: Db,
  actor: Actor,
  scope: { cadenceId?: string; companyId?: string },
  query: EnrolmentListQuery,
) {
  if (scope.cadenceId) await cadenceFor(db, actor, scope.cadenceId, "read");
  const visible = visibleEnrolments(actor);
  const where = and(
    eq(cadenceEnrolments.workspaceId, actor.workspaceId),
    visible,
    scope.cadenceId ? eq(cadenceEnrolments.cadenceId, scope.cadenceId) : undefined,
    scope.companyId ? eq(cadenceEnrolments.companyId, scope.companyId) : undefined,
    query.status ? eq(cadenceEnrolments.status, query.status) : undefined,
    afterCursor(cadenceEnrolments.createdAt, cadenceEnrolments.id, true, query.cursor),
  )!;
  const rows = await listEnrolmentRows(db, where, query.limit);
  const result = page(rows, query.limit, (r) => encodeCursor(r.createdAt, r.id));
  return { items: result.items.map(presentEnrolment), nextCursor: result.nextCursor };
}

/** A manual stop from the enrolments list or the company card. */
export async function stopEnrolment(db: Db, actor: Actor, id: string): Promise<CadenceEnrolment> {
  authorize(actor, "cadenceEnrolments", "update");
  return withTx(db, async (tx) => {
    const before = await lockEnrolment(tx, actor.workspaceId, id);
    if (!before) throw AppError.notFound();
    authorizeRow(actor, "cadenceEnrolments", "update", before.ownerId);
    if (before.status !== "active") throw AppError.rule("enrolment_not_active", { status: before.status });
    const row = await updateEnrolment(tx, id, {
      status: "stopped",
      stopReason: "manual",
      endedAt: sql`now()`,
      nextPosition: null,
      nextDueOn: null,
    });
    await recordChange(tx, actor, {
      action: "stop",
      entity: "cadence_enrolment",
      entityId: id,
      changes: { status: { from: before.status, to: "stopped" }, stopReason: { from: null, to: "manual" } },
    });
    const [view] = await listEnrolmentRows(tx, eq(cadenceEnrolments.id, row.id), 1);
    return presentEnrolment(view!);
  });
}

/**
 * Ends the active enrolments of a company or a contact (a reply came in, a deal was won or
 * lost, or someone stopped it), in the caller's transaction; their pending step jobs then find
 * the enrolment stopped and do nothing. The caller has authorised the change that causes it.
 */
export async function stopEnrolments(
  tx: Db,
  actor: Actor,
  target: { companyId?: string; contactId?: string },
  reason: StopReason,
): Promise<number> {
  const stopped = await stopActive(tx, actor.workspaceId, target, reason);
  for (const e of stopped) {
    await recordChange(tx, actor, {
      action: "stop",
      entity: "cadence_enrolment",
      entityId: e.id,
      changes: { status: { from: "active", to: "stopped" }, stopReason: { from: null, to: reason } },
    });
  }
  return stopped.length;
}
