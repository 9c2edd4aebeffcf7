import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Company, DuplicateCandidate } from "../../../contracts/companies";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org, sberbank } from "./companies.fixtures";

let h: Harness;
let o: Org;
let base: Company;
const made: Record<string, Company> = {};

beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  base = await newCompany(h, o.m1, {
    name: "ООО «Ромашка»",
    city: "Москва",
    inn: sberbank.inn,
    ogrn: sberbank.ogrn,
    phones: ["+7 (495) 123-45-67"],
    emails: ["info@romashka.ru"],
  });
  const others: Record<string, Record<string, unknown>> = {
    byInn: { name: "Сбер, другая карточка", inn: sberbank.inn },
    byOgrn: { name: "Сбер по ОГРН", ogrn: sberbank.ogrn },
    byPhone: { name: "Цветы оптом", phones: ["8 495 123 45 67"] },
    byEmail: { name: "Почтовая фирма", emails: ["INFO@romashka.ru"] },
    byName: { name: 'АО "Ромашка"', city: "Москва" },
    nameElsewhere: { name: "Ромашка", city: "Казань" },
    unrelated: { name: "ООО «Лютик»", city: "Москва", phones: ["+7 (495) 765-43-21"] },
    deleted: { name: "Удалённый дубль", inn: sberbank.inn },
  };
  for (const [key, body] of Object.entries(others)) made[key] = await newCompany(h, o.m1, body);
  expect((await h.del(`/api/v1/companies/${made.deleted!.id}`, o.m1)).statusCode).toBe(200);
});
afterAll(() => h.close());

type Visible = Extract<DuplicateCandidate, { visible: true }>;
const byId = (items: DuplicateCandidate[]) =>
  Object.fromEntries(items.map((c) => [(c as Visible).company.id, c as Visible]));

describe("duplicates of a company", () => {
  it("finds the same INN, OGRN, phone, e-mail and a similar name in the same city, best first", async () => {
    const res = await h.get(`/api/v1/companies/${base.id}/duplicates`, o.m1);
    expect(res.statusCode).toBe(200);
    const items: DuplicateCandidate[] = res.json().items;
    const found = byId(items);
    expect(Object.keys(found).sort()).toEqual(
      [made.byInn, made.byOgrn, made.byPhone, made.byEmail, made.byName].map((c) => c!.id).sort(),
    );
    expect(found[made.byInn!.id]).toMatchObject({ visible: true, reasons: ["inn"], score: 1 });
    expect(found[made.byOgrn!.id]!.reasons).toEqual(["ogrn"]);
    expect(found[made.byPhone!.id]).toMatchObject({ reasons: ["phone"], score: 0.7 });
    expect(found[made.byEmail!.id]).toMatchObject({ reasons: ["email"], score: 0.8 });
    expect(found[made.byName!.id]!.reasons).toEqual(["name"]);
    expect(found[made.byName!.id]!.score).toBeGreaterThan(0.3);
    // Sorted by score: the identifiers before the phone, the phone before the name.
    const scores = items.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("a company 404s for someone who may not see it", async () => {
    expect((await h.get(`/api/v1/companies/${base.id}/duplicates`, o.m3)).statusCode).toBe(404);
  });
});

describe("the form's duplicate check", () => {
  const check = (body: Record<string, unknown>) => h.post("/api/v1/companies/duplicates/check", body, o.m1);

  it("matches a phone typed in any format, the local tail included", async () => {
    for (const phone of ["+7 (495) 123-45-67", "84951234567", "4951234567", "123-45-67"]) {
      const items: DuplicateCandidate[] = (await check({ phones: [phone] })).json().items;
      const ids = Object.keys(byId(items));
      expect(ids, phone).toContain(base.id);
      expect(ids, phone).toContain(made.byPhone!.id);
      expect(ids, phone).not.toContain(made.unrelated!.id);
    }
  });

  it("matches a similar name in the same city, ignoring legal forms, quotes and case", async () => {
    const items: DuplicateCandidate[] = (await check({ name: "ЗАО 'ромашка'", city: "москва" })).json().items;
    const found = byId(items);
    expect(Object.keys(found).sort()).toEqual([base.id, made.byName!.id].sort());
    expect(found[base.id]!.reasons).toEqual(["name"]);
    const typo = byId((await check({ name: "Ромашко", city: "Москва" })).json().items);
    expect(Object.keys(typo)).toContain(base.id);
    const elsewhere = byId((await check({ name: "Ромашка", city: "Казань" })).json().items);
    expect(Object.keys(elsewhere)).toEqual([made.nameElsewhere!.id]);
  });

  it("combines reasons, excludes the company being edited and ignores deleted ones", async () => {
    const items: DuplicateCandidate[] = (
      await check({
        excludeId: made.byInn!.id,
        name: "Ромашка",
        city: "Москва",
        inn: "7707 083893",
        emails: ["Info@Romashka.ru"],
      })
    ).json().items;
    const found = byId(items);
    expect(found[base.id]).toMatchObject({ reasons: ["inn", "email", "name"], score: 1 });
    expect(found[made.byInn!.id]).toBeUndefined();
    expect(found[made.deleted!.id]).toBeUndefined();
    expect(found[made.byEmail!.id]!.reasons).toEqual(["email"]);
  });

  it("returns nothing for a new company, and validates its input", async () => {
    expect((await check({ name: "Совершенно новая компания", inn: "7728168971" })).json().items).toEqual([]);
    expect((await check({ phones: ["1".repeat(41)] })).statusCode).toBe(400);
  });
});
