import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobs, notifications } from "../../db/schema/index";
import { jobHandlers } from "../../jobs/index";
import type { AppContext } from "../../platform/context";
import { openDatabase, withTx } from "../../platform/db/client";
import { startWorker } from "../../platform/queue";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { REMINDER_JOB } from "../activities/activities.notices";
import { notify } from "./notifications.service";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const inMinutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

async function task(as: Session, body: Record<string, unknown> = {}) {
  const res = await h.post(
    "/api/v1/activities",
    { type: "task", subject: "Перезвонить", dueAt: inMinutes(120), remindAt: inMinutes(60), ...body },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; remindAt: string };
}

async function reminderJobs(activityId: string) {
  return h.ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, REMINDER_JOB), sql`${jobs.payload}->>'activityId' = ${activityId}`));
}

/** Makes every pending reminder due now and runs the worker until the queue is idle. */
async function runDueReminders(ctx: AppContext = h.ctx) {
  await ctx.db
    .update(jobs)
    .set({ runAt: new Date(0).toISOString() })
    .where(eq(jobs.kind, REMINDER_JOB));
  const w = startWorker(ctx, jobHandlers, { autostart: false, concurrency: 4 });
  for (let i = 0; i < 200 && (await pendingReminders()) > 0; i++) {
    await w.runOnce();
    await new Promise((r) => setTimeout(r, 20));
  }
  await w.stop();
}

async function pendingReminders(): Promise<number> {
  const [row] = await h.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(jobs)
    .where(and(eq(jobs.kind, REMINDER_JOB), sql`${jobs.doneAt} is null and ${jobs.failedAt} is null`));
  return row!.n;
}

async function reminderCount(userId: string) {
  const [row] = await h.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "reminder")));
  return row!.n;
}

describe("reminders", () => {
  it("a reminder job is committed with the activity, at remindAt, and fires one notification", async () => {
    const me = await h.userWith("manager");
    const a = await task(me);
    const [job] = await reminderJobs(a.id);
    expect(Date.parse(job!.runAt)).toBe(Date.parse(a.remindAt));
    await runDueReminders();
    await runDueReminders();
    expect(await reminderCount(me.user.id)).toBe(1);
    const [n] = (await h.get("/api/v1/notifications", me)).json().items;
    expect(n).toMatchObject({ kind: "reminder", title: "Напоминание: Перезвонить", readAt: null });
  });

  it("a moved reminder is rescheduled: the old time's job goes, the new one fires", async () => {
    const me = await h.userWith("manager");
    const a = await task(me);
    const moved = inMinutes(90);
    const res = await h.patch(`/api/v1/activities/${a.id}`, { version: a.version, remindAt: moved }, me);
    expect(res.statusCode, res.body).toBe(200);
    const pending = (await reminderJobs(a.id)).filter((j) => !j.doneAt);
    expect(pending.map((j) => Date.parse(j.runAt))).toEqual([Date.parse(moved)]);
    const past = await h.patch(`/api/v1/activities/${a.id}`, { version: 2, remindAt: inMinutes(-5) }, me);
    expect(past.statusCode).toBe(422);
    await runDueReminders();
    expect(await reminderCount(me.user.id)).toBe(1);
  });

  it("a completed or deleted activity sends nothing, even when its job runs", async () => {
    const me = await h.userWith("manager");
    const done = await task(me);
    const gone = await task(me, { subject: "Удалённая" });
    const stale = await task(me, { subject: "Старая" });
    await h.post(`/api/v1/activities/${done.id}/complete`, { version: 1 }, me);
    await h.del(`/api/v1/activities/${gone.id}`, me);
    // A job of an outdated time that somehow survived (e.g. claimed while the time moved).
    await withTx(h.ctx.db, async (tx) => {
      await tx.insert(jobs).values({
        id: crypto.randomUUID(),
        kind: REMINDER_JOB,
        workspaceId: h.ctx.workspaceId,
        payload: { activityId: stale.id, remindAt: inMinutes(30) },
        runAt: new Date(0).toISOString(),
      });
    });
    await runDueReminders();
    expect(await reminderCount(me.user.id)).toBe(1);
    const [n] = (await h.get("/api/v1/notifications", me)).json().items;
    expect(n.title).toBe("Напоминание: Старая");
  });

  it("two workers on separate connections take the same due reminders: each yields one notification", async () => {
    const me = await h.userWith("manager");
    const made: { id: string; remindAt: string }[] = [];
    for (let i = 0; i < 12; i++) made.push(await task(me, { subject: `Напоминание ${i}` }));
    // A crash after the work and before done_at makes a job run again: simulate it with a second job each.
    await withTx(h.ctx.db, async (tx) => {
      for (const a of made) {
        await tx.insert(jobs).values({
          id: crypto.randomUUID(),
          kind: REMINDER_JOB,
          workspaceId: h.ctx.workspaceId,
          payload: { activityId: a.id, remindAt: a.remindAt },
          runAt: new Date(0).toISOString(),
        });
      }
    });
    await h.ctx.db
      .update(jobs)
      .set({ runAt: new Date(0).toISOString() })
      .where(eq(jobs.kind, REMINDER_JOB));
    // On PostgreSQL the second worker has its own pool, as a second process would.
    const url = (h.ctx.database.pool as unknown as { options: { connectionString?: string } }).options
      .connectionString;
    const second = url
      ? await openDatabase({ databaseUrl: url, dataDir: "", poolSize: 4, statementTimeoutMs: 0 })
      : null;
    expect(second !== null).toBe(h.ctx.database.kind === "postgres");
    const ctxB: AppContext = second ? { ...h.ctx, database: second, db: second.db } : h.ctx;
    const a = startWorker(h.ctx, jobHandlers, { autostart: false, concurrency: 4 });
    const b = startWorker(ctxB, jobHandlers, { autostart: false, concurrency: 4 });
    try {
      // Until every reminder job is done: runOnce answers 0 also while its slots are busy.
      for (let round = 0; round < 200 && (await pendingReminders()) > 0; round++) {
        await Promise.all([a.runOnce(), b.runOnce()]);
        await new Promise((r) => setTimeout(r, 30));
      }
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await second?.close();
    }
    const rows = await h.ctx.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, me.user.id), eq(notifications.kind, "reminder")));
    expect(rows.map((r) => r.title).sort()).toEqual(
      made.map((_, i) => `Напоминание: Напоминание ${i}`).sort(),
    );
  });
});

describe("the notifications API", () => {
  it("lists newest first by cursor, counts unread, marks one and all read; others' are 404", async () => {
    const me = await h.userWith("manager");
    const other = await h.userWith("manager");
    await withTx(h.ctx.db, async (tx) => {
      for (let i = 0; i < 5; i++) {
        await notify(tx, {
          workspaceId: h.ctx.workspaceId,
          userIds: [me.user.id],
          kind: "test",
          title: `Весть ${i}`,
          dedupeKey: `t${i}`,
        });
      }
      // The same key again is a no-op.
      await notify(tx, {
        workspaceId: h.ctx.workspaceId,
        userIds: [me.user.id],
        kind: "test",
        title: "Повтор",
        dedupeKey: "t0",
      });
    });
    expect((await h.get("/api/v1/notifications/unread-count", me)).json()).toEqual({ count: 5 });
    const first = (await h.get("/api/v1/notifications?limit=3", me)).json();
    expect(first.items.map((n: { title: string }) => n.title)).toEqual(["Весть 4", "Весть 3", "Весть 2"]);
    const second = (await h.get(`/api/v1/notifications?limit=3&cursor=${first.nextCursor}`, me)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(["Весть 1", "Весть 0"]);
    expect(second.nextCursor).toBeNull();
    const id = first.items[0].id;
    expect((await h.post(`/api/v1/notifications/${id}/read`, undefined, other)).statusCode).toBe(404);
    const read = await h.post(`/api/v1/notifications/${id}/read`, undefined, me);
    expect(read.json().readAt).not.toBeNull();
    expect((await h.get("/api/v1/notifications/unread-count", me)).json()).toEqual({ count: 4 });
    expect((await h.get("/api/v1/notifications?unread=true", me)).json().items).toHaveLength(4);
    expect((await h.post("/api/v1/notifications/read-all", undefined, me)).json()).toEqual({ updated: 4 });
    expect((await h.get("/api/v1/notifications/unread-count", me)).json()).toEqual({ count: 0 });
    expect((await h.get("/api/v1/notifications", other)).json().items).toEqual([]);
  });
});
