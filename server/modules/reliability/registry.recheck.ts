/**
 * The scheduled re-check of the registry: companies whose last check is older than the
 * workspace's `recheckDays`, oldest first, in short batches paced to `registryRps` requests per
 * second. A batch takes at most ~30 s of one worker slot and then re-enqueues the rest, so other
 * jobs run in between; a 429 moves the next batch to after the provider's Retry-After; a bad
 * token stops the run (every further request would fail the same way).
 */
import { workspaces } from "../../db/schema/index";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/client";
import { enqueue } from "../../platform/queue";
import type { RegistryProvider } from "./registry.provider";
import { refreshRegistry } from "./registry.service";
import { companiesDueForCheck } from "./reliability.repo";
import { registryProviderFor, reliabilitySettings } from "./reliability.settings";

export const RECHECK_BATCH_JOB = "registry-recheck-batch";
/** Seconds of work per batch: long enough to amortise the claim, short enough to share the worker. */
export const BATCH_SECONDS = 30;

/**
 * Requests go out at 90 % of the provider's limit: a limiter counting a sliding second sees
 * network and scheduling jitter, and at exactly the limit every bunched pair costs a 429.
 */
export const PACE_MARGIN = 0.9;

/** Spaces the start of requests at least 1000/(rps × PACE_MARGIN) ms apart. */
export class Pacer {
  private next = 0;
  constructor(
    private readonly rps: number,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}
  async wait(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / (this.rps * PACE_MARGIN);
    if (at > now) await this.sleep(at - now);
  }
}

export type BatchResult = {
  checked: number;
  failed: number;
  stoppedBy: "done" | "more" | "rate_limited" | "bad_token" | "not_configured";
  retryAfterMs: number | null;
};

/** One paced batch in one workspace. */
export async function runRecheckBatch(
  ctx: Pick<AppContext, "db" | "config">,
  workspaceId: string,
  options: { provider?: RegistryProvider | null; now?: Date; onProgress?: (n: number) => Promise<void> } = {},
): Promise<BatchResult> {
  const s = await reliabilitySettings(ctx.db, workspaceId);
  const provider =
    options.provider === undefined
      ? await registryProviderFor(ctx.db, ctx.config, workspaceId)
      : options.provider;
  if (!provider) return { checked: 0, failed: 0, stoppedBy: "not_configured", retryAfterMs: null };
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - s.recheckDays * 86_400_000).toISOString();
  const size = s.registryRps * BATCH_SECONDS;
  // A failed attempt is retried after an hour, not at once: a broken registry must not spin the batch.
  const retryBefore = new Date(now.getTime() - 3600_000).toISOString();
  const due = await companiesDueForCheck(ctx.db, workspaceId, before, retryBefore, size);
  const pacer = new Pacer(s.registryRps);
  let checked = 0;
  let failed = 0;
  for (const { id } of due) {
    await pacer.wait();
    let outcome = await refreshRegistry(ctx, workspaceId, id, provider);
    // A short Retry-After is waited out in place, so the batch keeps its slot and its pace.
    if (outcome?.error === "rate_limited" && (outcome.retryAfterMs ?? 60_000) <= 5_000) {
      await new Promise((r) => setTimeout(r, outcome?.retryAfterMs ?? 1000));
      await pacer.wait();
      outcome = await refreshRegistry(ctx, workspaceId, id, provider);
    }
    checked++;
    if (outcome?.error) failed++;
    if (outcome?.error === "rate_limited") {
      return { checked, failed, stoppedBy: "rate_limited", retryAfterMs: outcome.retryAfterMs };
    }
    if (outcome?.error === "bad_token")
      return { checked, failed, stoppedBy: "bad_token", retryAfterMs: null };
    if (checked % 50 === 0) await options.onProgress?.(checked);
  }
  return { checked, failed, stoppedBy: due.length === size ? "more" : "done", retryAfterMs: null };
}

/** Enqueues the next batch of a workspace (one pending per workspace). */
export async function enqueueRecheckBatch(db: Db, workspaceId: string, delayMs = 0): Promise<void> {
  await enqueue(db, {
    kind: RECHECK_BATCH_JOB,
    workspaceId,
    payload: { workspaceId },
    runAt: new Date(Date.now() + delayMs),
    dedupeKey: `${RECHECK_BATCH_JOB}:${workspaceId}`,
  });
}

/** The nightly start: one batch job per workspace. */
export async function startRecheck(db: Db): Promise<number> {
  const all = await db.select({ id: workspaces.id }).from(workspaces);
  for (const w of all) await enqueueRecheckBatch(db, w.id);
  return all.length;
}

/**
 * The plan for `companies` companies at `rps`: requests are the bottleneck, so the run takes
 * companies / rps seconds, in batches of rps × BATCH_SECONDS.
 */
export function recheckPlan(companies: number, rps: number, recheckDays = 7) {
  const batch = rps * BATCH_SECONDS;
  const seconds = companies / (rps * PACE_MARGIN);
  return {
    companies,
    rps,
    batchSize: batch,
    batches: Math.ceil(companies / batch),
    hours: Math.round((seconds / 3600) * 100) / 100,
    /** Share of the re-check period the provider is busy. */
    loadOfPeriod: Math.round((seconds / (recheckDays * 86_400)) * 1000) / 1000,
  };
}
