import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs } from "../db/schema/index";
import { createHarness, type Harness } from "../test/harness";
import { afterCommit, withTx } from "./db/client";
import { enqueue, ensureRecurring, startWorker } from "./queue";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("the job queue", () => {
  it("a job enqueued in a rolled-back transaction does not exist", async () => {
    await expect(
      withTx(h.ctx.db, async (tx) => {
        await enqueue(tx, { kind: "ghost" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.kind, "ghost"))).toHaveLength(0);
  });

  it("a job committed in this process runs at once, not at the worker's next poll", async () => {
    let ran = 0;
    const w = startWorker(h.ctx, { prompt: async () => void ran++ }, { pollMs: 60_000 });
    await new Promise((r) => setTimeout(r, 300)); // the first poll has come and gone
    const started = Date.now();
    await withTx(h.ctx.db, (tx) => enqueue(tx, { kind: "prompt" }));
    while (!ran && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(ran).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("after-commit callbacks wait for the outermost commit and are dropped on a rollback", async () => {
    const calls: string[] = [];
    await withTx(h.ctx.db, async (tx) => {
      await withTx(tx, async () => afterCommit(() => calls.push("inner")));
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual(["inner"]);
    await expect(
      withTx(h.ctx.db, async (tx) => {
        await withTx(tx, async () => afterCommit(() => calls.push("rolled back")));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    afterCommit(() => calls.push("outside"));
    expect(calls).toEqual(["inner", "outside"]);
  });

  it("two workers never run the same job twice", async () => {
    const runs = new Map<string, number>();
    const handler = async (_: unknown, job: { id: string }) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    for (let i = 0; i < 40; i++) await enqueue(h.ctx.db, { kind: "count", payload: { i } });
    const a = startWorker(h.ctx, { count: handler }, { autostart: false, concurrency: 4 });
    const b = startWorker(h.ctx, { count: handler }, { autostart: false, concurrency: 4 });
    for (let round = 0; round < 30 && runs.size < 40; round++) {
      await Promise.all([a.runOnce(), b.runOnce()]);
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all([a.stop(), b.stop()]);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
  });

  it("retries a failing job with back-off and marks it failed after the last attempt", async () => {
    const id = await enqueue(h.ctx.db, { kind: "flaky", maxAttempts: 2 });
    const w = startWorker(
      h.ctx,
      { flaky: async () => Promise.reject(new Error("boom")) },
      { autostart: false },
    );
    await w.runOnce();
    await w.stop();
    let [row] = await h.ctx.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ attempts: 1, lastError: "boom", failedAt: null });
    await h.ctx.db
      .update(jobs)
      .set({ runAt: new Date(0).toISOString() })
      .where(eq(jobs.id, id));
    const w2 = startWorker(
      h.ctx,
      { flaky: async () => Promise.reject(new Error("boom")) },
      { autostart: false },
    );
    await w2.runOnce();
    await w2.stop();
    [row] = await h.ctx.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row?.attempts).toBe(2);
    expect(row?.failedAt).not.toBeNull();
  });

  it("keeps a single pending row per recurring job and schedules the next run", async () => {
    await ensureRecurring(h.ctx.db, "tick", 60_000, 0);
    await ensureRecurring(h.ctx.db, "tick", 60_000, 0);
    expect(await h.ctx.db.select().from(jobs).where(eq(jobs.kind, "tick"))).toHaveLength(1);
    let ticks = 0;
    const w = startWorker(h.ctx, { tick: async () => void ticks++ }, { autostart: false });
    await new Promise((r) => setTimeout(r, 10));
    await w.runOnce();
    await w.stop();
    const rows = await h.ctx.db.select().from(jobs).where(eq(jobs.kind, "tick"));
    expect(ticks).toBe(1);
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.doneAt === null)).toHaveLength(1);
  });
});
