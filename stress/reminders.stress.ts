import { describe, expect, test } from "vitest";
import { Api, pollUntil, postgresAvailable, query, sleep, twoProcesses } from "./support";

/**
 * Reminders on two Accord processes sharing one PostgreSQL database: both workers poll the same
 * queue, every reminder is also enqueued a second time (as a redelivery after a crash would),
 * and still each reminder leaves exactly one notification.
 */
describe.skipIf(!postgresAvailable)("reminders on two processes", () => {
  const pair = twoProcesses("reminders");

  test("each due reminder yields exactly one notification", async () => {
    const count = 40;
    const onA = await new Api(pair.a.url).login();
    const onB = onA.on(pair.b.url);
    const remindAt = new Date(Date.now() + 6_000).toISOString();
    const dueAt = new Date(Date.now() + 3_600_000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const api = i % 2 ? onB : onA;
      const made = await api.json<{ id: string }>("POST", "/api/v1/activities", {
        type: "task",
        subject: `Напоминание ${i}`,
        dueAt,
        remindAt,
      });
      ids.push(made.id);
    }
    // A second job per reminder, due at the same moment: both processes race for the same work.
    await query(
      pair.store,
      `insert into jobs (id, workspace_id, kind, payload, run_at)
       select gen_random_uuid(), workspace_id, kind, payload, run_at from jobs where kind = 'activity-reminder'`,
    );
    const jobs = await pollUntil(
      () =>
        query<{ total: string; done: string; workers: string }>(
          pair.store,
          `select count(*) as total, count(done_at) as done, count(distinct locked_by) as workers
           from jobs where kind = 'activity-reminder'`,
        ),
      (rows) => Number(rows[0]?.done) === count * 2,
      60_000,
      250,
    );
    await sleep(500);
    const rows = await query<{ dedupe_key: string; n: string }>(
      pair.store,
      `select dedupe_key, count(*) as n from notifications where kind = 'reminder' group by dedupe_key`,
    );
    console.info(`[reminders] jobs ${JSON.stringify(jobs[0])}; notifications ${rows.length}`);
    expect(rows).toHaveLength(count);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    for (const id of ids) expect(rows.some((r) => r.dedupe_key.startsWith(`reminder:${id}:`))).toBe(true);
    const bell = await onB.json<{ count: number }>("GET", "/api/v1/notifications/unread-count");
    expect(bell.count).toBe(count);
  });
});
