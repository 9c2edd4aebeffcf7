import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Cadence, CadenceEnrolment, CadenceStats } from "../../../contracts/cadences";
import type { Company } from "../../../contracts/companies";
import { uuidv7 } from "../../../core/uuid";
import { activities, deals, jobs } from "../../db/schema/index";
import { systemActor } from "../../platform/actor";
import { withTx } from "../../platform/db/client";
import type { Job } from "../../platform/queue";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";
import { enrol, runEnrolJob, runStepJob } from "./cadences.enrol";
import { stopEnrolments } from "./cadences.service";
import { createStepTask } from "./cadences.steps";

/**
 * Dates follow the 2026 production calendar (Постановление Правительства РФ от 24.09.2025
 * № 1466; Минтруд's published calendar): Fri 8 May is a working day, Sat 9 May (Victory Day)
 * moves the day off to Mon 11 May, so the first working day after 8 May is Tue 12 May.
 * The clock is set to Wed 6 May 2026, 13:00 Moscow, so "today" is a known day.
 */
const NOW = new Date("2026-05-06T10:00:00Z");

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());
afterEach(() => {
  vi.useRealTimers();
});

const scheme = {
  name: "Новый клиент: знакомство",
  description: "Три касания за неделю",
  steps: [
    { type: "call", delayWorkingDays: 0, subject: "Звонок-знакомство", script: "Здравствуйте! Меня зовут…" },
    {
      type: "email",
      delayWorkingDays: 2,
      subject: "Письмо с презентацией",
      script: "Добрый день, направляю…",
    },
    { type: "meeting", delayWorkingDays: 1, subject: "Встреча в офисе клиента" },
  ],
};

async function newScheme(as: Session, body: Record<string, unknown> = scheme): Promise<Cadence> {
  const res = await h.post("/api/v1/cadences", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const tasksOf = (enrolmentId: string) =>
  h.ctx.db
    .select()
    .from(activities)
    .where(eq(activities.enrolmentId, enrolmentId))
    .orderBy(activities.cadenceStep);

async function enrolmentsOf(cadenceId: string, as: Session): Promise<CadenceEnrolment[]> {
  const res = await h.get(`/api/v1/cadences/${cadenceId}/enrolments`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function pendingStepJobs(enrolmentId: string): Promise<Job[]> {
  const rows = await h.ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        eq(jobs.kind, "cadence-step"),
        sql`${jobs.payload}->>'enrolmentId' = ${enrolmentId}`,
        sql`${jobs.doneAt} is null`,
      ),
    );
  return rows;
}

/** Runs a step job as the worker would, then marks it done. */
async function runJob(job: Job): Promise<void> {
  await runStepJob(h.ctx.db, job);
  await h.ctx.db.update(jobs).set({ doneAt: new Date().toISOString() }).where(eq(jobs.id, job.id));
}

async function enrolOne(c: Cadence, company: Company, as: Session) {
  const res = await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [company.id] }, as);
  expect(res.statusCode, res.body).toBe(200);
  const [e] = (await enrolmentsOf(c.id, as)).filter(
    (x) => x.companyId === company.id && x.status === "active",
  );
  return { result: res.json(), enrolment: e! };
}

describe("designing schemes", () => {
  it("keeps ordered steps, edits with a version, and refuses who may not", async () => {
    const c = await newScheme(o.m1);
    expect(c.steps.map((s) => [s.position, s.type, s.delayWorkingDays])).toEqual([
      [1, "call", 0],
      [2, "email", 2],
      [3, "meeting", 1],
    ]);
    expect(c.ownerId).toBe(o.m1.user.id);
    const reordered = await h.patch(
      `/api/v1/cadences/${c.id}`,
      { version: c.version, steps: [scheme.steps[1], scheme.steps[0]] },
      o.m1,
    );
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().steps.map((s: { type: string }) => s.type)).toEqual(["email", "call"]);
    // Stale version → 409; another manager → 404; their head → allowed; the department → 403.
    expect(
      (await h.patch(`/api/v1/cadences/${c.id}`, { version: c.version, name: "x" }, o.m1)).statusCode,
    ).toBe(409);
    expect((await h.patch(`/api/v1/cadences/${c.id}`, { version: 2, name: "x" }, o.m2)).statusCode).toBe(404);
    expect(
      (await h.patch(`/api/v1/cadences/${c.id}`, { version: 2, name: "Правка руководителя" }, o.head))
        .statusCode,
    ).toBe(200);
    expect((await h.post("/api/v1/cadences", scheme, o.dept)).statusCode).toBe(403);
    // Everyone who works with clients may read (and use) any scheme.
    expect((await h.get(`/api/v1/cadences/${c.id}`, o.m3)).statusCode).toBe(200);
    const bad = await h.post(
      "/api/v1/cadences",
      { name: "", steps: [] },
      { ...o.m1, headers: { "accept-language": "ru" } },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["name", "steps"]),
    );
    const del = await h.del(`/api/v1/cadences/${c.id}`, o.m1);
    expect(del.statusCode).toBe(200);
    expect((await h.get(`/api/v1/cadences/${c.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.post(`/api/v1/cadences/${c.id}/restore`, {}, o.m1)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/cadences/${c.id}/restore`, {}, o.admin)).statusCode).toBe(200);
  });
});

describe("enrolment and the step jobs", () => {
  it("creates the first task at once and the later ones on their working days, once", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    const company = await newCompany(h, o.m1, { name: "ООО «Первый шаг»" });
    const { result, enrolment } = await enrolOne(c, company, o.m1);
    expect(result).toMatchObject({ enrolled: 1, skipped: 0, jobId: null });
    expect(enrolment).toMatchObject({
      status: "active",
      startedOn: "2026-05-06",
      stepsDone: 1,
      nextPosition: 2,
      nextDueOn: "2026-05-08",
    });
    expect(enrolment.currentTask).toMatchObject({ type: "call", subject: "Звонок-знакомство", doneAt: null });

    let tasks = await tasksOf(enrolment.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      type: "call",
      subject: "Звонок-знакомство",
      ownerId: o.m1.user.id,
      companyId: company.id,
      cadenceStep: 1,
    });
    expect(new Date(tasks[0]!.dueAt!).getTime()).toBe(NOW.getTime());

    // Step 2: two working days after Wed 6 May → Fri 8 May, 09:00 Moscow.
    const [job2] = await pendingStepJobs(enrolment.id);
    expect(new Date(job2!.runAt).toISOString()).toBe("2026-05-08T06:00:00.000Z");
    await runJob(job2!);
    tasks = await tasksOf(enrolment.id);
    expect(tasks.map((t) => [t.cadenceStep, new Date(t.dueAt!).toISOString()])).toEqual([
      [1, NOW.toISOString()],
      [2, "2026-05-08T06:00:00.000Z"],
    ]);
    // Step 3: one working day after Fri 8 May skips the weekend and Mon 11 May (holiday) → Tue 12 May.
    const [job3] = await pendingStepJobs(enrolment.id);
    expect(new Date(job3!.runAt).toISOString()).toBe("2026-05-12T06:00:00.000Z");

    // A retried job (at least once delivery) creates nothing more.
    await runStepJob(h.ctx.db, job2!);
    expect(await tasksOf(enrolment.id)).toHaveLength(2);
    await runJob(job3!);
    await runStepJob(h.ctx.db, job3!);
    tasks = await tasksOf(enrolment.id);
    expect(tasks.map((t) => t.cadenceStep)).toEqual([1, 2, 3]);
    expect(await pendingStepJobs(enrolment.id)).toEqual([]);
    const [done] = await enrolmentsOf(c.id, o.m1);
    expect(done).toMatchObject({ status: "completed", stepsDone: 3, nextPosition: null });

    // Even written directly, a second task for the same (enrolment, step) is refused by the index.
    const again = await withTx(h.ctx.db, (tx) =>
      createStepTask(tx, systemActor(h.ctx.workspaceId), {
        enrolment: { ...done!, workspaceId: h.ctx.workspaceId },
        step: { position: 1, type: "call", subject: "Повтор", script: null },
        dueAt: new Date(),
      }),
    );
    expect(again).toBeNull();
    expect(await tasksOf(enrolment.id)).toHaveLength(3);
    // The task creation is in the audit log.
    const audited = await h.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'activity' and entity_id = ${tasks[0]!.id}`,
    );
    expect(audited.rows[0]!.n).toBe(1);
  });

  it("skips a client already in the scheme; enrols contacts and a clients-list filter", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    const a = await newCompany(h, o.m1, { name: "ООО «Фильтр Альфа»", city: "Тверь" });
    const b = await newCompany(h, o.m1, { name: "ООО «Фильтр Бета»", city: "Тверь" });
    await newCompany(h, o.m2, { name: "ООО «Чужой фильтр»", city: "Тверь" });
    const first = await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [a.id] }, o.m1);
    expect(first.json()).toMatchObject({ enrolled: 1, skipped: 0 });
    const byFilter = await h.post(`/api/v1/cadences/${c.id}/enrol`, { filter: { city: "Тверь" } }, o.m1);
    expect(byFilter.statusCode, byFilter.body).toBe(200);
    // m2's company in Тверь is outside m1's reach and so outside the filter.
    expect(byFilter.json()).toMatchObject({ matched: 2, enrolled: 1, skipped: 1, jobId: null });
    const person = await newContact(h, o.m1, { companyId: b.id, lastName: "Контактов" });
    const byContact = await h.post(`/api/v1/cadences/${c.id}/enrol`, { contactIds: [person.id] }, o.m1);
    expect(byContact.json()).toMatchObject({ enrolled: 1 });
    const list = await enrolmentsOf(c.id, o.m1);
    expect(list.find((e) => e.contactId === person.id)).toMatchObject({
      companyId: b.id,
      contactName: "Контактов",
    });
    // A company outside the reach: 404, nothing enrolled; nothing to enrol: 400.
    const other = await newCompany(h, o.m3, { name: "ООО «Соседняя команда»" });
    expect(
      (await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [other.id, a.id] }, o.m1)).statusCode,
    ).toBe(404);
    const none = await h.post(
      `/api/v1/cadences/${c.id}/enrol`,
      {},
      { ...o.m1, headers: { "accept-language": "ru" } },
    );
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([
      { path: "companyIds", message: "Укажите одно из трёх: компании, контакты или фильтр списка клиентов" },
    ]);
    expect((await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [a.id] }, o.dept)).statusCode).toBe(
      403,
    );
    // The head enrols the team's clients.
    const m2co = await newCompany(h, o.m2, { name: "ООО «Для руководителя»" });
    const headEnrol = await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [m2co.id] }, o.head);
    expect(headEnrol.json()).toMatchObject({ enrolled: 1 });
    // A switched-off scheme enrols nobody: 422 with the reason.
    const off = await h.patch(`/api/v1/cadences/${c.id}`, { version: c.version, active: false }, o.m1);
    expect(off.statusCode).toBe(200);
    const refused = await h.post(
      `/api/v1/cadences/${c.id}/enrol`,
      { companyIds: [a.id] },
      { ...o.m1, headers: { "accept-language": "ru" } },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().detail).toContain("выключена");
  });

  it("enrols a big filter with a job that reports progress and resumes", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    for (let i = 0; i < 5; i++) await newCompany(h, o.m1, { name: `ООО «Пакет ${i}»`, city: "Кострома" });
    const m1Actor = {
      ...systemActor(h.ctx.workspaceId),
      id: o.m1.user.id,
      role: "manager" as const,
      teamIds: [o.m1.user.id],
      email: o.m1.user.email,
    };
    const r = await enrol(
      h.ctx.db,
      m1Actor,
      c.id,
      { filter: { city: ["Кострома"] } as never },
      { inlineLimit: 2 },
    );
    expect(r).toMatchObject({ enrolled: 0, matched: 5 });
    expect(r.jobId).toBeTruthy();
    const [job] = await h.ctx.db.select().from(jobs).where(eq(jobs.id, r.jobId!));
    const seen: unknown[] = [];
    await runEnrolJob(h.ctx.db, job!, async (p) => {
      seen.push(p);
      await h.ctx.db.update(jobs).set({ progress: p }).where(eq(jobs.id, job!.id));
    });
    expect(seen.at(-1)).toMatchObject({ processed: 5, enrolled: 5, total: 5 });
    const state = await h.get(`/api/v1/cadence-enrol-jobs/${r.jobId}`, o.m1);
    expect(state.json()).toMatchObject({ processed: 5, enrolled: 5, total: 5 });
    expect((await h.get(`/api/v1/cadence-enrol-jobs/${r.jobId}`, o.m2)).statusCode).toBe(404);
    // A rerun resumes after the last batch: nobody is enrolled twice.
    const [again] = await h.ctx.db.select().from(jobs).where(eq(jobs.id, r.jobId!));
    await runEnrolJob(h.ctx.db, again!, async () => {});
    expect((await enrolmentsOf(c.id, o.m1)).length).toBe(5);
  });
});

describe("stopping and statistics", () => {
  it("stops on manual / reply / deal_won, pending steps then do nothing, and counts", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    const names = ["Ручной", "Ответ", "Выигрыш", "Идёт"];
    const cs: Company[] = [];
    for (const n of names) cs.push(await newCompany(h, o.m1, { name: `ООО «${n}»` }));
    const es: CadenceEnrolment[] = [];
    for (const co of cs) es.push((await enrolOne(c, co, o.m1)).enrolment);

    // Manual stop: another team's manager cannot see it; the owner stops it; a second stop is 422.
    expect((await h.post(`/api/v1/cadence-enrolments/${es[0]!.id}/stop`, {}, o.m2)).statusCode).toBe(404);
    const stopped = await h.post(`/api/v1/cadence-enrolments/${es[0]!.id}/stop`, {}, o.m1);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: "stopped", stopReason: "manual" });
    expect((await h.post(`/api/v1/cadence-enrolments/${es[0]!.id}/stop`, {}, o.m1)).statusCode).toBe(422);

    // An inbound reply and a won deal, as activities and deals call it.
    const sys = systemActor(h.ctx.workspaceId);
    expect(await withTx(h.ctx.db, (tx) => stopEnrolments(tx, sys, { companyId: cs[1]!.id }, "reply"))).toBe(
      1,
    );
    expect(
      await withTx(h.ctx.db, (tx) => stopEnrolments(tx, sys, { companyId: cs[2]!.id }, "deal_won")),
    ).toBe(1);
    expect(
      await withTx(h.ctx.db, (tx) => stopEnrolments(tx, sys, { companyId: cs[2]!.id }, "deal_won")),
    ).toBe(0);
    // A reply from a contact stops that contact's enrolment only; a lost deal stops the company's.
    const lostCo = await newCompany(h, o.m1, { name: "ООО «Проигрыш»" });
    const person = await newContact(h, o.m1, { companyId: lostCo.id, lastName: "Отвечающий" });
    const byContact = await h.post(`/api/v1/cadences/${c.id}/enrol`, { contactIds: [person.id] }, o.m1);
    expect(byContact.statusCode).toBe(200);
    const byCompany = await h.post(`/api/v1/cadences/${c.id}/enrol`, { companyIds: [lostCo.id] }, o.m1);
    expect(byCompany.statusCode).toBe(200);
    const stop = (target: { companyId?: string; contactId?: string }, reason: "reply" | "deal_lost") =>
      withTx(h.ctx.db, (tx) => stopEnrolments(tx, sys, target, reason));
    expect(await stop({ contactId: person.id }, "reply")).toBe(1);
    expect(await stop({ contactId: person.id }, "reply")).toBe(0);
    expect(await stop({ companyId: lostCo.id }, "deal_lost")).toBe(1);
    await h.ctx.db.insert(deals).values({
      id: uuidv7(),
      workspaceId: h.ctx.workspaceId,
      pipelineId: uuidv7(),
      stage: "won",
      status: "won",
      title: "Поставка",
      companyId: cs[2]!.id,
      ownerId: o.m1.user.id,
      amount: "150000.00",
      closedAt: sql`now() + interval '1 minute'` as unknown as string,
    });

    // The stopped enrolments' jobs create nothing.
    for (const e of es.slice(0, 3)) {
      for (const job of await pendingStepJobs(e.id)) await runJob(job);
      expect(await tasksOf(e.id)).toHaveLength(1);
    }
    const stats = await h.get(`/api/v1/cadences/${c.id}/stats`, o.m1);
    expect(stats.json()).toEqual({
      enrolled: 6,
      inProgress: 1,
      converted: 1,
      completed: 0,
      stopped: { reply: 2, manual: 1, dealWon: 1, dealLost: 1 },
    } satisfies CadenceStats);
    // Another team sees none of m1's enrolments in the numbers; the head sees them all.
    expect((await h.get(`/api/v1/cadences/${c.id}/stats`, o.m3)).json().enrolled).toBe(0);
    expect((await h.get(`/api/v1/cadences/${c.id}/stats`, o.head)).json().enrolled).toBe(6);
    const listed = await h.get("/api/v1/cadences?limit=200", o.m1);
    expect(listed.json().items.find((x: Cadence) => x.id === c.id).stats.converted).toBe(1);
    const card = await h.get(`/api/v1/cadence-enrolments?companyId=${cs[3]!.id}`, o.m1);
    expect(card.json().items).toHaveLength(1);
    expect(
      (await h.get(`/api/v1/cadence-enrolments?companyId=${cs[3]!.id}`, o.m2)).json().items,
    ).toHaveLength(0);
  });
});

describe("enrolments follow their company", () => {
  it("a transfer hands the next steps to the new owner; a deletion stops the scheme", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    const moving = await newCompany(h, o.m1, { name: "ООО «Переезд»" });
    const { enrolment } = await enrolOne(c, moving, o.m1);
    const transfer = await h.post(
      "/api/v1/companies/transfer",
      { ids: [moving.id], ownerId: o.m2.user.id },
      o.head,
    );
    expect(transfer.statusCode, transfer.body).toBe(200);
    const [job2] = await pendingStepJobs(enrolment.id);
    await runJob(job2!);
    const tasks = await tasksOf(enrolment.id);
    expect(tasks.map((t) => t.ownerId)).toEqual([o.m1.user.id, o.m2.user.id]);
    expect((await enrolmentsOf(c.id, o.m2)).map((e) => e.id)).toEqual([enrolment.id]);

    const gone = await newCompany(h, o.m1, { name: "ООО «Закрылись»" });
    const second = await enrolOne(c, gone, o.m1);
    expect((await h.del(`/api/v1/companies/${gone.id}`, o.m1)).statusCode).toBe(200);
    const after = (await enrolmentsOf(c.id, o.admin)).find((e) => e.id === second.enrolment.id);
    expect(after).toMatchObject({ status: "stopped", stopReason: "manual" });
  });
});

describe("the production calendar", () => {
  it("is seeded from the 2026 decree, edited by an admin only, audited, and moves the schedule", async () => {
    const year = await h.get("/api/v1/calendar/production?year=2026", o.m1);
    expect(year.statusCode).toBe(200);
    expect(year.json()).toMatchObject({ year: 2026, workingDays: 247, provisional: false });
    expect(year.json().source).toContain("1466");
    expect(year.json().days).toContainEqual({ day: "2026-05-11", kind: "holiday", note: null });
    expect(
      (
        await h.request("PUT", "/api/v1/calendar/production/2026-05-12", {
          body: { kind: "holiday" },
          cookie: o.head.cookie,
        })
      ).statusCode,
    ).toBe(403);
    const weekendHoliday = await h.request("PUT", "/api/v1/calendar/production/2026-05-16", {
      body: { kind: "holiday" },
      cookie: o.admin.cookie,
    });
    expect(weekendHoliday.statusCode).toBe(422);

    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const c = await newScheme(o.m1);
    const company = await newCompany(h, o.m1, { name: "ООО «Календарная»" });
    const { enrolment } = await enrolOne(c, company, o.m1);
    const [job2] = await pendingStepJobs(enrolment.id);
    await runJob(job2!);
    const [job3] = await pendingStepJobs(enrolment.id);
    expect(job3!.payload).toMatchObject({ position: 3, dueOn: "2026-05-12" });

    // The admin declares Tue 12 May a day off: the pending step moves to Wed 13 May.
    const edit = await h.request("PUT", "/api/v1/calendar/production/2026-05-12", {
      body: { kind: "holiday", note: "Перенос по приказу" },
      cookie: o.admin.cookie,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().workingDays).toBe(246);
    await runJob(job3!);
    expect((await tasksOf(enrolment.id)).map((t) => t.cadenceStep)).toEqual([1, 2]);
    const [moved] = await pendingStepJobs(enrolment.id);
    expect(moved!.payload).toMatchObject({ position: 3, dueOn: "2026-05-13" });
    expect(new Date(moved!.runAt).toISOString()).toBe("2026-05-13T06:00:00.000Z");
    await runJob(moved!);
    const tasks = await tasksOf(enrolment.id);
    expect(new Date(tasks[2]!.dueAt!).toISOString()).toBe("2026-05-13T06:00:00.000Z");
    vi.useRealTimers();

    const audit = await h.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'production_calendar' and entity_id = '2026-05-12'`,
    );
    expect(audit.rows[0]!.n).toBe(1);
    const back = await h.request("PUT", "/api/v1/calendar/production/2026-05-12", {
      body: { kind: "normal" },
      cookie: o.admin.cookie,
    });
    expect(back.json().workingDays).toBe(247);
  });
});
