import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../contracts/audit";
import type { Company } from "../../../contracts/companies";
import type { Contact } from "../../../contracts/contacts";
import { createHarness, type Harness } from "../../test/harness";
import { allPages, makeOrg, newCompany, newContact, type Org, sberbank } from "./companies.fixtures";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

describe("merging duplicates", () => {
  it("moves contacts, fills empty fields, unites lists, deletes the sources and keeps their history", async () => {
    const target = await newCompany(h, o.m1, {
      name: "ООО «Ромашка»",
      inn: sberbank.inn,
      phones: ["+7 (495) 123-45-67"],
      tags: ["опт"],
    });
    const s1 = await newCompany(h, o.m1, {
      name: "Ромашка",
      city: "Москва",
      inn: "7728168971",
      phones: ["8 495 123 45 67", "+7 (916) 000-00-01"],
      emails: ["info@romashka.ru"],
      tags: ["vip", "опт"],
    });
    const s2 = await newCompany(h, o.m2, {
      name: "Ромашка (банк)",
      bik: sberbank.bik,
      corrAccount: sberbank.corrAccount,
      bankName: "ПАО Сбербанк",
    });
    const c1 = await newContact(h, o.m1, { companyId: s1.id, lastName: "Иванов" });
    const c2 = await newContact(h, o.m2, { companyId: s2.id, lastName: "Петров" });
    const c3 = await newContact(h, o.m1, { companyId: s1.id, lastName: "Бывший" });
    await h.del(`/api/v1/contacts/${c3.id}`, o.m1);
    await h.patch(`/api/v1/companies/${s1.id}`, { version: 1, segment: "A" }, o.m1);

    const body = { targetId: target.id, sourceIds: [s1.id, s2.id] };
    // m1 may not edit m2's company: for m1 it does not exist, and nothing changes.
    const refused = await h.post("/api/v1/companies/merge", body, o.m1);
    expect(refused.statusCode).toBe(404);
    expect((await h.get(`/api/v1/companies/${s1.id}`, o.m1)).json().deletedAt).toBeNull();
    expect((await h.get(`/api/v1/contacts/${c1.id}`, o.m1)).json().companyId).toBe(s1.id);
    expect((await h.post("/api/v1/companies/merge", body, o.dept)).statusCode).toBe(403);

    const res = await h.post("/api/v1/companies/merge", body, o.head);
    expect(res.statusCode, res.body).toBe(200);
    const merged: Company = res.json();
    expect(merged).toMatchObject({
      id: target.id,
      name: "ООО «Ромашка»",
      inn: sberbank.inn, // the target's own INN is kept, the source's is not mixed in
      city: "Москва",
      segment: "A",
      bik: sberbank.bik,
      corrAccount: sberbank.corrAccount,
      bankName: "ПАО Сбербанк",
      emails: ["info@romashka.ru"],
      version: 2,
    });
    expect(merged.phones).toEqual(["+7 (495) 123-45-67", "+7 (916) 000-00-01"]);
    expect(merged.tags.sort()).toEqual(["vip", "опт"]);

    const contacts = await allPages<Contact>(h, o.m1, `/api/v1/companies/${target.id}/contacts`);
    expect(contacts.map((c) => c.lastName).sort()).toEqual(["Иванов", "Петров"]);
    expect(contacts.every((c) => c.ownerId === o.m1.user.id)).toBe(true);
    const formerly = (await h.get(`/api/v1/contacts/${c3.id}`, o.admin)).json();
    expect(formerly).toMatchObject({ companyId: target.id, ownerId: o.m1.user.id });
    expect(formerly.deletedAt).not.toBeNull();

    for (const s of [s1, s2]) {
      expect((await h.get(`/api/v1/companies/${s.id}`, o.head)).statusCode).toBe(404);
      const shell = (await h.get(`/api/v1/companies/${s.id}`, o.admin)).json();
      expect(shell.mergedIntoId).toBe(target.id);
      expect(shell.deletedAt).not.toBeNull();
    }
    const restore = await h.post(`/api/v1/companies/${s1.id}/restore`, {}, o.admin);
    expect(restore.statusCode).toBe(422);
    expect(restore.json().code).toBe("company_merged");

    // The target's history holds the sources' own history and the moves of their contacts.
    const history = await allPages<AuditEntry>(h, o.m1, `/api/v1/companies/${target.id}/history?limit=5`);
    const seen = history.map((e) => `${e.entity}.${e.action}.${e.entityId}`);
    expect(seen).toContain(`company.create.${s1.id}`);
    expect(seen).toContain(`company.update.${s1.id}`);
    expect(seen).toContain(`company.merge.${s1.id}`);
    expect(seen).toContain(`company.merge.${s2.id}`);
    expect(seen).toContain(`company.merge.${target.id}`);
    expect(seen).toContain(`contact.create.${c2.id}`);
    expect(seen).toContain(`contact.move.${c1.id}`);
    expect(seen).toContain(`contact.delete.${c3.id}`);
    expect(history[0]!.entityId).toBe(target.id);
    const ids = history.map((e) => e.id);
    expect(ids).toEqual([...ids].sort().reverse());
  });

  it("refuses merging a company into itself", async () => {
    const c = await newCompany(h, o.m1, { name: "Одна" });
    const other = await newCompany(h, o.m1, { name: "Другая" });
    const res = await h.post(
      "/api/v1/companies/merge",
      { targetId: c.id, sourceIds: [other.id, c.id] },
      o.m1,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("merge_into_self");
  });
});

describe("ownership transfer", () => {
  it("a head hands companies within the team; contacts follow; one audit entry per company", async () => {
    const a = await newCompany(h, o.m1, { name: "Передаваемая А" });
    const b = await newCompany(h, o.m4, { name: "Передаваемая Б" });
    const already = await newCompany(h, o.m2, { name: "Уже у m2" });
    const person = await newContact(h, o.m4, { companyId: b.id, lastName: "Контактов" });
    const res = await h.post(
      "/api/v1/companies/transfer",
      { ids: [a.id, b.id, already.id], ownerId: o.m2.user.id },
      o.head,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ transferred: 2 });
    for (const c of [a, b, already]) {
      expect((await h.get(`/api/v1/companies/${c.id}`, o.m2)).json().ownerId).toBe(o.m2.user.id);
    }
    expect((await h.get(`/api/v1/companies/${b.id}`, o.m4)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/contacts/${person.id}`, o.m2)).json().ownerId).toBe(o.m2.user.id);
    const history = (await h.get(`/api/v1/companies/${b.id}/history`, o.m2)).json().items;
    expect(history[0]).toMatchObject({
      action: "transfer",
      userId: o.head.user.id,
      changes: { ownerId: { from: o.m4.user.id, to: o.m2.user.id } },
    });
  });

  it("is refused outside the head's team, for a company the head cannot see, and to managers", async () => {
    const a = await newCompany(h, o.m1, { name: "Остаётся" });
    const foreign = await newCompany(h, o.m3, { name: "Чужая команда" });
    const outside = await h.post(
      "/api/v1/companies/transfer",
      { ids: [a.id], ownerId: o.m3.user.id },
      o.head,
    );
    expect(outside.statusCode).toBe(403);
    const invisible = await h.post(
      "/api/v1/companies/transfer",
      { ids: [a.id, foreign.id], ownerId: o.m2.user.id },
      o.head,
    );
    expect(invisible.statusCode).toBe(404);
    expect((await h.get(`/api/v1/companies/${a.id}`, o.m1)).json().ownerId).toBe(o.m1.user.id);
    const byManager = await h.post(
      "/api/v1/companies/transfer",
      { ids: [a.id], ownerId: o.m2.user.id },
      o.m1,
    );
    expect(byManager.statusCode).toBe(403);
    const tooMany = Array.from({ length: 1001 }, () => a.id);
    expect(
      (await h.post("/api/v1/companies/transfer", { ids: tooMany, ownerId: o.m2.user.id }, o.admin))
        .statusCode,
    ).toBe(400);
    const byAdmin = await h.post(
      "/api/v1/companies/transfer",
      { ids: [a.id, foreign.id], ownerId: o.m3.user.id },
      o.admin,
    );
    expect(byAdmin.json()).toEqual({ transferred: 1 });
  });

  it("moves a thousand companies in one request", async () => {
    await h.ctx.db.execute(sql`
      insert into companies (id, workspace_id, name, owner_id)
      select gen_random_uuid(), ${h.ctx.workspaceId}, 'Массовая ' || g, ${o.m1.user.id}
      from generate_series(1, 1000) g`);
    const ids = (await allPages<Company>(h, o.m1, "/api/v1/companies?limit=200&q=массовая")).map((c) => c.id);
    expect(ids).toHaveLength(1000);
    const res = await h.post("/api/v1/companies/transfer", { ids, ownerId: o.m4.user.id }, o.head);
    expect(res.json()).toEqual({ transferred: 1000 });
    const audit = await h.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'transfer' and entity_id in (select id::text from companies where name like 'Массовая %')`,
    );
    expect(audit.rows[0]!.n).toBe(1000);
  });
});
