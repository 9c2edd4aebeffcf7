import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { uuidv7 } from "../../core/uuid";
import { jobs } from "../db/schema/index";
import type { AppContext } from "./context";
import { afterCommit, type Db } from "./db/client";

export type Job = typeof jobs.$inferSelect;

/**
 * A handler gets the job and must be idempotent: a job runs at least once (a crash after the
 * work and before `done_at` runs it again). `heartbeat` extends the lease of long work and
 * records progress that the API can show.
 */
export type JobHandler = (
  ctx: AppContext,
  job: Job,
  heartbeat: (progress?: Record<string, unknown>) => Promise<void>,
) => Promise<void>;

/** Adds a job in the caller's transaction, so it exists only if the data that caused it commits. */
export async function enqueue(
  tx: Db,
  job: {
    kind: string;
    payload?: Record<string, unknown>;
    workspaceId?: string | null;
    runAt?: Date;
    dedupeKey?: string;
    maxAttempts?: number;
  },
): Promise<string> {
  const id = uuidv7();
  const inserted = await tx
    .insert(jobs)
    .values({
      id,
      kind: job.kind,
      payload: job.payload ?? {},
      workspaceId: job.workspaceId ?? null,
      runAt: (job.runAt ?? new Date()).toISOString(),
      dedupeKey: job.dedupeKey ?? null,
      maxAttempts: job.maxAttempts ?? 5,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  if (inserted.length && (!job.runAt || job.runAt.getTime() <= Date.now())) afterCommit(wakeWorkers);
  return inserted[0]?.id ?? id;
}

/** The wake-up calls of this process's workers. */
const localWorkers = new Set<() => void>();

/**
 * A job due now was committed in this process: its workers claim it at once instead of at
 * their next poll (up to a second later — an import started, a document requested). Workers of
 * other processes still find it by polling.
 */
function wakeWorkers(): void {
  for (const wake of localWorkers) wake();
}

const LEASE_MS = 60_000;

/** Claims due jobs with FOR UPDATE SKIP LOCKED: two processes never take the same job. */
async function claim(db: Db, workerId: string, limit: number): Promise<Job[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        isNull(jobs.doneAt),
        isNull(jobs.failedAt),
        lte(jobs.runAt, sql`now()`),
        or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({
      lockedBy: workerId,
      lockedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval`,
      attempts: sql`${jobs.attempts} + 1`,
    })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * A recurring job is one pending row per kind (the dedupe key keeps it single across
 * processes); after each run the worker enqueues the next one `everyMs` later.
 */
export async function ensureRecurring(
  db: Db,
  kind: string,
  everyMs: number,
  firstRunInMs = everyMs,
): Promise<void> {
  await enqueue(db, {
    kind,
    payload: { everyMs },
    dedupeKey: `recurring:${kind}`,
    runAt: new Date(Date.now() + firstRunInMs),
  });
}

export type Worker = { stop(): Promise<void>; runOnce(): Promise<number> };

export function startWorker(
  ctx: AppContext,
  handlers: Record<string, JobHandler>,
  options: { pollMs?: number; concurrency?: number; autostart?: boolean } = {},
): Worker {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? 1000;
  const concurrency = options.concurrency ?? 2;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling = false;
  let wokenWhilePolling = false;
  const running = new Set<Promise<void>>();

  async function execute(job: Job) {
    const handler = handlers[job.kind];
    const heartbeat = async (progress?: Record<string, unknown>) => {
      await ctx.db
        .update(jobs)
        .set({
          lockedUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval`,
          ...(progress ? { progress } : {}),
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
    };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(ctx, job, heartbeat);
      await ctx.db
        .update(jobs)
        .set({ doneAt: sql`now()`, lockedUntil: null, lastError: null })
        .where(eq(jobs.id, job.id));
      const everyMs = job.payload.everyMs;
      if (typeof everyMs === "number") await ensureRecurring(ctx.db, job.kind, everyMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.maxAttempts;
      ctx.logger.warn(
        { job: job.id, kind: job.kind, attempt: job.attempts, final, err: error },
        "job failed",
      );
      // Exponential back-off: 2, 4, 8 … seconds, at most an hour.
      const delayMs = Math.min(3600_000, 1000 * 2 ** job.attempts);
      await ctx.db
        .update(jobs)
        .set({
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          ...(final ? { failedAt: sql`now()` } : { runAt: new Date(Date.now() + delayMs).toISOString() }),
        })
        .where(eq(jobs.id, job.id))
        .catch(() => {});
    }
  }

  async function runOnce(): Promise<number> {
    const free = concurrency - running.size;
    if (free <= 0 || stopped) return 0;
    const claimed = await claim(ctx.db, workerId, free);
    for (const job of claimed) {
      const p = execute(job).finally(() => running.delete(p));
      running.add(p);
    }
    return claimed.length;
  }

  async function loop() {
    if (stopped) return;
    polling = true;
    try {
      await runOnce();
    } catch (error) {
      ctx.logger.warn({ err: error }, "job poll failed");
    }
    polling = false;
    const again = wokenWhilePolling;
    wokenWhilePolling = false;
    if (!stopped) timer = setTimeout(loop, again ? 0 : pollMs);
  }
  /** Polls now (or right after the poll under way, which may have missed the new job). */
  const wake = () => {
    if (stopped) return;
    if (polling) {
      wokenWhilePolling = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(loop, 0);
  };
  if (options.autostart !== false) {
    localWorkers.add(wake);
    timer = setTimeout(loop, 50);
  }

  return {
    runOnce,
    async stop() {
      stopped = true;
      localWorkers.delete(wake);
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
