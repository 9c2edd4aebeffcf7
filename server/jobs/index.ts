import { OVERDUE_JOB, REMINDER_JOB } from "../modules/activities/activities.notices";
import type { AppContext } from "../platform/context";
import { ensureRecurring, type JobHandler } from "../platform/queue";
import { overdueSweep } from "./activities-overdue";
import { reminderJob } from "./activity-reminder";
import { attentionAlerts } from "./attention-alerts";
import { cadenceEnrol, cadenceStep } from "./cadences";
import { importJob } from "./import";
import { proposalsExpire } from "./proposals-expire";
import { registryCheck, registryRecheck, registryRecheckBatch } from "./registry";
import { vacuum } from "./vacuum";

/** Every background job by kind. Each handler is idempotent. */
export const jobHandlers: Record<string, JobHandler> = {
  vacuum,
  import: importJob,
  [REMINDER_JOB]: reminderJob,
  [OVERDUE_JOB]: overdueSweep,
  "proposals-expire": proposalsExpire,
  "registry-check": registryCheck,
  "registry-recheck": registryRecheck,
  "registry-recheck-batch": registryRecheckBatch,
  "cadence-step": cadenceStep,
  "cadence-enrol": cadenceEnrol,
  "attention-alerts": attentionAlerts,
};

/** Recurring jobs, registered at start (one pending row each, whatever the number of processes). */
export async function scheduleRecurring(ctx: AppContext): Promise<void> {
  // Daily: tell owners about clients that newly passed their contact-frequency target.
  await ensureRecurring(ctx.db, "attention-alerts", 24 * 3600_000, 5 * 60_000);
  if (ctx.database.kind === "pglite") await ensureRecurring(ctx.db, "vacuum", 6 * 3600_000, 60_000);
  await ensureRecurring(ctx.db, OVERDUE_JOB, 5 * 60_000, 30_000);
  await ensureRecurring(ctx.db, "proposals-expire", 3600_000, 60_000);
  // Daily start; each company is asked again once its check is older than recheckDays (7).
  await ensureRecurring(ctx.db, "registry-recheck", 24 * 3600_000, 10 * 60_000);
}
