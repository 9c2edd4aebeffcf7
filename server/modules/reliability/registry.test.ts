import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reliability } from "../../../contracts/reliability";
import { activities, auditLog, jobs } from "../../db/schema/index";
import { jobHandlers } from "../../jobs/index";
import { withTx } from "../../platform/db/client";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org, sberbank } from "../companies/companies.fixtures";
import { inn10 } from "../imports/imports.test-support";
import {
  IP_INN,
  LIQUIDATED_INN,
  NOT_FOUND_INN,
  RATE_LIMITED_INN,
  type RegistryServer,
  SLOW_INN,
  startRegistryServer,
  TOKEN,
} from "./registry.fixtures";
import { dadataProvider, RegistryProviderError } from "./registry.provider";
import { runRecheckBatch } from "./registry.recheck";
import { announceStatusChange } from "./registry.service";
import { setRegistryTimeoutMs } from "./reliability.settings";

let h: Harness;
let org: Org;
let reg: RegistryServer;

const put = (url: string, body: unknown, s: { cookie: string }) =>
  h.request("PUT", url, { body, cookie: s.cookie });

async function runJobsOf(kind: string) {
  const rows = await h.ctx.db.select().from(jobs).where(eq(jobs.kind, kind));
  for (const job of rows.filter((j) => !j.doneAt)) {
    await jobHandlers[kind]!(h.ctx, job, async () => {});
    await h.ctx.db.update(jobs).set({ doneAt: new Date().toISOString() }).where(eq(jobs.id, job.id));
  }
  return rows.length;
}

async function reliability(id: string, s = org.m1): Promise<Reliability> {
  const res = await h.get(`/api/v1/reliability/${id}`, s);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  reg = await startRegistryServer();
  reg.slowMs = 1_500;
  setRegistryTimeoutMs(300);
  const res = await put("/api/v1/settings/registry", { baseUrl: reg.url, token: TOKEN }, org.admin);
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await reg.close();
  await h.close();
});

describe("the registry client against a local findById/party server", () => {
  const client = () => dadataProvider({ baseUrl: reg.url, token: TOKEN, timeoutMs: 300 });

  it("speaks the protocol: path, token header, body with branch_type MAIN, Unix ms dates", async () => {
    const a = await client().findById(sberbank.inn);
    const last = reg.requests.at(-1)!;
    expect(last.auth).toBe(`Token ${TOKEN}`);
    expect(last.body).toEqual({ query: sberbank.inn, branch_type: "MAIN" });
    expect(a.found).toBe(true);
    if (!a.found) return;
    expect(a.party).toMatchObject({
      status: "ACTIVE",
      registeredAt: "1991-06-20",
      ogrn: "1027700132195",
      branchCount: 87,
      employeeCount: 210000,
      okved: "64.19",
      okvedName: "Денежное посредничество прочее",
      management: { name: "Греф Герман Оскарович" },
      founders: [{ name: "ЦЕНТРАЛЬНЫЙ БАНК РОССИЙСКОЙ ФЕДЕРАЦИИ", share: "50" }],
    });
  });

  it("asks for a branch by KPP", async () => {
    await client().findById(sberbank.inn, "773601001");
    expect(reg.requests.at(-1)!.body).toEqual({ query: sberbank.inn, kpp: "773601001" });
  });

  it("reads an individual entrepreneur: 15-digit OGRNIP, no KPP, the name from fio", async () => {
    const a = await client().findById(IP_INN);
    expect(a.found && a.party).toMatchObject({
      ogrn: "307760324100018",
      kpp: null,
      entityType: "INDIVIDUAL",
      management: { name: "Петров Пётр Петрович" },
      taxSystem: "USN",
      sizeCategory: "MICRO",
    });
  });

  it("maps not found, 401, 403, 429 with Retry-After and a timeout to their states", async () => {
    expect((await client().findById(NOT_FOUND_INN)).found).toBe(false);
    const kind = async (p: Promise<unknown>) => {
      try {
        await p;
        return "ok";
      } catch (e) {
        return e instanceof RegistryProviderError ? [e.kind, e.retryAfterMs] : String(e);
      }
    };
    const bad = dadataProvider({ baseUrl: reg.url, token: "bad" });
    const forbidden = dadataProvider({ baseUrl: reg.url, token: "forbidden" });
    expect(await kind(bad.findById(sberbank.inn))).toEqual(["bad_token", null]);
    expect(await kind(forbidden.findById(sberbank.inn))).toEqual(["bad_token", null]);
    expect(await kind(client().findById(RATE_LIMITED_INN))).toEqual(["rate_limited", 7000]);
    expect(await kind(client().findById(SLOW_INN))).toEqual(["unavailable", null]);
    const closed = dadataProvider({ baseUrl: "http://127.0.0.1:9", token: TOKEN, timeoutMs: 300 });
    expect(await kind(closed.findById(sberbank.inn))).toEqual(["unavailable", null]);
  });
});

describe("registry checks of companies", () => {
  it("a new company enqueues a check in its transaction; the check fills the card", async () => {
    const c = await newCompany(h, org.m1, { ...sberbank });
    expect(await runJobsOf("registry-check")).toBeGreaterThan(0);
    const r = await reliability(c.id);
    expect(r.registry).toMatchObject({
      status: "ACTIVE",
      registeredAt: "1991-06-20",
      found: true,
      error: null,
      branchCount: 87,
    });
    expect(r.registry.checkedAt).not.toBeNull();
    expect(r.factors.find((f) => f.id === "registry")!.score).toBe(100);
  });

  it("a changed INN enqueues a new check; a company without an INN enqueues none", async () => {
    const c = await newCompany(h, org.m1, { name: "Без ИНН" });
    const pending = () =>
      h.ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, "registry-check"), eq(jobs.dedupeKey, `registry-check:${c.id}`)));
    expect(await pending()).toHaveLength(0);
    const res = await h.patch(
      `/api/v1/companies/${c.id}`,
      { version: c.version, inn: LIQUIDATED_INN },
      org.m1,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(await pending()).toHaveLength(1);
  });

  it("a liquidated company is graded D with the stop factor and its flags", async () => {
    const c = await newCompany(h, org.m1, { name: "Закрытая лавка", inn: LIQUIDATED_INN });
    const res = await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    expect(res.statusCode, res.body).toBe(200);
    const r: Reliability = res.json();
    expect(r.registry).toMatchObject({ status: "LIQUIDATED", liquidatedAt: "2019-03-15", massAddress: true });
    expect(r).toMatchObject({ grade: "D", stop: true });
  });

  it("not found is a state of its own, not an error", async () => {
    const c = await newCompany(h, org.m1, { name: "Нет в реестре", inn: NOT_FOUND_INN });
    const r: Reliability = (await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1)).json();
    expect(r.registry).toMatchObject({ found: false, error: null, status: null });
  });

  it("each failure shows its state and keeps the last good data; saving a company never fails", async () => {
    const c = await newCompany(h, org.m1, { ...sberbank, name: "Сбер 2" });
    await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    const states: Record<string, string | null> = {};
    for (const [token, state] of [
      ["bad", "bad_token"],
      ["forbidden", "bad_token"],
    ] as const) {
      await put("/api/v1/settings/registry", { baseUrl: reg.url, token }, org.admin);
      const r = await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
      expect(r.statusCode).toBe(200);
      states[token] = (r.json() as Reliability).registry.error;
      expect(states[token]).toBe(state);
      // The last good answer is still there.
      expect((r.json() as Reliability).registry.status).toBe("ACTIVE");
      // Saving a company with a broken registry still works.
      await newCompany(h, org.m1, { name: `Сохраняется при ${token}`, inn: "7736207543" });
    }
    await put("/api/v1/settings/registry", { baseUrl: "http://127.0.0.1:9", token: TOKEN }, org.admin);
    const down = await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    expect((down.json() as Reliability).registry).toMatchObject({ error: "unavailable", status: "ACTIVE" });
    await newCompany(h, org.m1, { name: "Сохраняется без реестра", inn: "7736207543" });
    // The queued checks of those companies run and fail softly too.
    await runJobsOf("registry-check");
    await put("/api/v1/settings/registry", { baseUrl: reg.url, token: TOKEN }, org.admin);

    const limited = await newCompany(h, org.m1, { name: "Лимит", inn: RATE_LIMITED_INN });
    const r429 = (
      await h.post(`/api/v1/reliability/${limited.id}/refresh`, {}, org.m1)
    ).json() as Reliability;
    expect(r429.registry.error).toBe("rate_limited");
    const slow = await newCompany(h, org.m1, { name: "Медленная", inn: SLOW_INN });
    const rSlow = (await h.post(`/api/v1/reliability/${slow.id}/refresh`, {}, org.m1)).json() as Reliability;
    expect(rSlow.registry.error).toBe("unavailable");
    expect(rSlow.registry.checkedAt).not.toBeNull();
  });

  it("a 429 in the job re-enqueues the check after Retry-After", async () => {
    const c = await newCompany(h, org.m2, { name: "Лимит в задаче", inn: RATE_LIMITED_INN });
    await runJobsOf("registry-check");
    const retry = await h.ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "registry-check"), eq(jobs.dedupeKey, `registry-check:${c.id}:retry:1`)));
    expect(retry).toHaveLength(1);
    expect(Date.parse(retry[0]!.runAt) - Date.now()).toBeGreaterThan(5_000);
  });

  it("a status change writes a timeline note and an audit entry, and names the owner and their head", async () => {
    const c = await newCompany(h, org.m1, { ...sberbank, name: "Меняет статус" });
    await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    const sber = reg.data[sberbank.inn]!;
    sber.state = { ...(sber.state as object), status: "LIQUIDATING" };
    try {
      const r = (await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1)).json() as Reliability;
      expect(r.registry.status).toBe("LIQUIDATING");
      expect(r.grade).toBe("D");
    } finally {
      sber.state = { ...(sber.state as object), status: "ACTIVE" };
    }
    const notes = await h.ctx.db.select().from(activities).where(eq(activities.companyId, c.id));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: "note", ownerId: org.m1.user.id });
    expect(notes[0]!.subject).toContain("действующая → ликвидируется");
    const audit = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "registry_status")));
    expect(audit[0]!.changes).toEqual({ registryStatus: { from: "ACTIVE", to: "LIQUIDATING" } });
    // Back to active is a change too (a second note); a refresh without a change writes nothing.
    await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1);
    expect(await h.ctx.db.select().from(activities).where(eq(activities.companyId, c.id))).toHaveLength(2);
    const told = await withTx(h.ctx.db, (tx) =>
      announceStatusChange(tx, {
        workspaceId: h.ctx.workspaceId,
        companyId: c.id,
        companyName: c.name,
        ownerId: org.m1.user.id,
        from: "ACTIVE",
        to: "BANKRUPT",
      }),
    );
    expect(told.userIds).toEqual([org.m1.user.id, org.head.user.id]);
  });

  it("the scheduled re-check walks due companies in a paced batch", async () => {
    const started = Date.now();
    const before = reg.requests.length;
    const result = await runRecheckBatch(h.ctx, h.ctx.workspaceId, {
      now: new Date(Date.now() + 8 * 86_400_000),
    });
    expect(result.stoppedBy).not.toBe("not_configured");
    expect(result.checked).toBeGreaterThan(3);
    const sent = reg.requests.slice(before);
    // 10 per second: n requests take at least (n − 1) × 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(
      (Math.min(sent.length, result.checked) - 1) * 100 - 5,
    );
  });
});

describe("the recurring jobs", () => {
  it("the daily start enqueues one batch per workspace; a bad token ends the run without a next batch", async () => {
    await h.ctx.db.delete(jobs).where(eq(jobs.kind, "registry-recheck-batch"));
    const job = { payload: {}, workspaceId: null } as unknown as Parameters<(typeof jobHandlers)[string]>[1];
    await jobHandlers["registry-recheck"]!(h.ctx, job, async () => {});
    const batches = await h.ctx.db.select().from(jobs).where(eq(jobs.kind, "registry-recheck-batch"));
    expect(batches.map((b) => b.dedupeKey)).toEqual([`registry-recheck-batch:${h.ctx.workspaceId}`]);
    await newCompany(h, org.m1, { name: "Ещё не проверена", inn: inn10(4545) });
    await put("/api/v1/settings/registry", { baseUrl: reg.url, token: "bad" }, org.admin);
    try {
      const progress: Record<string, unknown>[] = [];
      await h.ctx.db.delete(jobs).where(eq(jobs.kind, "registry-recheck-batch"));
      await jobHandlers["registry-recheck-batch"]!(h.ctx, batches[0]!, async (p) => {
        if (p) progress.push(p);
      });
      expect(progress.at(-1)).toMatchObject({ stoppedBy: "bad_token" });
      expect(await h.ctx.db.select().from(jobs).where(eq(jobs.kind, "registry-recheck-batch"))).toHaveLength(
        0,
      );
    } finally {
      await put("/api/v1/settings/registry", { baseUrl: reg.url, token: TOKEN }, org.admin);
    }
  });
});

describe("registry settings", () => {
  it("the token is write-only; only an admin reads or changes the settings", async () => {
    const res = await h.get("/api/v1/settings/registry", org.admin);
    expect(res.json()).toEqual({ baseUrl: reg.url, tokenSet: true, source: "settings" });
    expect(res.body).not.toContain(TOKEN);
    expect((await h.get("/api/v1/settings/registry", org.head)).statusCode).toBe(403);
    expect((await put("/api/v1/settings/registry", { baseUrl: reg.url }, org.m1)).statusCode).toBe(403);
    const test = await h.post("/api/v1/settings/registry/test", {}, org.admin);
    expect(test.json()).toMatchObject({ ok: true, error: null });
  });
});
