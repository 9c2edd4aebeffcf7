import { enqueueRecheckBatch, runRecheckBatch, startRecheck } from "../modules/reliability/registry.recheck";
import { refreshRegistry } from "../modules/reliability/registry.service";
import { enqueue, type JobHandler } from "../platform/queue";

/**
 * One company's check (enqueued when the company is created). Idempotent: it stores the latest
 * answer. A 429 re-enqueues the check after the provider's Retry-After instead of hammering it.
 */
export const registryCheck: JobHandler = async (ctx, job) => {
  const companyId = String(job.payload.companyId);
  const workspaceId = String(job.workspaceId);
  const outcome = await refreshRegistry(ctx, workspaceId, companyId);
  if (outcome?.error === "rate_limited") {
    const retry = Number(job.payload.retry ?? 0) + 1;
    if (retry > 5) return;
    await enqueue(ctx.db, {
      kind: job.kind,
      workspaceId,
      payload: { companyId, retry },
      runAt: new Date(Date.now() + (outcome.retryAfterMs ?? 60_000)),
      dedupeKey: `registry-check:${companyId}:retry:${retry}`,
    });
  }
};

/** The nightly start of the scheduled re-check (see registry.recheck.ts). */
export const registryRecheck: JobHandler = async (ctx) => {
  await startRecheck(ctx.db);
};

/** One paced batch; enqueues the next one until nothing is due. */
export const registryRecheckBatch: JobHandler = async (ctx, job, heartbeat) => {
  const workspaceId = String(job.payload.workspaceId);
  const result = await runRecheckBatch(ctx, workspaceId, { onProgress: (n) => heartbeat({ checked: n }) });
  await heartbeat({ ...result });
  if (result.stoppedBy === "more") await enqueueRecheckBatch(ctx.db, workspaceId);
  if (result.stoppedBy === "rate_limited")
    await enqueueRecheckBatch(ctx.db, workspaceId, result.retryAfterMs ?? 60_000);
};
