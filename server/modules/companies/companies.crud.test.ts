import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org, sberbank } from "./companies.fixtures";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

describe("creating a company", () => {
  it("accepts valid Sberbank requisites, normalises phones and e-mails, owner defaults to the actor", async () => {
    const res = await h.post(
      "/api/v1/companies",
      {
        ...sberbank,
        inn: " 7707 083893 ",
        phones: ["+7 (495) 500-55-50", "8 495 500 55 50"],
        emails: ["Info@SberBank.RU", "info@sberbank.ru"],
        tags: ["банк", " банк "],
      },
      o.m1,
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      ...sberbank,
      kind: "legal",
      status: "prospect",
      ownerId: o.m1.user.id,
      emails: ["info@sberbank.ru"],
      tags: ["банк"],
      version: 1,
      deletedAt: null,
    });
    // The same number typed twice is kept once, as first typed.
    expect(c.phones).toEqual(["+7 (495) 500-55-50"]);
  });

  it("refuses a bad INN checksum with a field error in the caller's language, and writes nothing", async () => {
    const before = (await h.get("/api/v1/companies?limit=200", o.admin)).json().items.length;
    const body = { name: "ООО Ошибка", inn: "7707083894" };
    const ru = await h.post("/api/v1/companies", body, { ...o.m1, headers: { "accept-language": "ru" } });
    expect(ru.statusCode).toBe(400);
    expect(ru.headers["content-type"]).toContain("application/problem+json");
    expect(ru.json().errors[0]).toEqual({
      path: "inn",
      message: "ИНН не проходит проверку контрольной суммы",
    });
    const en = await h.post("/api/v1/companies", body, { ...o.m1, headers: { "accept-language": "en" } });
    expect(en.json().errors[0]).toEqual({ path: "inn", message: "The INN checksum does not match" });
    const after = (await h.get("/api/v1/companies?limit=200", o.admin)).json().items.length;
    expect(after).toBe(before);
  });

  it("refuses a phone that is not a number, and an account without its BIK", async () => {
    const phone = await h.post("/api/v1/companies", { name: "ООО Телефон", phones: ["900"] }, o.m1);
    expect(phone.statusCode).toBe(400);
    expect(phone.json().errors[0].path).toBe("phones.0");
    const account = await h.post(
      "/api/v1/companies",
      { name: "ООО Счёт", corrAccount: sberbank.corrAccount },
      { ...o.m1, headers: { "accept-language": "en" } },
    );
    expect(account.statusCode).toBe(400);
    expect(account.json().errors[0]).toEqual({
      path: "corrAccount",
      message: "Enter the BIK to check the account",
    });
  });

  it("lets a manager create only for themselves, a head for their team, an admin for anyone", async () => {
    const forOther = await h.post("/api/v1/companies", { name: "Чужая", ownerId: o.m2.user.id }, o.m1);
    expect(forOther.statusCode).toBe(403);
    expect((await newCompany(h, o.head, { name: "Командная", ownerId: o.m4.user.id })).ownerId).toBe(
      o.m4.user.id,
    );
    const outside = await h.post("/api/v1/companies", { name: "Вне команды", ownerId: o.m3.user.id }, o.head);
    expect(outside.statusCode).toBe(403);
    expect((await newCompany(h, o.admin, { name: "Админская", ownerId: o.m3.user.id })).ownerId).toBe(
      o.m3.user.id,
    );
    const dept = await h.post("/api/v1/companies", { name: "Отдел" }, o.dept);
    expect(dept.statusCode).toBe(403);
    const anon = await h.post("/api/v1/companies", { name: "Аноним" });
    expect(anon.statusCode).toBe(401);
  });

  it("refuses an owner who is not an active user", async () => {
    const res = await h.post(
      "/api/v1/companies",
      { name: "Никто", ownerId: "01890000-0000-7000-8000-000000000000" },
      { ...o.admin, headers: { "accept-language": "ru" } },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: "invalid_owner",
      errors: [{ path: "ownerId", message: "Выберите активного пользователя" }],
    });
  });
});

describe("updating a company", () => {
  it("needs the current version: a stale one is 409 with currentVersion", async () => {
    const c = await newCompany(h, o.m1, {
      name: "ООО Версия",
      tags: ["vip"],
      kind: "legal",
      status: "client",
    });
    const ok = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, city: "Тверь" }, o.m1);
    expect(ok.statusCode).toBe(200);
    // Fields not sent stay as they were (no defaults on update).
    expect(ok.json()).toMatchObject({ version: 2, city: "Тверь", tags: ["vip"], status: "client" });
    const stale = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, city: "Псков" }, o.m1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", currentVersion: 2 });
    const viaHeader = await h.patch(
      `/api/v1/companies/${c.id}`,
      { city: "Псков" },
      { ...o.m1, headers: { "if-match": '"2"' } },
    );
    expect(viaHeader.statusCode).toBe(200);
    const missing = await h.patch(`/api/v1/companies/${c.id}`, { city: "Псков" }, o.m1);
    expect(missing.statusCode).toBe(400);
  });

  it("checks requisites on the record as it would be stored", async () => {
    const c = await newCompany(h, o.m1, sberbank);
    // A new BIK no longer matches the stored correspondent account.
    const bik = await h.patch(
      `/api/v1/companies/${c.id}`,
      { version: 1, bik: "044030653" },
      {
        ...o.m1,
        headers: { "accept-language": "ru" },
      },
    );
    expect(bik.statusCode).toBe(400);
    expect(bik.json().errors).toEqual([
      { path: "corrAccount", message: "Счёт не соответствует БИК (контрольный ключ)" },
    ]);
    // A 10-digit INN does not fit a sole proprietor.
    const kind = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, kind: "entrepreneur" }, o.m1);
    expect(kind.statusCode).toBe(400);
    expect(kind.json().errors[0].path).toBe("inn");
    expect((await h.get(`/api/v1/companies/${c.id}`, o.m1)).json()).toMatchObject({
      version: 1,
      bik: sberbank.bik,
    });
  });

  it("changes the owner only with the transfer right, and the contacts follow", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО Передача" });
    const person = await newContact(h, o.m1, { companyId: c.id, lastName: "Петров" });
    const byManager = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, ownerId: o.m2.user.id }, o.m1);
    expect(byManager.statusCode).toBe(403);
    const outside = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, ownerId: o.m3.user.id }, o.head);
    expect(outside.statusCode).toBe(403);
    const byHead = await h.patch(`/api/v1/companies/${c.id}`, { version: 1, ownerId: o.m2.user.id }, o.head);
    expect(byHead.statusCode).toBe(200);
    expect(byHead.json().ownerId).toBe(o.m2.user.id);
    expect((await h.get(`/api/v1/contacts/${person.id}`, o.m2)).json().ownerId).toBe(o.m2.user.id);
    expect((await h.get(`/api/v1/contacts/${person.id}`, o.m1)).statusCode).toBe(404);
  });
});

describe("soft delete and restore", () => {
  it("hides a deleted company with its contacts; only an admin sees and restores them", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО Удаляемая" });
    const person = await newContact(h, o.m1, { companyId: c.id, lastName: "Сидоров" });
    const gone = await newContact(h, o.m1, { companyId: c.id, lastName: "Уволенный" });
    expect((await h.del(`/api/v1/contacts/${gone.id}`, o.m1)).statusCode).toBe(200);

    const del = await h.del(`/api/v1/companies/${c.id}`, o.m1);
    expect(del.statusCode).toBe(200);
    expect(del.json().deletedAt).not.toBeNull();
    expect((await h.get(`/api/v1/companies/${c.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${person.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.del(`/api/v1/companies/${c.id}`, o.m1)).statusCode).toBe(404);
    expect((await h.get("/api/v1/companies?deleted=only", o.m1)).statusCode).toBe(403);
    const deleted = (await h.get("/api/v1/companies?deleted=only&limit=200", o.admin)).json().items;
    expect(deleted.map((x: { id: string }) => x.id)).toContain(c.id);

    expect((await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.m1)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.head)).statusCode).toBe(403);
    const restored = await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.admin);
    expect(restored.statusCode).toBe(200);
    expect(restored.json().deletedAt).toBeNull();
    expect((await h.get(`/api/v1/companies/${c.id}`, o.m1)).statusCode).toBe(200);
    // The contact deleted with the company is back; the one deleted before stays deleted.
    expect((await h.get(`/api/v1/contacts/${person.id}`, o.m1)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/contacts/${gone.id}`, o.m1)).statusCode).toBe(404);
    const again = await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.admin);
    expect(again.statusCode).toBe(422);
  });
});

describe("history", () => {
  it("lists the company's and its contacts' audit entries, newest first, page by page", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО История" });
    const person = await newContact(h, o.m1, { companyId: c.id, lastName: "Летописцев" });
    await h.patch(`/api/v1/companies/${c.id}`, { version: 1, city: "Казань" }, o.m1);
    await h.patch(`/api/v1/contacts/${person.id}`, { version: 1, position: "Архивариус" }, o.m1);
    await h.del(`/api/v1/contacts/${person.id}`, o.m1);

    const first = await h.get(`/api/v1/companies/${c.id}/history?limit=3`, o.m1);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((e: { entity: string; action: string }) => `${e.entity}.${e.action}`)).toEqual([
      "contact.delete",
      "contact.update",
      "company.update",
    ]);
    expect(page1.items[2].changes.city).toEqual({ from: null, to: "Казань" });
    const page2 = (
      await h.get(`/api/v1/companies/${c.id}/history?limit=3&cursor=${page1.nextCursor}`, o.m1)
    ).json();
    expect(page2.items.map((e: { entity: string; action: string }) => `${e.entity}.${e.action}`)).toEqual([
      "contact.create",
      "company.create",
    ]);
    expect(page2.nextCursor).toBeNull();
    expect((await h.get(`/api/v1/companies/${c.id}/history`, o.head)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/companies/${c.id}/history`, o.m2)).statusCode).toBe(404);
  });
});
