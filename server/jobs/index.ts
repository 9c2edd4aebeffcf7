import type { AppContext } from "../platform/context";
import { ensureRecurring, type JobHandler } from "../platform/queue";
import { attentionAlerts } from "./attention-alerts";
import { cadenceEnrol, cadenceStep } from "./cadences";
import { importJob } from "./import";
import { vacuum } from "./vacuum";

/** Every background job by kind. Each handler is idempotent. */
export const jobHandlers: Record<string, JobHandler> = {
  vacuum,
  import: importJob,
  "cadence-step": cadenceStep,
  "cadence-enrol": cadenceEnrol,
  "attention-alerts": attentionAlerts,
};

/** Recurring jobs, registered at start (one pending row each, whatever the number of processes). */
export async function scheduleRecurring(ctx: AppContext): Promise<void> {
  // Daily: tell owners about clients that newly passed their contact-frequency target.
  await ensureRecurring(ctx.db, "attention-alerts", 24 * 3600_000, 5 * 60_000);
  if (ctx.database.kind === "pglite") await ensureRecurring(ctx.db, "vacuum", 6 * 3600_000, 60_000);
}
