import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Company } from "../../../contracts/companies";
import type { SearchHit } from "../../../contracts/search";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org, sberbank } from "../companies/companies.fixtures";

let h: Harness;
let o: Org;
const c: Record<string, Company> = {};

beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  c.supply = await newCompany(h, o.m1, { name: "Поставка", industry: "Логистика" });
  c.romashka = await newCompany(h, o.m1, {
    name: "ООО «Ромашка»",
    phones: ["+7 (495) 123-45-67"],
    emails: ["info@romashka.ru"],
  });
  c.sber = await newCompany(h, o.m1, sberbank);
  c.longer = await newCompany(h, o.m1, { name: "Арбуз", phones: ["+7 (495) 123-45-678"] });
  c.foreign = await newCompany(h, o.m3, {
    name: "ООО «Ромашка-Юг»",
    inn: "7728168971",
    phones: ["+7 (495) 123-45-67"],
    emails: ["info@romashka.ru"],
  });
  await newContact(h, o.m1, {
    companyId: c.romashka.id,
    lastName: "Лепесткова",
    firstName: "Анна",
    position: "Поставщик",
    emails: ["anna@romashka.ru"],
    phones: ["+7 (916) 555-44-33"],
  });
});
afterAll(() => h.close());

async function search(text: string, as: Session = o.m1, extra = ""): Promise<SearchHit[]> {
  const res = await h.get(`/api/v1/search?q=${encodeURIComponent(text)}${extra}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}
const titles = (hits: SearchHit[]) => hits.map((x) => x.title);

describe("the search box", () => {
  it("understands Russian word forms: «поставки» finds «Поставка»", async () => {
    const hits = await search("поставки");
    expect(hits[0]).toMatchObject({
      type: "company",
      id: c.supply!.id,
      title: "Поставка",
      matchedBy: "text",
    });
    // The contact whose position is «Поставщик» is not the same word: at most a near spelling, after it.
    const supplier = hits.findIndex((x) => x.title === "Лепесткова Анна");
    if (supplier >= 0) expect(hits[supplier]).toMatchObject({ matchedBy: "fuzzy" });
    expect(supplier === -1 || supplier > 0).toBe(true);
  });

  it("forgives typos: «ромашко» and «ромошка» find «ООО «Ромашка»»", async () => {
    for (const typo of ["ромашко", "ромошка"]) {
      const hits = await search(typo);
      expect(hits[0], typo).toMatchObject({ id: c.romashka!.id, title: "ООО «Ромашка»" });
      expect(["text", "fuzzy"]).toContain(hits[0]!.matchedBy);
    }
    expect((await search("ромошка"))[0]!.matchedBy).toBe("fuzzy");
  });

  it("corrects a typo in any word of a longer name, and learns the words of a renamed company", async () => {
    const long = await newCompany(h, o.m1, { name: "Первая информационная компания" });
    expect((await search("првая информационная"))[0]).toMatchObject({ id: long.id, matchedBy: "fuzzy" });
    const plant = await newCompany(h, o.m1, { name: "Сибирский завод металлоконструкций" });
    // Two letters swapped; and a word too garbled to correct, which is left out rather than failing the query.
    expect((await search("сибисркий завод"))[0]).toMatchObject({ id: plant.id, matchedBy: "fuzzy" });
    expect((await search("щшгнр завод металлоконструкций"))[0]).toMatchObject({
      id: plant.id,
      matchedBy: "fuzzy",
    });
    // Nothing correctable at all: an empty page, not an error.
    expect(await search("щшгнрй ъыьэюя")).toEqual([]);
    const renamed = await h.patch(`/api/v1/companies/${long.id}`, { version: 1, name: "Гелиотроп" }, o.m1);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await search("гелиотоп"))[0]).toMatchObject({ id: long.id, matchedBy: "fuzzy" });
    const person = await newContact(h, o.m1, { companyId: plant.id, lastName: "Сидорова" });
    const moved = await h.patch(`/api/v1/contacts/${person.id}`, { version: 1, lastName: "Ковыляева" }, o.m1);
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await search("ковыляеав"))[0]).toMatchObject({
      id: person.id,
      type: "contact",
      matchedBy: "fuzzy",
    });
    // The vocabulary holds words, nothing else: no digits, no one- or two-letter words.
    const odd = await h.ctx.db.execute<{ word: string }>(
      sql`select word from search_words where word !~ '^[a-zа-яё]{3,}$'`,
    );
    expect(odd.rows).toEqual([]);
  });

  it("finds an INN whole or by a part of it", async () => {
    expect(await search("7707083893")).toEqual([
      expect.objectContaining({ id: c.sber!.id, matchedBy: "inn", subtitle: "7707083893" }),
    ]);
    expect((await search("708389"))[0]).toMatchObject({ id: c.sber!.id, matchedBy: "inn" });
    expect((await search("ogrn")).length).toBe(0);
    expect((await search(sberbank.ogrn))[0]).toMatchObject({ id: c.sber!.id, matchedBy: "ogrn" });
  });

  it("finds a phone in any format, a whole number before a number that merely contains it", async () => {
    for (const phone of ["+7 (495) 123-45-67", "84951234567", "123-45-67"]) {
      const hits = await search(phone);
      expect(
        hits.map((x) => x.id),
        phone,
      ).toEqual([c.romashka!.id, c.longer!.id]);
      expect(hits.every((x) => x.matchedBy === "phone")).toBe(true);
    }
    const contact = await search("8 916 555 44 33");
    expect(contact[0]).toMatchObject({
      type: "contact",
      title: "Лепесткова Анна",
      subtitle: "Поставщик · ООО «Ромашка»",
      companyId: c.romashka!.id,
      matchedBy: "phone",
    });
  });

  it("finds an e-mail exactly, companies and contacts alike", async () => {
    expect(await search("Info@Romashka.ru")).toEqual([
      expect.objectContaining({ type: "company", id: c.romashka!.id, matchedBy: "email" }),
    ]);
    expect((await search("anna@romashka.ru"))[0]).toMatchObject({ type: "contact", matchedBy: "email" });
  });

  it("finds contacts by name, and narrows to the types asked for", async () => {
    expect((await search("лепесткова"))[0]).toMatchObject({ type: "contact", matchedBy: "text" });
    expect((await search("лепестакова"))[0]).toMatchObject({ type: "contact", matchedBy: "fuzzy" });
    const onlyContacts = await search("ромашка", o.m1, "&types=contact");
    expect(onlyContacts).toEqual([]);
    const onlyCompanies = await search("ромашка", o.m1, "&types=company");
    expect(titles(onlyCompanies)).toEqual(["ООО «Ромашка»"]);
    expect(await search("ромашка", o.m1, "&types=deal")).toEqual([]);
  });

  it("never shows another manager's company, whatever matched; an admin sees both", async () => {
    for (const q of ["ромашка", "7728168971", "84951234567", "info@romashka.ru", "юг"]) {
      expect(
        (await search(q)).map((x) => x.id),
        q,
      ).not.toContain(c.foreign!.id);
    }
    expect((await search("ромашка", o.admin)).map((x) => x.id).sort()).toEqual(
      [c.romashka!.id, c.foreign!.id].sort(),
    );
    expect((await search("ромашка", o.m3)).map((x) => x.id)).toEqual([c.foreign!.id]);
  });

  it("respects the limit and validates the query", async () => {
    await h.ctx.db.execute(sql`
      insert into companies (id, workspace_id, name, owner_id)
      select gen_random_uuid(), ${h.ctx.workspaceId}, 'Ромашка № ' || g, ${o.m1.user.id}
      from generate_series(1, 60) g`);
    expect(await search("ромашка", o.m1, "&limit=5")).toHaveLength(5);
    expect(await search("ромашка")).toHaveLength(10);
    expect((await h.get("/api/v1/search?q=", o.m1)).statusCode).toBe(400);
    expect((await h.get("/api/v1/search?q=x&limit=51", o.m1)).statusCode).toBe(400);
  });
});
