import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../contracts/audit";
import type { Company } from "../../../contracts/companies";
import type { Contact } from "../../../contracts/contacts";
import { createHarness, type Harness } from "../../test/harness";
import { allPages, makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";

let h: Harness;
let o: Org;
let acme: Company;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  acme = await newCompany(h, o.m1, { name: "ООО «Акме»" });
});
afterAll(() => h.close());

describe("creating contacts", () => {
  it("a contact of a company belongs to the company's owner; without a company, to its author", async () => {
    const byHead = await newContact(h, o.head, { companyId: acme.id, lastName: "Орлов", firstName: "Пётр" });
    expect(byHead).toMatchObject({ companyId: acme.id, ownerId: o.m1.user.id, fullName: "Орлов Пётр" });
    const loose = await newContact(h, o.m2, { lastName: "Свободный", phones: ["+7 916 123-45-67"] });
    expect(loose).toMatchObject({ companyId: null, ownerId: o.m2.user.id });
    expect((await h.get(`/api/v1/contacts/${loose.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${loose.id}`, o.head)).statusCode).toBe(200);
  });

  it("refuses a company the author may not edit (404), a department user (403) and no session (401)", async () => {
    expect(
      (await h.post("/api/v1/contacts", { companyId: acme.id, lastName: "Чужой" }, o.m2)).statusCode,
    ).toBe(404);
    expect(
      (await h.post("/api/v1/contacts", { companyId: acme.id, lastName: "Чужой" }, o.otherHead)).statusCode,
    ).toBe(404);
    expect((await h.post("/api/v1/contacts", { lastName: "Отдел" }, o.dept)).statusCode).toBe(403);
    expect((await h.post("/api/v1/contacts", { lastName: "Аноним" })).statusCode).toBe(401);
    const bad = await h.post("/api/v1/contacts", { lastName: "Ошибкин", emails: ["не почта"] }, o.m1);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("emails.0");
  });
});

describe("consent to marketing", () => {
  it("records when and where it was given, and its withdrawal; every change is audited", async () => {
    const c = await newContact(h, o.m1, {
      companyId: acme.id,
      lastName: "Согласнова",
      emails: ["Soglasnova@Acme.RU"],
      consent: { marketing: true, source: "форма на сайте" },
    });
    expect(c.emails).toEqual(["soglasnova@acme.ru"]);
    expect(c.consent).toMatchObject({ marketing: true, status: "granted", source: "форма на сайте" });
    expect(Date.now() - Date.parse(c.consent.at!)).toBeLessThan(60_000);

    const unrelated = await h.patch(`/api/v1/contacts/${c.id}`, { version: 1, position: "Директор" }, o.m1);
    expect(unrelated.json().consent).toEqual(c.consent);
    const withdrawn = await h.patch(
      `/api/v1/contacts/${c.id}`,
      { version: 2, consent: { marketing: false, source: "письмо клиента" } },
      o.m1,
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().consent).toMatchObject({
      marketing: false,
      status: "withdrawn",
      source: "письмо клиента",
    });
    const stale = await h.patch(`/api/v1/contacts/${c.id}`, { version: 2, position: "Никто" }, o.m1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(3);

    const audit = await allPages<AuditEntry>(h, o.m1, `/api/v1/companies/${acme.id}/history`);
    const mine = audit.filter((e) => e.entityId === c.id);
    expect(mine.map((e) => e.action)).toEqual(["update", "update", "create"]);
    expect(mine[0]!.changes!.consent).toMatchObject({
      from: { status: "granted" },
      to: { status: "withdrawn" },
    });
  });
});

describe("listing contacts", () => {
  it("sorts by last name the Russian way, pages without repeats or gaps, and finds by q", async () => {
    const co = await newCompany(h, o.m1, { name: "ООО «Список»" });
    const surnames = ["Яковлев", "Борисов", "Ёжиков", "Егоров", "Андреев", "Жуков", "Бобров", "Андреев"];
    for (const [i, lastName] of surnames.entries()) {
      await newContact(h, o.m1, {
        companyId: co.id,
        lastName,
        firstName: "Иван",
        emails: [`person${i}@spisok.ru`],
        phones: [`+7 (495) 000-00-0${i}`],
      });
    }
    const got = await allPages<Contact>(h, o.m1, `/api/v1/contacts?companyId=${co.id}&limit=3`);
    expect(got.map((c) => c.lastName)).toEqual([
      "Андреев",
      "Андреев",
      "Бобров",
      "Борисов",
      "Егоров",
      "Ёжиков",
      "Жуков",
      "Яковлев",
    ]);
    const viaCompany = await allPages<Contact>(
      h,
      o.m1,
      `/api/v1/companies/${co.id}/contacts?limit=5&sort=-lastName`,
    );
    // Descending is the exact reverse: ties on the name are broken by id both ways.
    expect(viaCompany.map((c) => c.id)).toEqual(got.map((c) => c.id).reverse());
    const q = async (text: string) =>
      (await h.get(`/api/v1/contacts?companyId=${co.id}&q=${encodeURIComponent(text)}`, o.m1))
        .json()
        .items.map((c: Contact) => c.lastName);
    expect(await q("борис")).toEqual(["Борисов"]);
    expect(await q("яковлив")).toEqual(["Яковлев"]);
    expect(await q("person5@spisok.ru")).toEqual(["Жуков"]);
    expect(await q("8 (495) 000-00-04")).toEqual(["Андреев"]);
    expect((await h.get(`/api/v1/contacts?companyId=${co.id}`, o.m3)).statusCode).toBe(404);
  });
});

describe("editing, moving, deleting and restoring", () => {
  it("moving a contact to another company hands it to that company's owner", async () => {
    const other = await newCompany(h, o.m2, { name: "ООО «Другая»" });
    const c = await newContact(h, o.m1, { companyId: acme.id, lastName: "Переходов" });
    const byM1 = await h.patch(`/api/v1/contacts/${c.id}`, { version: 1, companyId: other.id }, o.m1);
    expect(byM1.statusCode).toBe(404);
    const byHead = await h.patch(`/api/v1/contacts/${c.id}`, { version: 1, companyId: other.id }, o.head);
    expect(byHead.json()).toMatchObject({ companyId: other.id, ownerId: o.m2.user.id, version: 2 });
    expect((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).statusCode).toBe(404);
  });

  it("soft-deletes; only an admin restores, and not while the company is deleted", async () => {
    const co = await newCompany(h, o.m1, { name: "ООО «Временная»" });
    const c = await newContact(h, o.m1, { companyId: co.id, lastName: "Удалёнов" });
    expect((await h.del(`/api/v1/contacts/${c.id}`, o.m2)).statusCode).toBe(404);
    expect((await h.del(`/api/v1/contacts/${c.id}`, o.m1)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts?deleted=only`, o.m1)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/contacts/${c.id}/restore`, {}, o.m1)).statusCode).toBe(403);
    await h.del(`/api/v1/companies/${co.id}`, o.m1);
    const blocked = await h.post(`/api/v1/contacts/${c.id}/restore`, {}, o.admin);
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe("company_deleted");
    await h.post(`/api/v1/companies/${co.id}/restore`, {}, o.admin);
    // Deleted before the company was: the company's restore leaves it deleted.
    expect((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).statusCode).toBe(404);
    const restored = await h.post(`/api/v1/contacts/${c.id}/restore`, {}, o.admin);
    expect(restored.statusCode).toBe(200);
    expect((await h.get(`/api/v1/contacts/${c.id}`, o.m1)).json().deletedAt).toBeNull();
  });
});
