import { OVERDUE_JOB, REMINDER_JOB } from "../modules/activities/activities.notices";
import type { AppContext } from "../platform/context";
import { ensureRecurring, type JobHandler } from "../platform/queue";
import { overdueSweep } from "./activities-overdue";
import { reminderJob } from "./activity-reminder";
import { importJob } from "./import";
import { vacuum } from "./vacuum";

/** Every background job by kind. Each handler is idempotent. */
export const jobHandlers: Record<string, JobHandler> = {
  vacuum,
  import: importJob,
  [REMINDER_JOB]: reminderJob,
  [OVERDUE_JOB]: overdueSweep,
};

/** Recurring jobs, registered at start (one pending row each, whatever the number of processes). */
export async function scheduleRecurring(ctx: AppContext): Promise<void> {
  if (ctx.database.kind === "pglite") await ensureRecurring(ctx.db, "vacuum", 6 * 3600_000, 60_000);
  await ensureRecurring(ctx.db, OVERDUE_JOB, 5 * 60_000, 30_000);
}
