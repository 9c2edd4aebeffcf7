import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness, Session } from "../../test/harness";
import { searchWordsOf } from "../search/search.words";
import { csv, inn10, openImportHarness, runJobs, seedCompany, upload } from "./imports.test-support";

/**
 * An import adds its rows' words to the typo vocabulary itself (the tables' triggers stand
 * aside for its transactions): the vocabulary must end up exactly as the triggers keep it.
 */

let h: Harness;
let admin: Session;
beforeAll(async () => {
  ({ h, admin } = await openImportHarness());
});
afterAll(() => h.close());

async function importFile(entity: "companies" | "contacts", rows: string[][]) {
  const res = await upload(h, "/api/v1/imports", admin, { entity }, { name: "v.csv", content: csv(rows) });
  expect(res.statusCode, res.body).toBe(202);
  await runJobs(h);
  return (await h.get(`/api/v1/imports/${res.json().id}`, admin)).json();
}

/** The words the triggers would hold for what is stored now (migrations 0018–0019). */
async function wordsOfStoredRows(): Promise<string[]> {
  const { rows } = await h.ctx.db.execute<{ word: string }>(sql`
    select distinct w as word from (
      select concat_ws(' ', name, full_name, city, industry) as txt from companies
      union all
      select concat_ws(' ', last_name, first_name, middle_name, position) from contacts
    ) t, search_words_of(t.txt) w`);
  return rows.map((r) => r.word);
}

async function vocabulary(): Promise<{ word: string; n: number }[]> {
  const { rows } = await h.ctx.db.execute<{ word: string; n: number }>(
    sql`select word, count(*)::int as n from search_words group by word`,
  );
  return rows.sort((a, b) => (a.word < b.word ? -1 : 1));
}

describe("the typo vocabulary during an import", () => {
  it("cuts words as search_words_of() does in the database", async () => {
    const texts = [
      "ООО «Ромашка-Юг»",
      "Ёлкин и партнёры, 2024",
      "İSTANBUL Ticaret A.Ş.",
      "Müller GmbH & Co. KG",
      "Торговый Дом №1 (ТД)",
      "ab abc ABCD ёж",
      "",
    ];
    for (const text of texts) {
      const { rows } = await h.ctx.db.execute<{ w: string }>(sql`select search_words_of(${text}) as w`);
      expect(searchWordsOf(text), text).toEqual(rows.map((r) => r.w));
    }
  });

  it("an import's companies, updates and contacts leave the words the triggers would, once each", async () => {
    await seedCompany(h, admin.user.id, { name: "Старое имя", inn: inn10(40) });
    const companies = await importFile("companies", [
      ["Наименование", "ИНН", "Город", "Отрасль"],
      ["ООО «Сибирский металлист»", inn10(41), "Новосибирск", "Металлургия"],
      ["Гелиотроп", inn10(40), "Томск", ""], // renames the seeded company
      ["ИП Сибирский", inn10(42), "Новосибирск", "Металлургия"], // words seen in row 2
    ]);
    expect(companies).toMatchObject({ status: "done", created: 2, updated: 1, failed: 0 });
    const contacts = await importFile("contacts", [
      ["ФИО", "Должность", "ИНН компании"],
      ["Ковыляева Мария Петровна", "Главный бухгалтер", inn10(41)],
    ]);
    expect(contacts).toMatchObject({ status: "done", created: 1, failed: 0 });

    const words = await vocabulary();
    expect(words.filter((w) => w.n > 1)).toEqual([]);
    // The seeded name's words stay (the vocabulary only grows); every stored row's words are in.
    expect(words.map((w) => w.word)).toEqual(
      [...new Set([...(await wordsOfStoredRows()), "старое", "имя"])].sort(),
    );

    const search = async (q: string) =>
      (await h.get(`/api/v1/search?q=${encodeURIComponent(q)}`, admin)).json().items;
    expect((await search("гелиотоп"))[0]).toMatchObject({ title: "Гелиотроп", matchedBy: "fuzzy" });
    expect((await search("ковыляеав"))[0]).toMatchObject({ type: "contact", matchedBy: "fuzzy" });
  });

  it("outside an import the triggers still keep the vocabulary", async () => {
    await seedCompany(h, admin.user.id, { name: "Вертолётный завод", city: "Казань" });
    const words = (await vocabulary()).map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(["вертолётный", "завод", "казань"]));
  });
});
