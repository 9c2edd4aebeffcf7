import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "../../../contracts/activities";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { allPages, makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";

let h: Harness;
let o: Org;
let company: { id: string };
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  company = await newCompany(h, o.m1, { name: "ООО «Ромашка»" });
});
afterAll(() => h.close());

const inHours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

async function newActivity(as: Session, body: Record<string, unknown>): Promise<Activity> {
  const res = await h.post("/api/v1/activities", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function count(table: string): Promise<number> {
  const r = await h.ctx.database.pool.query(`select count(*)::int as n from ${table}`);
  return r.rows[0].n;
}

describe("creating activities", () => {
  it("records a task on a company for the author, with occurredAt = dueAt and an audit entry", async () => {
    const dueAt = inHours(5);
    const a = await newActivity(o.m1, {
      type: "task",
      subject: "Позвонить бухгалтеру",
      companyId: company.id,
      dueAt,
    });
    expect(a).toMatchObject({
      type: "task",
      ownerId: o.m1.user.id,
      companyId: company.id,
      companyName: "ООО «Ромашка»",
      doneAt: null,
      overdue: false,
      version: 1,
    });
    expect(Date.parse(a.occurredAt)).toBe(Date.parse(dueAt));
    expect(a.ownerName).toContain("manager");
    const history = (await h.get(`/api/v1/companies/${company.id}/history`, o.m1)).json().items;
    expect(
      history.some(
        (e: { entity: string; entityId: string }) => e.entity === "activity" && e.entityId === a.id,
      ),
    ).toBe(true);
  });

  it("takes the company from a contact, and refuses a contact of someone else's client", async () => {
    const contact = await newContact(h, o.m1, { lastName: "Иванов", companyId: company.id });
    const call = await newActivity(o.m1, { type: "call", subject: "Звонок", contactId: contact.id });
    expect(call.companyId).toBe(company.id);
    const res = await h.post(
      "/api/v1/activities",
      { type: "note", subject: "Чужое", contactId: contact.id },
      o.m3,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe("contactId");
  });

  it("requires a due time for tasks and meetings, in the caller's language, and writes nothing", async () => {
    const before = await count("activities");
    for (const type of ["task", "meeting"]) {
      const ru = await h.post(
        "/api/v1/activities",
        { type, subject: "Без срока" },
        { ...o.m1, headers: { "accept-language": "ru" } },
      );
      expect(ru.statusCode).toBe(422);
      expect(ru.json()).toMatchObject({
        code: "activity_due_required",
        detail: "Для задачи и встречи укажите дату и время.",
      });
      expect(ru.json().errors).toEqual([{ path: "dueAt", message: "Укажите дату и время" }]);
    }
    const en = await h.post(
      "/api/v1/activities",
      { type: "task", subject: "No due" },
      { ...o.m1, headers: { "accept-language": "en" } },
    );
    expect(en.json().detail).toBe("A task or a meeting needs a due date and time.");
    expect(await count("activities")).toBe(before);
    // A note needs none.
    await newActivity(o.m1, { type: "note", subject: "Заметка", companyId: company.id });
  });

  it("refuses a reminder in the past with a clear message, and a meeting that ends before it starts", async () => {
    const before = await count("activities");
    const res = await h.post(
      "/api/v1/activities",
      { type: "task", subject: "Старое напоминание", dueAt: inHours(2), remindAt: inHours(-1) },
      { ...o.m1, headers: { "accept-language": "ru" } },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "reminder_in_past",
      detail: "Напоминание в прошлом не сработает: выберите время позже текущего.",
      errors: [{ path: "remindAt", message: "Время напоминания уже прошло" }],
    });
    const meeting = await h.post(
      "/api/v1/activities",
      { type: "meeting", subject: "Наоборот", dueAt: inHours(3), endAt: inHours(2) },
      o.m1,
    );
    expect(meeting.statusCode).toBe(422);
    expect(meeting.json().errors[0].path).toBe("endAt");
    expect(await count("activities")).toBe(before);
  });

  it("refuses malformed input with field errors (400)", async () => {
    const res = await h.post("/api/v1/activities", { type: "visit", subject: "", dueAt: "завтра" }, o.m1);
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["type", "subject", "dueAt"]));
  });
});

describe("who may assign a task to whom", () => {
  const task = (ownerId: string) => ({ type: "task", subject: "Поручение", dueAt: inHours(24), ownerId });

  it("a manager: to themself and to their own head, not to a colleague or another head", async () => {
    expect((await newActivity(o.m1, task(o.head.user.id))).ownerId).toBe(o.head.user.id);
    for (const other of [o.m2, o.otherHead, o.m3]) {
      const res = await h.post("/api/v1/activities", task(other.user.id), {
        ...o.m1,
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: "assignee_outside_team",
        detail:
          "A manager may assign tasks only to themselves, the people who report to them and their own head.",
        errors: [{ path: "ownerId" }],
      });
    }
  });

  it("a head: to anyone in the team at any depth, not to another team; an admin to anyone", async () => {
    expect((await newActivity(o.head, task(o.m4.user.id))).ownerId).toBe(o.m4.user.id);
    expect((await h.post("/api/v1/activities", task(o.m3.user.id), o.head)).statusCode).toBe(422);
    expect((await newActivity(o.admin, task(o.m3.user.id))).ownerId).toBe(o.m3.user.id);
  });

  it("the department role has no activities at all (403)", async () => {
    expect((await h.post("/api/v1/activities", { type: "note", subject: "x" }, o.dept)).statusCode).toBe(403);
    expect((await h.get("/api/v1/activities", o.dept)).statusCode).toBe(403);
  });

  it("the assignee is told, once, with a link; assigning to oneself tells nobody", async () => {
    const before = (await h.get("/api/v1/notifications/unread-count", o.m2)).json().count;
    const a = await newActivity(o.head, { ...task(o.m2.user.id), companyId: null });
    const list = (await h.get("/api/v1/notifications", o.m2)).json().items;
    expect(list[0]).toMatchObject({
      kind: "assigned",
      title: "Вам назначено: Поручение",
      link: `/activities?activity=${a.id}`,
    });
    expect((await h.get("/api/v1/notifications/unread-count", o.m2)).json().count).toBe(before + 1);
    const selfBefore = (await h.get("/api/v1/notifications/unread-count", o.m2)).json().count;
    await newActivity(o.m2, task(o.m2.user.id));
    expect((await h.get("/api/v1/notifications/unread-count", o.m2)).json().count).toBe(selfBefore);
  });
});

describe("visibility", () => {
  it("a manager sees what they do and what happens on their companies; others get 404", async () => {
    // The head's task on m1's company: m1 sees it through the company.
    const onM1Company = await newActivity(o.head, {
      type: "task",
      subject: "Проверить договор",
      companyId: company.id,
      dueAt: inHours(30),
    });
    expect((await h.get(`/api/v1/activities/${onM1Company.id}`, o.m1)).statusCode).toBe(200);
    for (const outsider of [o.m2, o.m3, o.otherHead]) {
      expect((await h.get(`/api/v1/activities/${onM1Company.id}`, outsider)).statusCode).toBe(404);
      const page = await h.get(`/api/v1/activities?companyId=${company.id}`, outsider);
      expect(page.json().items).toEqual([]);
    }
    expect((await h.get(`/api/v1/activities/${onM1Company.id}`, o.admin)).statusCode).toBe(200);
    const edit = await h.patch(
      `/api/v1/activities/${onM1Company.id}`,
      { version: 1, subject: "Чужая правка" },
      o.m3,
    );
    expect(edit.statusCode).toBe(404);
  });
});

describe("the timeline", () => {
  it("lists a company's activities newest first across pages, with type and status filters", async () => {
    const c = await newCompany(h, o.m2, { name: "ООО «Лента»" });
    const made: Activity[] = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await newActivity(o.m2, {
          type: i % 2 ? "call" : "task",
          subject: `Дело ${i}`,
          companyId: c.id,
          dueAt: inHours(i * 2 - 5),
        }),
      );
    }
    const all = await allPages<Activity>(h, o.m2, `/api/v1/activities?companyId=${c.id}&limit=3`);
    expect(all.map((a) => a.subject)).toEqual(made.map((a) => a.subject).reverse());
    const calls = (await h.get(`/api/v1/activities?companyId=${c.id}&type=call`, o.m2)).json().items;
    expect(calls.map((a: Activity) => a.type)).toEqual(["call", "call", "call"]);
    const overdue = (await h.get(`/api/v1/activities?companyId=${c.id}&status=overdue`, o.m2)).json().items;
    expect(overdue.map((a: Activity) => a.subject).sort()).toEqual(["Дело 0", "Дело 1", "Дело 2"]);
    expect(overdue.every((a: Activity) => a.overdue)).toBe(true);
    await h.post(`/api/v1/activities/${made[0]!.id}/complete`, { version: 1 }, o.m2);
    const done = (await h.get(`/api/v1/activities?companyId=${c.id}&status=done`, o.m2)).json().items;
    expect(done.map((a: Activity) => a.id)).toEqual([made[0]!.id]);
    const open = (await h.get(`/api/v1/activities?companyId=${c.id}&status=open`, o.m2)).json().items;
    expect(open).toHaveLength(6);
  });

  it("runs on the timeline index (one range read, names joined in the same query)", async () => {
    const plan = await h.ctx.database.pool.query(
      `explain select * from activities where workspace_id = $1 and company_id = $2 and deleted_at is null order by occurred_at desc, id desc limit 51`,
      [h.ctx.workspaceId, company.id],
    );
    await h.ctx.database.pool.query("set enable_seqscan = off");
    const forced = await h.ctx.database.pool.query(
      `explain select * from activities where workspace_id = $1 and company_id = $2 and deleted_at is null order by occurred_at desc, id desc limit 51`,
      [h.ctx.workspaceId, company.id],
    );
    await h.ctx.database.pool.query("set enable_seqscan = on");
    const text = [...plan.rows, ...forced.rows].map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("activities_company_timeline_idx");
  });
});

describe("changing, completing, deleting", () => {
  it("a stale edit is 409 with the current version; a fresh one bumps the version", async () => {
    const a = await newActivity(o.m1, { type: "task", subject: "Версия", dueAt: inHours(4) });
    const ok = await h.patch(`/api/v1/activities/${a.id}`, { version: 1, subject: "Версия 2" }, o.m1);
    expect(ok.json()).toMatchObject({ subject: "Версия 2", version: 2 });
    const stale = await h.patch(`/api/v1/activities/${a.id}`, { version: 1, subject: "Старое" }, o.m1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect((await h.post(`/api/v1/activities/${a.id}/complete`, { version: 1 }, o.m1)).statusCode).toBe(409);
  });

  it("completing a meeting records its result and the company's last contact; twice is 422; reopen undoes", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО «Встреча»" });
    const m = await newActivity(o.m1, {
      type: "meeting",
      subject: "Переговоры",
      companyId: c.id,
      dueAt: inHours(-1),
      endAt: inHours(0),
    });
    const done = await h.post(
      `/api/v1/activities/${m.id}/complete`,
      {
        version: 1,
        outcome: "Договорились",
        agreements: "Скидка 5%, поставка в марте",
        nextStep: "Выслать КП",
      },
      o.m1,
    );
    expect(done.statusCode, done.body).toBe(200);
    const body = done.json();
    expect(body).toMatchObject({
      outcome: "Договорились",
      nextStep: "Выслать КП",
      overdue: false,
      version: 2,
    });
    expect(body.doneAt).not.toBeNull();
    expect(body.occurredAt).toBe(body.doneAt);
    const card = (await h.get(`/api/v1/companies/${c.id}`, o.m1)).json();
    expect(Date.parse(card.lastContactAt)).toBe(Date.parse(body.doneAt));
    const again = await h.post(`/api/v1/activities/${m.id}/complete`, { version: 2 }, o.m1);
    expect(again.statusCode).toBe(422);
    const reopened = await h.post(`/api/v1/activities/${m.id}/reopen`, { version: 2 }, o.m1);
    expect(reopened.json()).toMatchObject({ doneAt: null, overdue: true, version: 3 });
    expect((await h.post(`/api/v1/activities/${m.id}/reopen`, { version: 3 }, o.m1)).statusCode).toBe(422);
    // A done note does not count as a contact with the client.
    const c2 = await newCompany(h, o.m1, { name: "ООО «Заметка»" });
    await newActivity(o.m1, { type: "note", subject: "Мысль", companyId: c2.id, doneAt: inHours(-1) });
    expect((await h.get(`/api/v1/companies/${c2.id}`, o.m1)).json().lastContactAt).toBeNull();
  });

  it("a soft delete hides it; only an admin restores it", async () => {
    const a = await newActivity(o.m1, { type: "task", subject: "Удалить", dueAt: inHours(6) });
    expect((await h.del(`/api/v1/activities/${a.id}`, o.m1)).json().deletedAt).not.toBeNull();
    expect((await h.get(`/api/v1/activities/${a.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.post(`/api/v1/activities/${a.id}/restore`, {}, o.m1)).statusCode).toBe(403);
    expect((await h.get("/api/v1/activities?deleted=true", o.m1)).statusCode).toBe(403);
    const deleted = (await h.get("/api/v1/activities?deleted=true", o.admin)).json().items;
    expect(deleted.map((x: Activity) => x.id)).toContain(a.id);
    const restored = await h.post(`/api/v1/activities/${a.id}/restore`, {}, o.admin);
    expect(restored.json()).toMatchObject({ deletedAt: null, version: 3 });
    expect((await h.get(`/api/v1/activities/${a.id}`, o.m1)).statusCode).toBe(200);
  });

  it("a company's deletion takes its activities along, and its restore brings them back", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО «Временная»" });
    const a = await newActivity(o.m1, { type: "note", subject: "С компанией", companyId: c.id });
    await h.del(`/api/v1/companies/${c.id}`, o.m1);
    expect((await h.get(`/api/v1/activities/${a.id}`, o.m1)).statusCode).toBe(404);
    await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.admin);
    expect((await h.get(`/api/v1/activities/${a.id}`, o.m1)).statusCode).toBe(200);
  });
});

describe("My day", () => {
  it("shows today's items in the user's time zone and open overdue ones from before today", async () => {
    const me = await h.userWith("manager");
    // Far east: the user's day is not the server's day.
    const tz = await h.patch("/api/v1/auth/me", { timeZone: "Asia/Kamchatka" }, me);
    expect(tz.statusCode, tz.body).toBe(200);
    const day = (await h.get("/api/v1/activities/my-day", me)).json();
    expect(day.timeZone).toBe("Asia/Kamchatka");
    const from = Date.parse(day.from);
    const mid = new Date(from + 12 * 3_600_000).toISOString();
    const today = await newActivity(me, { type: "task", subject: "Сегодня", dueAt: mid });
    const yesterday = await newActivity(me, {
      type: "task",
      subject: "Вчера",
      dueAt: new Date(from - 3_600_000).toISOString(),
    });
    const doneYesterday = await newActivity(me, {
      type: "call",
      subject: "Было",
      dueAt: new Date(from - 7_200_000).toISOString(),
    });
    await h.post(`/api/v1/activities/${doneYesterday.id}/complete`, { version: 1 }, me);
    await newActivity(me, {
      type: "task",
      subject: "Завтра",
      dueAt: new Date(Date.parse(day.to) + 3_600_000).toISOString(),
    });
    const after = (await h.get("/api/v1/activities/my-day", me)).json();
    expect(after.today.map((a: Activity) => a.id)).toEqual([today.id]);
    expect(after.overdue.map((a: Activity) => a.id)).toEqual([yesterday.id]);
    expect(after.overdue[0].overdue).toBe(true);
    // 24 hours apart except on a day when the clocks change (none in Kamchatka).
    expect(Date.parse(after.to) - Date.parse(after.from)).toBe(86_400_000);
  });
});

describe("the overdue sweep", () => {
  it("notifies the owner once per overdue item, however often it runs", async () => {
    const me = await h.userWith("manager");
    const late = await newActivity(me, { type: "task", subject: "Просроченная", dueAt: inHours(-2) });
    await newActivity(me, { type: "task", subject: "Ещё впереди", dueAt: inHours(2) });
    const done = await newActivity(me, { type: "task", subject: "Сделано", dueAt: inHours(-2) });
    await h.post(`/api/v1/activities/${done.id}/complete`, { version: 1 }, me);
    const { overdueSweep } = await import("../../jobs/activities-overdue");
    const job = { payload: {} } as never;
    await Promise.all([overdueSweep(h.ctx, job, async () => {}), overdueSweep(h.ctx, job, async () => {})]);
    await overdueSweep(h.ctx, job, async () => {});
    const items = (await h.get("/api/v1/notifications", me)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: "overdue",
      title: "Просрочено: Просроченная",
      link: `/activities?activity=${late.id}`,
    });
  });
});

describe("merging companies", () => {
  it("moves the sources' activities to the target, audited with where they came from", async () => {
    const target = await newCompany(h, o.m1, { name: "ООО «Цель слияния»" });
    const source = await newCompany(h, o.m1, { name: "ООО «Источник слияния»" });
    const a = await newActivity(o.m1, { type: "note", subject: "До слияния", companyId: source.id });
    const res = await h.post(
      "/api/v1/companies/merge",
      { targetId: target.id, sourceIds: [source.id] },
      o.m1,
    );
    expect(res.statusCode, res.body).toBe(200);
    const moved = (await h.get(`/api/v1/activities/${a.id}`, o.m1)).json();
    expect(moved.companyId).toBe(target.id);
    const timeline = (await h.get(`/api/v1/activities?companyId=${target.id}`, o.m1)).json().items;
    expect(timeline.map((x: Activity) => x.id)).toContain(a.id);
  });
});
