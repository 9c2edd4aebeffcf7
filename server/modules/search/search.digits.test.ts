import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../../test/harness";
import { createHarness } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org, sberbank } from "../companies/companies.fixtures";
import { phoneSearchText } from "../companies/companies.normalize";
import { digitGrams } from "./search.digits";

let h: Harness;
let o: Org;

beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

/** Rows whose digit_grams differ from what the SQL function computes from their columns. */
async function stale(): Promise<unknown[]> {
  const rows = await h.ctx.db.execute(sql`
    select 'company' as t, id from companies where digit_grams is distinct from digit_grams_of(inn, phone_search)
    union all
    select 'contact', id from contacts where digit_grams is distinct from digit_grams_of(null, phone_search)`);
  return rows.rows;
}

describe("the digits index", () => {
  it("is computed the same in Node and in SQL", async () => {
    const cases: [string | null, string][] = [
      [sberbank.inn, phoneSearchText(["+7 (495) 123-45-67", "8 916 555 44 33"])],
      ["760307073214", phoneSearchText(["123-45-67", "+44 20 7946 0958 доб. 12"])],
      [null, phoneSearchText(["+7 (495) 000-00-07"])],
      ["", ""],
      ["77A7083893", " 12 123 "], // not digits / shorter than a window: nothing
    ];
    for (const [inn, phones] of cases) {
      const result = await h.ctx.db.execute<{ g: number[] }>(
        sql`select digit_grams_of(${inn}, ${phones}) as g`,
      );
      expect(result.rows[0]!.g, `${inn} / ${phones}`).toEqual(digitGrams(inn, phones));
    }
    // Published example: Sberbank's INN 7707083893 has the windows 7707 7070 0708 7083 0838 8389 3893.
    expect(digitGrams(sberbank.inn, "")).toEqual(
      ["0708", "0838", "3893", "7070", "7083", "7707", "8389"].map((w) => 10_000 + Number(w)),
    );
  });

  it("follows every write of an INN or a phone", async () => {
    const company = await newCompany(h, o.m1, {
      name: "Цифра",
      inn: sberbank.inn,
      phones: ["+7 495 111-22-33"],
    });
    const contact = await newContact(h, o.m1, { lastName: "Номеров", phones: ["8 (916) 000-11-22"] });
    expect(await stale()).toEqual([]);
    let res = await h.patch(`/api/v1/companies/${company.id}`, { version: 1, inn: "7827004526" }, o.m1);
    expect(res.statusCode, res.body).toBe(200);
    res = await h.patch(
      `/api/v1/companies/${company.id}`,
      { version: 2, phones: ["+7 812 555-66-77"] },
      o.m1,
    );
    expect(res.statusCode, res.body).toBe(200);
    res = await h.patch(`/api/v1/contacts/${contact.id}`, { version: 1, phones: [] }, o.m1);
    expect(res.statusCode, res.body).toBe(200);
    expect(await stale()).toEqual([]);
    const found = await h.get(`/api/v1/search?q=${encodeURIComponent("555-66-77")}`, o.m1);
    expect(found.json().items.map((x: { id: string }) => x.id)).toEqual([company.id]);
    const byInn = await h.get("/api/v1/search?q=0045", o.m1);
    expect(byInn.json().items.map((x: { id: string }) => x.id)).toEqual([company.id]);
    expect((await h.get("/api/v1/search?q=708389", o.m1)).json().items).toEqual([]);
  });
});
