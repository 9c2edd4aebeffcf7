import { moscowDate, moscowMorning } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import { enqueue } from "../../platform/queue";
import type { WorkingDays } from "../production-calendar/production-calendar.service";
import { type EnrolmentRow, insertStepActivity, type StepRow, updateEnrolment } from "./cadences.repo";

export const CADENCE_STEP_JOB = "cadence-step";

/**
 * Writes one step's task as an activity row. THE one place a scheme creates a task, so that it
 * can become a call of the activities service's `recordActivity` without touching anything else.
 * The task belongs to the company's owner; a retried job finds the unique (enrolment, step) taken
 * and creates nothing (returns null).
 */
export async function createStepTask(
  tx: Db,
  actor: Actor,
  input: {
    enrolment: Pick<EnrolmentRow, "id" | "workspaceId" | "companyId" | "contactId" | "ownerId">;
    step: Pick<StepRow, "position" | "type" | "subject" | "script">;
    dueAt: Date;
  },
): Promise<string | null> {
  const { enrolment, step } = input;
  const id = uuidv7();
  const dueAt = input.dueAt.toISOString();
  const values = {
    id,
    workspaceId: enrolment.workspaceId,
    createdBy: isSystem(actor) ? null : actor.id,
    // Every step is something to do: a planned call, e-mail or meeting is a task until done.
    type: step.type,
    subject: step.subject,
    body: step.script,
    companyId: enrolment.companyId,
    contactId: enrolment.contactId,
    ownerId: enrolment.ownerId,
    direction: step.type === "call" || step.type === "email" ? ("out" as const) : null,
    dueAt,
    occurredAt: dueAt,
    enrolmentId: enrolment.id,
    cadenceStep: step.position,
  };
  const created = await insertStepActivity(tx, values);
  if (!created) return null;
  await recordChange(tx, actor, { action: "create", entity: "activity", entityId: id, after: values });
  return created;
}

/**
 * Moves an active enrolment forward as of `today` (Moscow): every step whose working day has come
 * gets its task now; the first one still ahead gets a job at 09:00 Moscow on its day. A step's
 * delay counts from the previous step's due day (not from when the task was done), so the whole
 * schedule is known at enrolment and does not drift when a task is done late. The day is
 * computed from the workspace's calendar at the moment the step is planned, and again when its
 * job runs, so an admin's calendar edit moves the steps not yet issued.
 */
export async function advanceEnrolment(
  tx: Db,
  actor: Actor,
  wd: WorkingDays,
  enrolment: EnrolmentRow,
  steps: readonly StepRow[],
  today: string,
  now: Date = new Date(),
): Promise<EnrolmentRow> {
  let current = enrolment;
  let anchor = enrolment.anchorOn;
  let done = enrolment.stepsDone;
  for (let position = enrolment.nextPosition ?? 1; position <= steps.length; position++) {
    const step = steps[position - 1]!;
    const dueOn = wd.adjustToWorkingDay(wd.addWorkingDays(anchor, step.delayWorkingDays));
    if (dueOn > today) {
      await enqueue(tx, {
        kind: CADENCE_STEP_JOB,
        workspaceId: enrolment.workspaceId,
        payload: { enrolmentId: enrolment.id, position, dueOn },
        runAt: moscowMorning(dueOn),
        dedupeKey: `${enrolment.id}:${position}:${dueOn}`,
      });
      return updateEnrolment(tx, enrolment.id, {
        nextPosition: position,
        nextDueOn: dueOn,
        anchorOn: anchor,
        stepsDone: done,
      });
    }
    // "Delay 0" on the day of enrolment means now; a step that fell due earlier is due that morning.
    const dueAt =
      position === 1 && step.delayWorkingDays === 0 && dueOn === moscowDate(now) ? now : moscowMorning(dueOn);
    await createStepTask(tx, actor, { enrolment: current, step, dueAt });
    anchor = dueOn;
    done = position;
    current = { ...current, anchorOn: anchor, stepsDone: done };
  }
  return updateEnrolment(tx, enrolment.id, {
    status: "completed",
    nextPosition: null,
    nextDueOn: null,
    anchorOn: anchor,
    stepsDone: done,
    endedAt: now.toISOString(),
  });
}
