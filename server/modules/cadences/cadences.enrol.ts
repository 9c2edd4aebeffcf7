import { and, eq, inArray, isNull } from "drizzle-orm";
import type { CadenceEnrol, CadenceEnrolJob, CadenceEnrolResult } from "../../../contracts/cadences";
import type { CompanyListQuery } from "../../../contracts/companies";
import { moscowDate, moscowToday } from "../../../core/moscow-time";
import { uuidv7 } from "../../../core/uuid";
import { companies, contacts, jobs } from "../../db/schema/index";
import { type Actor, isSystem, systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import type { Reach } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { enqueue, type Job } from "../../platform/queue";
import { companyIdsMatching, countCompaniesMatching } from "../companies/companies.service";

import { type WorkingDays, workingDays } from "../production-calendar/production-calendar.service";
import {
  type CadenceRow,
  type EnrolmentRow,
  insertEnrolment,
  liveCadence,
  lockEnrolment,
  type StepRow,
  stepsOf,
  updateEnrolment,
} from "./cadences.repo";
import { advanceEnrolment } from "./cadences.steps";

export const CADENCE_ENROL_JOB = "cadence-enrol";
/** A filtered enrolment above this many companies runs as a job with progress. */
export const ENROL_INLINE_LIMIT = 200;
const BATCH = 100;

type Target = { companyId: string | null; contactId: string | null; ownerId: string };
type Scheme = { cadence: CadenceRow; steps: StepRow[] };

async function schemeFor(db: Db, actor: Actor, cadenceId: string): Promise<Scheme> {
  authorize(actor, "cadences", "read");
  const cadence = await liveCadence(db, actor.workspaceId, cadenceId);
  if (!cadence) throw AppError.notFound();
  if (!cadence.active) throw AppError.rule("cadence_inactive", { name: cadence.name });
  return { cadence, steps: await stepsOf(db, [cadenceId]) };
}

/** Enrols the targets in one transaction; a client already active in the scheme is skipped. */
async function enrolTargets(
  tx: Db,
  actor: Actor,
  scheme: Scheme,
  wd: WorkingDays,
  targets: readonly Target[],
  startOn: string,
): Promise<{ enrolled: number; skipped: number }> {
  let enrolled = 0;
  const today = moscowToday();
  for (const t of targets) {
    const row = await insertEnrolment(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: isSystem(actor) ? null : actor.id,
      cadenceId: scheme.cadence.id,
      companyId: t.companyId,
      contactId: t.contactId,
      ownerId: t.ownerId,
      startedOn: startOn,
      anchorOn: startOn,
      nextPosition: 1,
    });
    if (!row) continue;
    enrolled++;
    await recordChange(tx, actor, {
      action: "enrol",
      entity: "cadence_enrolment",
      entityId: row.id,
      after: {
        cadenceId: row.cadenceId,
        companyId: row.companyId,
        contactId: row.contactId,
        startedOn: startOn,
      },
    });
    // The step tasks are the owner's, written by the system on the scheme's behalf.
    await advanceEnrolment(tx, systemActor(actor.workspaceId), wd, row, scheme.steps, today);
  }
  return { enrolled, skipped: targets.length - enrolled };
}

async function companyTargets(db: Db, actor: Actor, reach: Reach, ids: readonly string[]): Promise<Target[]> {
  const rows = await db
    .select({ id: companies.id, ownerId: companies.ownerId })
    .from(companies)
    .where(
      and(
        eq(companies.workspaceId, actor.workspaceId),
        inArray(companies.id, [...ids]),
        isNull(companies.deletedAt),
      ),
    );
  // One company outside the reach (or unknown) refuses the whole request, naming nothing.
  if (rows.length !== new Set(ids).size || rows.some((r) => !canReach(actor, reach, r.ownerId)))
    throw AppError.notFound();
  return rows.map((r) => ({ companyId: r.id, contactId: null, ownerId: r.ownerId }));
}

async function contactTargets(db: Db, actor: Actor, reach: Reach, ids: readonly string[]): Promise<Target[]> {
  const rows = await db
    .select({ id: contacts.id, companyId: contacts.companyId, ownerId: contacts.ownerId })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, actor.workspaceId),
        inArray(contacts.id, [...ids]),
        isNull(contacts.deletedAt),
      ),
    );
  if (rows.length !== new Set(ids).size || rows.some((r) => !canReach(actor, reach, r.ownerId)))
    throw AppError.notFound();
  if (rows.some((r) => !r.companyId)) throw AppError.rule("enrol_contact_without_company");
  return rows.map((r) => ({ companyId: r.companyId, contactId: r.id, ownerId: r.ownerId }));
}

/**
 * POST /cadences/:id/enrol: one company, a list, contacts, or everything a clients-list filter
 * shows. A filter matching more than ENROL_INLINE_LIMIT companies is enrolled by a job.
 */
export async function enrol(
  db: Db,
  actor: Actor,
  cadenceId: string,
  input: CadenceEnrol,
  opts: { inlineLimit?: number } = {},
): Promise<CadenceEnrolResult> {
  const reach = authorize(actor, "cadenceEnrolments", "create");
  const scheme = await schemeFor(db, actor, cadenceId);
  const startOn = input.startOn ?? moscowToday();
  if (input.filter) {
    const filter = input.filter as Partial<CompanyListQuery>;
    const matched = await countCompaniesMatching(db, actor, reach, filter);
    if (matched > (opts.inlineLimit ?? ENROL_INLINE_LIMIT)) {
      const jobId = await withTx(db, (tx) =>
        enqueue(tx, {
          kind: CADENCE_ENROL_JOB,
          workspaceId: actor.workspaceId,
          payload: { cadenceId, filter, startOn, matched, actor: { ...actor, teamIds: [...actor.teamIds] } },
        }),
      );
      return { enrolled: 0, skipped: 0, jobId, matched };
    }
    const targets = (await companyIdsMatching(db, actor, reach, filter, { limit: matched + 1 })).map((c) => ({
      companyId: c.id,
      contactId: null,
      ownerId: c.ownerId,
    }));
    const wd = await workingDays(db, actor.workspaceId);
    const r = await withTx(db, (tx) => enrolTargets(tx, actor, scheme, wd, targets, startOn));
    return { ...r, jobId: null, matched };
  }
  const targets = input.companyIds
    ? await companyTargets(db, actor, reach, input.companyIds)
    : input.contactIds
      ? await contactTargets(db, actor, reach, input.contactIds)
      : null;
  if (!targets) throw AppError.rule("enrol_target_required");
  const wd = await workingDays(db, actor.workspaceId);
  const r = await withTx(db, (tx) => enrolTargets(tx, actor, scheme, wd, targets, startOn));
  return { ...r, jobId: null, matched: null };
}

/**
 * The job of a big filtered enrolment: batches of companies in id order, each batch in its own
 * transaction, the last id kept in the job's progress so a retry resumes after it.
 */
export async function runEnrolJob(
  db: Db,
  job: Job,
  heartbeat: (progress?: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  const p = job.payload as {
    cadenceId: string;
    filter: Partial<CompanyListQuery>;
    startOn: string;
    matched: number;
    actor: Actor;
  };
  const actor = p.actor;
  const reach = authorize(actor, "cadenceEnrolments", "create");
  const scheme = await schemeFor(db, actor, p.cadenceId);
  const wd = await workingDays(db, actor.workspaceId);
  const progress = {
    processed: 0,
    enrolled: 0,
    skipped: 0,
    total: p.matched,
    lastId: undefined as string | undefined,
  };
  Object.assign(progress, job.progress ?? {});
  for (;;) {
    const batch = await companyIdsMatching(db, actor, reach, p.filter, {
      afterId: progress.lastId,
      limit: BATCH,
    });
    if (!batch.length) break;
    const targets = batch.map((c) => ({ companyId: c.id, contactId: null, ownerId: c.ownerId }));
    const r = await withTx(db, (tx) => enrolTargets(tx, actor, scheme, wd, targets, p.startOn));
    progress.processed += batch.length;
    progress.enrolled += r.enrolled;
    progress.skipped += r.skipped;
    progress.lastId = batch[batch.length - 1]!.id;
    await heartbeat({ ...progress });
  }
}

/** The state of a filtered enrolment job, for the one who may see its enrolments. */
export async function enrolJobState(db: Db, actor: Actor, id: string): Promise<CadenceEnrolJob> {
  const reach = authorize(actor, "cadenceEnrolments", "read");
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.kind, CADENCE_ENROL_JOB), eq(jobs.workspaceId, actor.workspaceId)));
  const starter = (job?.payload as { actor?: { id?: string } } | undefined)?.actor?.id ?? null;
  if (!job || !canReach(actor, reach, starter)) throw AppError.notFound();
  const pr = (job.progress ?? {}) as Partial<Record<"processed" | "enrolled" | "skipped", number>>;
  return {
    id: job.id,
    state: job.doneAt ? "done" : job.failedAt ? "failed" : job.lockedUntil ? "running" : "queued",
    processed: pr.processed ?? 0,
    total: typeof job.payload.matched === "number" ? job.payload.matched : null,
    enrolled: pr.enrolled ?? 0,
    skipped: pr.skipped ?? 0,
  };
}

/**
 * The job of one step: as of its scheduled day it issues the step (and any later step already
 * due) or, when the calendar was edited and the day moved, re-plans it. Stopped, completed or
 * already advanced enrolments make it a no-op, and the unique (enrolment, step) index makes a
 * repeated run create nothing.
 */
export async function runStepJob(db: Db, job: Job): Promise<void> {
  const p = job.payload as { enrolmentId: string; position: number; dueOn: string };
  const workspaceId = job.workspaceId!;
  const wd = await workingDays(db, workspaceId);
  await withTx(db, async (tx) => {
    const enrolment: EnrolmentRow | null = await lockEnrolment(tx, workspaceId, p.enrolmentId);
    if (enrolment?.status !== "active" || enrolment.nextPosition !== p.position) return;
    const steps = await stepsOf(tx, [enrolment.cadenceId]);
    // The job acts as of its own day: a worker claims it only once that moment has come.
    const today = [moscowToday(), moscowDate(new Date(job.runAt))].sort().at(-1)!;
    if (enrolment.nextPosition > steps.length) {
      await updateEnrolment(tx, enrolment.id, { status: "completed", nextPosition: null, nextDueOn: null });
      return;
    }
    await advanceEnrolment(tx, systemActor(workspaceId), wd, enrolment, steps, today);
  });
}
