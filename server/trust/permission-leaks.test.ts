import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { multipart, runJobs } from "../modules/imports/imports.test-support";
import { createHarness, type Harness, type Session } from "../test/harness";
import { bodyText, makeWorld, SECRET, snapshot, type World } from "./fixtures";

/**
 * Another team's data never shows: A1's client (distinctive name, INN, phone, e-mail, address,
 * contact) must not appear for A2, head B or B1 in any list filter, search, export, duplicate
 * warning, history, audit, import report or error message. B1 owns a company with the SAME INN,
 * so duplicate checks and INN searches are exercised where a leak would be most tempting.
 */
let h: Harness;
let w: World;
let strangers: [string, Session][];
let b1Company: { id: string };
beforeAll(async () => {
  h = await createHarness();
  w = await makeWorld(h);
  const { A2, headB, B1 } = w.sessions;
  strangers = [
    ["A2", A2],
    ["headB", headB],
    ["B1", B1],
  ];
  const res = await h.post("/api/v1/companies", { name: "ООО «Честная фирма Б»", inn: SECRET.inn }, B1);
  expect(res.statusCode, res.body).toBe(201);
  b1Company = res.json();
});
afterAll(async () => {
  await h.close();
  rmSync(w.dataDir, { recursive: true, force: true });
});

/**
 * What of A1's client an answer gives away (the INN is B1's too, so it is checked apart).
 * `typed`: what the caller wrote themselves (an import file echoes its own rows back).
 */
function leaked(text: string, typed: readonly string[] = []): string[] {
  const marks = [
    w.company.id,
    w.contact.id,
    SECRET.name,
    "Тайный Сад",
    SECRET.phoneDigits,
    "987-65-43",
    SECRET.email,
    SECRET.address,
    SECRET.kpp,
    SECRET.contactLastName,
    SECRET.contactEmail,
    "9161234567",
  ];
  return marks.filter((m) => text.includes(m) && !typed.includes(m));
}

const q = encodeURIComponent;
const a1 = () => w.sessions.A1.user.id;

describe("lists, search and exports never show another team's client", () => {
  // First, before the strangers' own exports are audited with the filters they typed.
  it("the audit log of head B holds nothing about A1's client", async () => {
    const { headB } = w.sessions;
    for (const url of [
      "/api/v1/audit?limit=200",
      `/api/v1/audit?entity=company&entityId=${w.company.id}`,
      `/api/v1/audit?userId=${a1()}`,
    ]) {
      const res = await h.get(url, headB);
      expect({ url, status: res.statusCode, leaked: leaked(res.body) }).toEqual({
        url,
        status: 200,
        leaked: [],
      });
    }
  });

  const urls = () => [
    "/api/v1/companies?limit=200",
    `/api/v1/companies?ownerId=${a1()}`,
    `/api/v1/companies?ownerId=${a1()},${w.sessions.B1.user.id}`,
    `/api/v1/companies?q=${q("Тайный")}`,
    `/api/v1/companies?q=${SECRET.inn}`,
    `/api/v1/companies?q=${SECRET.inn.slice(0, 5)}`,
    `/api/v1/companies?status=client&city=${q(SECRET.city)}&tag=${q(SECRET.tag)}`,
    "/api/v1/companies?sort=inn&limit=1",
    "/api/v1/companies?sort=-updatedAt",
    "/api/v1/companies?noContactSince=2100-01-01",
    "/api/v1/contacts?limit=200",
    `/api/v1/contacts?q=${q(SECRET.contactLastName)}`,
    `/api/v1/contacts?q=${q(SECRET.contactEmail)}`,
    `/api/v1/contacts?q=${q("916 123-45-67")}`,
    `/api/v1/search?q=${q("Тайный Сад")}`,
    `/api/v1/search?q=${q("тайного сада")}`,
    `/api/v1/search?q=${q("Таиный Сад Аркадея")}`,
    `/api/v1/search?q=${SECRET.inn}`,
    `/api/v1/search?q=${q(SECRET.phone)}`,
    `/api/v1/search?q=${q("8 495 987 65 43")}`,
    "/api/v1/search?q=9876543",
    `/api/v1/search?q=${q(SECRET.email)}`,
    `/api/v1/search?q=${q(SECRET.contactLastName)}`,
    `/api/v1/search?q=${q(SECRET.contactEmail)}`,
    `/api/v1/search?q=${q(SECRET.contactPhone)}`,
    "/api/v1/exports/companies.csv",
    `/api/v1/exports/companies.csv?ownerId=${a1()}`,
    `/api/v1/exports/companies.xlsx?q=${q("Тайный")}`,
    `/api/v1/exports/companies.xlsx?ownerId=${a1()}`,
    "/api/v1/exports/contacts.csv",
    `/api/v1/exports/contacts.xlsx?q=${q(SECRET.contactLastName)}`,
  ];

  it.each(["A2", "headB", "B1"])("for %s", async (name) => {
    const as = strangers.find(([n]) => n === name)![1];
    for (const url of urls()) {
      const res = await h.get(url, as);
      const text = await bodyText(res);
      expect({ url, status: res.statusCode, leaked: leaked(text) }).toEqual({ url, status: 200, leaked: [] });
    }
    // The INN itself is B1's too: whatever an INN search finds must be the caller's own company.
    const byInn = (await h.get(`/api/v1/search?q=${SECRET.inn}`, as))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(byInn).toEqual(name === "A2" ? [] : [b1Company.id]);
  });

  it("the owner himself does find it by every one of those keys (the checks above can fail)", async () => {
    const A1 = w.sessions.A1;
    for (const needle of ["Тайный Сад", "тайного сада", SECRET.inn, SECRET.phone, "9876543", SECRET.email]) {
      const res = await h.get(`/api/v1/search?q=${q(needle)}`, A1);
      expect({ needle, found: res.body.includes(w.company.id) }).toEqual({ needle, found: true });
    }
    for (const needle of [SECRET.contactLastName, SECRET.contactEmail, SECRET.contactPhone]) {
      const res = await h.get(`/api/v1/search?q=${q(needle)}`, A1);
      expect({ needle, found: res.body.includes(w.contact.id) }).toEqual({ needle, found: true });
    }
    expect(leaked(await bodyText(await h.get("/api/v1/exports/companies.xlsx", A1)))).toContain(SECRET.name);
  });
});

describe("duplicate warnings name the client and its owner, nothing else", () => {
  it.each(["headB", "B1"])("for %s: id, requisites and contacts stay hidden", async (name) => {
    const as = strangers.find(([n]) => n === name)![1];
    const answers = [
      await h.get(`/api/v1/companies/${b1Company.id}/duplicates`, as),
      await h.post("/api/v1/companies/duplicates/check", { inn: SECRET.inn }, as),
      await h.post("/api/v1/companies/duplicates/check", { name: "Проверка", phones: [SECRET.phone] }, as),
      await h.post("/api/v1/companies/duplicates/check", { name: "Проверка", emails: [SECRET.email] }, as),
    ];
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      const hints = res.json().items.filter((c: { visible: boolean }) => !c.visible);
      expect(hints).toHaveLength(1);
      expect(Object.keys(hints[0]).sort()).toEqual(["name", "ownerName", "reasons", "score", "visible"]);
      expect(hints[0].name).toBe(SECRET.name);
      // The name is the warning itself; nothing beyond it may come along.
      expect(leaked(res.body).filter((m) => m !== SECRET.name && m !== "Тайный Сад")).toEqual([]);
    }
  });
});

describe("refusals and their error messages reveal nothing", () => {
  it.each(["A2", "headB", "B1"])(
    "for %s: 404 (or 403) with no trace of the row, and nothing changes",
    async (name) => {
      const as = strangers.find(([n]) => n === name)![1];
      const c = w.company.id;
      const k = w.contact.id;
      const self = as.user.id;
      const attempts: [string, string, unknown?][] = [
        ["GET", `/api/v1/companies/${c}`],
        ["GET", `/api/v1/companies/${c}/history`],
        ["GET", `/api/v1/companies/${c}/contacts`],
        ["GET", `/api/v1/companies/${c}/duplicates`],
        ["GET", `/api/v1/contacts?companyId=${c}`],
        ["GET", `/api/v1/contacts/${k}`],
        // A stale version must not answer 409 with the current one: that would confirm the row.
        ["PATCH", `/api/v1/companies/${c}`, { version: 99, name: "Захват" }],
        ["PATCH", `/api/v1/contacts/${k}`, { version: 99, position: "Захват" }],
        ["DELETE", `/api/v1/companies/${c}`],
        ["DELETE", `/api/v1/contacts/${k}`],
        ["POST", `/api/v1/companies/${c}/restore`],
        ["POST", `/api/v1/contacts/${k}/restore`],
        ["POST", "/api/v1/contacts", { lastName: "Подсадной", companyId: c }],
        ["POST", "/api/v1/companies/transfer", { ids: [c], ownerId: self }],
        ["POST", "/api/v1/companies/merge", { targetId: b1Company.id, sourceIds: [c] }],
        ["POST", "/api/v1/companies/merge", { targetId: c, sourceIds: [b1Company.id] }],
        ["PATCH", `/api/v1/contacts/${k}`, { version: 1, companyId: b1Company.id }],
      ];
      const before = await snapshot(h, w, "before");
      for (const [method, url, body] of attempts) {
        const res = await h.request(method as "GET", url, { cookie: as.cookie, ...(body ? { body } : {}) });
        const where = `${method} ${url}`;
        expect({ where, refused: [403, 404].includes(res.statusCode), leaked: leaked(res.body) }).toEqual({
          where,
          refused: true,
          leaked: [],
        });
      }
      // The merge into B1's company was refused as a whole: B1's company is untouched too.
      expect(await snapshot(h, w, "after")).toEqual(before);
      // An export filtered by an invisible company is an empty file, as for an id that exists
      // nowhere (after the snapshot: the export itself is audited).
      const exported = await h.get(`/api/v1/exports/contacts.csv?companyId=${c}`, as);
      expect({ status: exported.statusCode, leaked: leaked(exported.body) }).toEqual({
        status: 200,
        leaked: [],
      });
    },
  );
});

describe("imports never reveal or touch another team's client", () => {
  it("B1's file with A1's INN and e-mails: rejected rows, reports without A1's data, A1's rows unchanged", async () => {
    const { B1, A1 } = w.sessions;
    const card = (await h.get(`/api/v1/companies/${w.company.id}`, A1)).json();
    const files = [
      {
        entity: "companies",
        // The e-mail row: it matches only A1's client. The INN row matches B1's own company too,
        // and goes there (a match the caller may touch wins), leaving A1's untouched.
        refused: 1,
        file: {
          name: "clients.csv",
          content: `Наименование;ИНН;Эл. почта\r\nООО «Перехват»;${SECRET.inn};\r\nООО «Перехват 2»;;${SECRET.email}\r\n`,
        },
      },
      {
        entity: "contacts",
        // The contact with A1's contact's e-mail; the one with the shared INN joins B1's company.
        refused: 1,
        file: {
          name: "people.csv",
          content: `Фамилия;Эл. почта;ИНН компании\r\nПерехватов;${SECRET.contactEmail};\r\nЛазутчиков;spy@example.ru;${SECRET.inn}\r\n`,
        },
      },
    ];
    // The report echoes the file's own rows: the e-mails B1 typed are B1's input, not a leak.
    const typed = [SECRET.email, SECRET.contactEmail];
    for (const dryRun of ["true", "false"]) {
      for (const f of files) {
        const { body, headers } = multipart({ entity: f.entity, dryRun }, f.file);
        const started = await h.request("POST", "/api/v1/imports", { body, headers, cookie: B1.cookie });
        expect(started.statusCode, started.body).toBe(202);
        await runJobs(h);
        const id = started.json().id;
        // Not vacuous: the rows naming A1's client were really matched, and refused.
        const summary = (await h.get(`/api/v1/imports/${id}`, B1)).json();
        expect({ entity: f.entity, dryRun, status: summary.status, failed: summary.failed }).toEqual({
          entity: f.entity,
          dryRun,
          status: "done",
          failed: f.refused,
        });
        for (const url of [
          `/api/v1/imports/${id}`,
          `/api/v1/imports/${id}/errors.csv`,
          `/api/v1/imports/${id}/plan.csv`,
        ]) {
          const res = await h.get(url, B1);
          if (url.endsWith("plan.csv") && dryRun === "false") {
            expect(res.statusCode).toBe(404);
            continue;
          }
          expect({ url, status: res.statusCode, leaked: leaked(res.body, typed) }).toEqual({
            url,
            status: 200,
            leaked: [],
          });
        }
      }
    }
    expect((await h.get(`/api/v1/companies/${w.company.id}`, A1)).json()).toEqual(card);
    const contact = (await h.get(`/api/v1/contacts/${w.contact.id}`, A1)).json();
    expect(contact).toMatchObject({ companyId: w.company.id, ownerId: A1.user.id, version: 1 });
    // Whatever B1's import created is B1's, and linked to nothing of A1's.
    const mine = (await h.get("/api/v1/contacts?limit=200", B1)).json().items;
    for (const row of mine) expect(row.companyId).not.toBe(w.company.id);
  });

  it("a file naming A1 as the owner still gives the rows to the importer", async () => {
    const { B1 } = w.sessions;
    const content = `Наименование;Ответственный\r\nООО «Чужой подарок»;${w.sessions.A1.user.email}\r\n`;
    const { body, headers } = multipart(
      { entity: "companies", dryRun: "false" },
      { name: "gift.csv", content },
    );
    const started = await h.request("POST", "/api/v1/imports", { body, headers, cookie: B1.cookie });
    expect(started.statusCode, started.body).toBe(202);
    await runJobs(h);
    const found = (await h.get(`/api/v1/companies?q=${q("Чужой подарок")}`, B1)).json().items;
    expect(found.map((c: { ownerId: string }) => c.ownerId)).toEqual([B1.user.id]);
    expect((await h.get("/api/v1/companies?limit=200", w.sessions.A1)).body).not.toContain("Чужой подарок");
  });
});

describe("a departed employee and a stale integration", () => {
  it("deactivation ends the person's sessions and tokens at once; their clients stay with the team", async () => {
    const { admin, headA } = w.sessions;
    const gone = await h.userWith("manager", { headId: headA.user.id });
    const token = (await h.post("/api/v1/api-tokens", { name: "sync", scope: "write" }, gone)).json().token;
    const company = (await h.post("/api/v1/companies", { name: "ООО «Наследство»" }, gone)).json();
    expect((await h.get("/api/v1/companies", { token })).statusCode).toBe(200);
    const current = (await h.get(`/api/v1/users/${gone.user.id}`, admin)).json();
    expect((await h.del(`/api/v1/users/${gone.user.id}`, admin)).statusCode).toBe(200);
    expect((await h.get("/api/v1/auth/me", gone)).statusCode).toBe(401);
    expect((await h.get("/api/v1/companies", { token })).statusCode).toBe(401);
    expect((await h.post("/api/v1/companies", { name: "После ухода" }, { token })).statusCode).toBe(401);
    await expect(h.signIn(gone.user.email)).rejects.toThrow(/401/);
    expect(current.active).toBe(true);
    expect((await h.get(`/api/v1/companies/${company.id}`, headA)).statusCode).toBe(200);
  });

  it("an expired token is refused", async () => {
    const { A2 } = w.sessions;
    const past = new Date(Date.now() - 60_000).toISOString();
    const res = await h.post("/api/v1/api-tokens", { name: "old", scope: "read", expiresAt: past }, A2);
    expect(res.statusCode, res.body).toBe(201);
    expect((await h.get("/api/v1/auth/me", { token: res.json().token })).statusCode).toBe(401);
  });
});
