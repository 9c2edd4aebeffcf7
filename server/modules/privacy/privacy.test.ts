import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../contracts/audit";
import type { Company } from "../../../contracts/companies";
import type { Contact } from "../../../contracts/contacts";
import type { PersonalDataExport, PrivacyRequest } from "../../../contracts/privacy";
import { moscowToday } from "../../../core/moscow-time";
import { addDays, addWorkingDays } from "../../../core/working-days";
import { createHarness, type Harness } from "../../test/harness";
import { allPages, makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";

let h: Harness;
let o: Org;
let acme: Company;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  acme = await newCompany(h, o.m1, { name: "ООО «Акме Приват»" });
});
afterAll(() => h.close());

const person = (n: number) => ({
  companyId: acme.id,
  lastName: `Конфиденциальный${n}`,
  firstName: `Аристарх${"бвгдежзик"[n]}`,
  middleName: `Модестович${n}`,
  position: `Секретарь номер ${n}`,
  phones: [`+7 916 55${n}-12-34`],
  emails: [`aristarh${n}@privat.ru`],
  notes: `Любит зелёный чай сорта ${n}`,
});

describe("consents", () => {
  it("are recorded as dated events with text version, channel and IP, and listed in order", async () => {
    const c = await newContact(h, o.m1, person(1));
    const url = `/api/v1/contacts/${c.id}/consents`;
    const given = await h.post(
      url,
      {
        kind: "processing",
        granted: true,
        basis: "consent",
        textVersion: "policy-2025-09",
        channel: "web form",
        ip: "203.0.113.7",
      },
      o.m1,
    );
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({
      kind: "processing",
      granted: true,
      ip: "203.0.113.7",
      createdBy: o.m1.user.id,
    });
    const withdrawn = await h.post(url, { kind: "marketing", granted: false, channel: "email" }, o.head);
    expect(withdrawn.statusCode, withdrawn.body).toBe(201);
    expect(withdrawn.json().basis).toBe("consent");
    const list = await h.get(url, o.m1);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((e: { kind: string }) => e.kind)).toEqual(["processing", "marketing"]);

    expect((await h.post(url, { kind: "marketing", granted: true, channel: "x" }, o.m2)).statusCode).toBe(
      404,
    );
    expect((await h.get(url, o.m3)).statusCode).toBe(404);
    expect((await h.get(url, o.dept)).statusCode).toBe(403);
    expect((await h.post(url, { kind: "marketing", granted: true, channel: "" }, o.m1)).statusCode).toBe(400);
  });

  it("the newest marketing consent sets the contact's marketing flag; an older paper form does not", async () => {
    const c = await newContact(h, o.m1, person(8));
    const url = `/api/v1/contacts/${c.id}/consents`;
    const flag = async () => ((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).json() as Contact).consent;
    expect((await flag()).status).toBe("unknown");
    await h.post(url, { kind: "marketing", granted: true, channel: "web form" }, o.m1);
    expect(await flag()).toMatchObject({ marketing: true, status: "granted", source: "web form" });
    await h.post(url, { kind: "processing", granted: false, channel: "email" }, o.m1);
    expect((await flag()).status).toBe("granted");
    const old = "2020-01-15T10:00:00+03:00";
    await h.post(url, { kind: "marketing", granted: false, channel: "paper", at: old }, o.m1);
    expect((await flag()).status).toBe("granted");
    await h.post(url, { kind: "marketing", granted: false, channel: "phone" }, o.m1);
    expect(await flag()).toMatchObject({ marketing: false, status: "withdrawn", source: "phone" });
  });
});

describe("requests", () => {
  it("get their legal deadline and are listed open first, nearest deadline first", async () => {
    const c = await newContact(h, o.m1, person(2));
    const file = (kind: string, as = o.m1) =>
      h.post("/api/v1/privacy/requests", { contactId: c.id, kind, note: "звонок" }, as);
    const access = await file("access");
    expect(access.statusCode, access.body).toBe(201);
    const today = moscowToday();
    expect(access.json()).toMatchObject({
      kind: "access",
      status: "open",
      deadline: addWorkingDays(today, 10),
    });
    const erasure = await file("erasure");
    expect(erasure.json().deadline).toBe(addDays(today, 30));
    expect((await file("withdrawal")).json().deadline).toBe(addDays(today, 30));

    const mine = await allPages<PrivacyRequest>(
      h,
      o.m1,
      `/api/v1/privacy/requests?limit=1&contactId=${c.id}`,
    );
    expect(mine.map((r) => r.kind)).toEqual(["access", "erasure", "withdrawal"]);
    expect((await h.get(`/api/v1/privacy/requests?contactId=${c.id}`, o.m3)).json().items).toEqual([]);
    expect((await h.get("/api/v1/privacy/requests", o.dept)).statusCode).toBe(403);
    // Another team's manager and head cannot file about this person.
    expect((await file("access", o.m3)).statusCode).toBe(404);
    expect((await file("access", o.otherHead)).statusCode).toBe(404);
    expect((await file("access", o.m2)).statusCode).toBe(404);
  });
});

describe("export of personal data", () => {
  it("holds the contact, consents, requests and audit, and answers the open access request", async () => {
    const c = await newContact(h, o.m1, person(3));
    await h.post(
      `/api/v1/contacts/${c.id}/consents`,
      { kind: "processing", granted: true, channel: "paper" },
      o.m1,
    );
    const req = (await h.post("/api/v1/privacy/requests", { contactId: c.id, kind: "access" }, o.m1)).json();
    const res = await h.get(`/api/v1/contacts/${c.id}/personal-data`, o.m1);
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json() as PersonalDataExport;
    expect(data.contact).toMatchObject({ lastName: "Конфиденциальный3", emails: ["aristarh3@privat.ru"] });
    expect(data.consents).toHaveLength(1);
    expect(data.audit.map((e) => e.action)).toEqual(["consent", "create"]);
    expect(data.requests.find((r) => r.id === req.id)).toMatchObject({
      status: "done",
      doneBy: o.m1.user.id,
    });

    expect((await h.get(`/api/v1/contacts/${c.id}/personal-data`, o.m3)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${c.id}/personal-data`, o.otherHead)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${c.id}/personal-data`, o.dept)).statusCode).toBe(403);
  });
});

describe("erasure", () => {
  it("a manager may not erase (403), another team not even see it (404), their head may", async () => {
    const c = await newContact(h, o.m1, person(4));
    expect((await h.post(`/api/v1/contacts/${c.id}/erase`, {}, o.m1)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/contacts/${c.id}/erase`, {}, o.m3)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/contacts/${c.id}/erase`, {}, o.otherHead)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).json().lastName).toBe("Конфиденциальный4");
    const done = await h.post(`/api/v1/contacts/${c.id}/erase`, {}, o.head);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ lastName: "Удалено", phones: [], emails: [] });
  });

  it("removes the person everywhere and keeps the business history", async () => {
    const p = person(5);
    const c = await newContact(h, o.m1, p);
    await h.patch(`/api/v1/contacts/${c.id}`, { version: 1, position: "Старший секретарь" }, o.m1);
    await h.post(
      `/api/v1/contacts/${c.id}/consents`,
      { kind: "marketing", granted: true, channel: "web form", ip: "198.51.100.9" },
      o.m1,
    );
    const req = (await h.post("/api/v1/privacy/requests", { contactId: c.id, kind: "erasure" }, o.m1)).json();
    const foreign = await h.post(`/api/v1/contacts/${c.id}/erase`, { requestId: req.id }, o.otherHead);
    expect(foreign.statusCode).toBe(404);

    const res = await h.post(`/api/v1/contacts/${c.id}/erase`, { requestId: req.id }, o.admin);
    expect(res.statusCode, res.body).toBe(200);
    const secrets = [
      p.lastName,
      p.firstName,
      p.middleName,
      p.position,
      p.notes,
      "55512",
      "555-12",
      "aristarh5",
      "198.51.100.9",
    ];
    const clean = (body: string) => {
      for (const s of secrets) expect(body, s).not.toContain(s);
    };

    const card = await h.get(`/api/v1/contacts/${c.id}`, o.admin);
    expect(card.statusCode).toBe(200);
    const erased = card.json() as Contact;
    expect(erased.erasedAt).not.toBeNull();
    const restore = await h.post(`/api/v1/contacts/${c.id}/restore`, {}, o.admin);
    expect(restore.statusCode).toBe(422);
    expect(restore.json().code).toBe("contact_erased");
    expect(erased).toMatchObject({
      id: c.id,
      companyId: acme.id,
      lastName: "Удалено",
      firstName: null,
      notes: null,
    });
    clean(card.body);

    for (const q of [p.lastName, p.firstName, p.emails[0]!, "79165551234"]) {
      const found = await h.get(`/api/v1/search?q=${encodeURIComponent(q)}`, o.admin);
      expect(found.statusCode).toBe(200);
      expect(found.json().items.filter((i: { id: string }) => i.id === c.id)).toEqual([]);
    }
    // The index itself, not only the (deleted-excluding) search: the generated vector forgot the name.
    const hits = await h.ctx.db.execute(
      sql`select count(*)::int as n from contacts where id = ${c.id} and (search_vector @@ plainto_tsquery('russian', ${p.lastName}) or phone_search <> '' or cardinality(emails) > 0)`,
    );
    expect(hits.rows[0]).toEqual({ n: 0 });
    // The typo vocabulary forgot the person's own words; a word that other contacts still have stays.
    const own = p.firstName.toLowerCase();
    const words = await h.ctx.db.execute<{ word: string }>(
      sql`select word from search_words where word in (${own}, 'старший', 'секретарь') order by word`,
    );
    expect(words.rows.map((r) => r.word)).toEqual(["секретарь"]);
    for (const url of ["/api/v1/exports/contacts.csv", "/api/v1/exports/contacts.csv?deleted=include"]) {
      const csv = await h.get(url, o.admin);
      expect(csv.statusCode).toBe(200);
      clean(csv.body);
    }

    const audit = await h.get(`/api/v1/audit?entity=contact&entityId=${c.id}`, o.admin);
    expect(audit.statusCode).toBe(200);
    clean(audit.body);
    const entries = audit.json().items as AuditEntry[];
    expect(entries.map((e) => e.action)).toEqual(["erase", "consent", "update", "create"]);
    expect(Object.keys(entries[0]!.changes!).sort()).toEqual(
      ["emails", "firstName", "lastName", "middleName", "notes", "phones", "position"].sort(),
    );
    for (const e of entries)
      for (const v of Object.values(e.changes ?? {})) expect(v).toEqual({ from: "***", to: "***" });

    const consents = (await h.get(`/api/v1/contacts/${c.id}/consents`, o.admin)).json().items;
    expect(consents).toMatchObject([{ kind: "marketing", granted: true, ip: null }]);
    const requests = (await h.get(`/api/v1/privacy/requests?contactId=${c.id}`, o.admin)).json().items;
    expect(requests).toMatchObject([{ id: req.id, status: "done", doneBy: o.admin.user.id }]);

    const company = await h.get(`/api/v1/companies/${acme.id}`, o.m1);
    expect(company.statusCode).toBe(200);
    const history = await allPages<AuditEntry>(h, o.admin, `/api/v1/companies/${acme.id}/history`);
    expect(history.some((e) => e.entity === "company" && e.action === "create")).toBe(true);
    expect(history.some((e) => e.entityId === c.id && e.action === "erase")).toBe(true);
    clean(JSON.stringify(history));
  });

  it("files and closes a request when none is named, and refuses another contact's request", async () => {
    const a = await newContact(h, o.m1, person(6));
    const b = await newContact(h, o.m1, person(7));
    const other = (
      await h.post("/api/v1/privacy/requests", { contactId: b.id, kind: "erasure" }, o.m1)
    ).json();
    expect((await h.post(`/api/v1/contacts/${a.id}/erase`, { requestId: other.id }, o.head)).statusCode).toBe(
      422,
    );
    expect((await h.post(`/api/v1/contacts/${a.id}/erase`, {}, o.head)).statusCode).toBe(200);
    const logged = (await h.get(`/api/v1/privacy/requests?contactId=${a.id}`, o.head)).json().items;
    expect(logged).toMatchObject([{ kind: "erasure", status: "done", doneBy: o.head.user.id }]);
  });
});
