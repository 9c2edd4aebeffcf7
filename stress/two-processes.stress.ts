import { describe, expect, test } from "vitest";
import {
  Api,
  companiesCsv,
  type ImportState,
  importForm,
  pollUntil,
  postgresAvailable,
  query,
  twoProcesses,
} from "./support";

/**
 * Two Accord processes on one PostgreSQL database: sessions and deactivations take effect on
 * both at once (no per-process cache), and a job both workers could take runs once.
 */
describe.skipIf(!postgresAvailable)("two processes on one PostgreSQL database", () => {
  const pair = twoProcesses("two");

  test("a session made on A works on B, and a sign-out on A ends it on B", async () => {
    const onA = await new Api(pair.a.url).login();
    const onB = onA.on(pair.b.url);
    expect((await onB.request("GET", "/api/v1/auth/me")).status).toBe(200);
    expect((await onA.request("POST", "/api/v1/auth/logout")).status).toBe(200);
    expect((await onB.request("GET", "/api/v1/auth/me")).status).toBe(401);
    expect((await onB.request("GET", "/api/v1/companies")).status).toBe(401);
  });

  test("deactivating a user through A ends their session on B at once", async () => {
    const admin = await new Api(pair.a.url).login();
    const password = "stress-manager-password";
    const user = await admin.json<{ id: string; version: number }>("POST", "/api/v1/users", {
      email: "manager@stress.accord",
      password,
      fullName: "Stress Manager",
      role: "manager",
    });
    const manager = await new Api(pair.b.url).login("manager@stress.accord", password);
    // Warm whatever B might cache about this session and its permissions.
    expect((await manager.request("GET", "/api/v1/auth/me")).status).toBe(200);
    expect((await manager.request("GET", "/api/v1/companies")).status).toBe(200);
    expect((await manager.request("POST", "/api/v1/companies", { name: "Before deactivation" })).status).toBe(
      201,
    );
    await admin.json("PATCH", `/api/v1/users/${user.id}`, { version: user.version, active: false });
    expect((await manager.request("GET", "/api/v1/auth/me")).status).toBe(401);
    expect((await manager.request("GET", "/api/v1/companies")).status).toBe(401);
    expect((await manager.request("POST", "/api/v1/companies", { name: "After deactivation" })).status).toBe(
      401,
    );
    // Nor can they sign in again on either process.
    for (const url of [pair.a.url, pair.b.url]) {
      const res = await new Api(url).request("POST", "/api/v1/auth/login", {
        email: "manager@stress.accord",
        password,
      });
      expect(res.status).not.toBe(200);
    }
  });

  test("an import both workers could take runs once: created = rows exactly", async () => {
    const rows = 20_000;
    const admin = await new Api(pair.a.url).login();
    const before = await query<{ n: string }>(pair.store, "select count(*) as n from companies");
    const imp = await admin.json<ImportState>("POST", "/api/v1/imports", importForm(companiesCsv(rows, 11)));
    // Read it through B: the import row is shared state, not A's.
    const viaB = admin.on(pair.b.url);
    const end = await pollUntil(
      () => viaB.json<ImportState>("GET", `/api/v1/imports/${imp.id}`),
      (s) => s.status !== "queued" && s.status !== "running",
      120_000,
      250,
    );
    expect(end).toMatchObject({ status: "done", created: rows, processed: rows, failed: 0, updated: 0 });
    const after = await query<{ n: string; inns: string }>(
      pair.store,
      "select count(*) as n, count(distinct inn) filter (where inn is not null) as inns from companies",
    );
    expect(Number(after[0]?.n) - Number(before[0]?.n)).toBe(rows);
    const jobs = await query<{ attempts: number; locked_by: string | null; done: boolean }>(
      pair.store,
      "select attempts, locked_by, done_at is not null as done from jobs where kind like '%import%'",
    );
    console.info(`[two processes] import of ${rows}: ${JSON.stringify(jobs)}`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ attempts: 1, done: true });
    expect(Number(after[0]?.inns)).toBe(rows);
  });
});
