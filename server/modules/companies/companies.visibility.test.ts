import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Company } from "../../../contracts/companies";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org } from "./companies.fixtures";

/**
 * Who sees a company owned by m4 (team: subHead → head): the admin, both heads above m4 and m4.
 * Another manager of the same big team, another team's head and its manager get 404 as if it
 * did not exist; a department user has no access to clients at all (403); no session is 401.
 */
let h: Harness;
let o: Org;
let c: Company;
const anonymous = {} as Session;
type Who = keyof Org | "anonymous";
const seers: Who[] = ["admin", "head", "subHead", "m4"];
const strangers: Who[] = ["m1", "m3", "otherHead"];
const session = (who: Who): Session => (who === "anonymous" ? anonymous : o[who]);
const expected = (who: Who, ok = 200) =>
  who === "anonymous" ? 401 : who === "dept" ? 403 : seers.includes(who) ? ok : 404;
const everyone: Who[] = [...seers, ...strangers, "dept", "anonymous"];

beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
  c = await newCompany(h, o.m4, {
    name: "ООО «Секретный клиент»",
    inn: "7707083893",
    phones: ["+7 (812) 555-12-34"],
    emails: ["secret@client.ru"],
    city: "Санкт-Петербург",
  });
  await newContact(h, o.m4, { companyId: c.id, lastName: "Тайнов", emails: ["tainov@client.ru"] });
});
afterAll(() => h.close());

describe("visibility of another manager's client", () => {
  it.each(everyone)("card, history, contacts and duplicates for %s", async (who) => {
    const as = session(who);
    expect((await h.get(`/api/v1/companies/${c.id}`, as)).statusCode).toBe(expected(who));
    expect((await h.get(`/api/v1/companies/${c.id}/history`, as)).statusCode).toBe(expected(who));
    const contacts = await h.get(`/api/v1/companies/${c.id}/contacts`, as);
    expect(contacts.statusCode).toBe(expected(who));
    if (contacts.statusCode === 200) expect(contacts.json().items).toHaveLength(1);
    expect((await h.get(`/api/v1/companies/${c.id}/duplicates`, as)).statusCode).toBe(expected(who));
  });

  it.each(everyone)("list and search for %s", async (who) => {
    const as = session(who);
    const list = await h.get("/api/v1/companies?limit=200", as);
    const search = await h.get(`/api/v1/search?q=${encodeURIComponent("секретный")}`, as);
    const byPhone = await h.get(`/api/v1/search?q=${encodeURIComponent("555-12-34")}`, as);
    const contactSearch = await h.get("/api/v1/search?q=tainov@client.ru", as);
    const contacts = await h.get("/api/v1/contacts?limit=200", as);
    for (const res of [list, search, byPhone, contactSearch, contacts]) {
      expect(res.statusCode).toBe(who === "anonymous" ? 401 : who === "dept" ? 403 : 200);
    }
    if (list.statusCode !== 200) return;
    const sees = seers.includes(who);
    const ids = (res: typeof list) => res.json().items.map((x: { id: string }) => x.id);
    expect(ids(list).includes(c.id)).toBe(sees);
    expect(ids(search).includes(c.id)).toBe(sees);
    expect(ids(byPhone).includes(c.id)).toBe(sees);
    expect(ids(contactSearch).length).toBe(sees ? 1 : 0);
    expect(ids(contacts).length).toBe(sees ? 1 : 0);
  });

  it("an owner filter naming someone outside the reach shows nothing", async () => {
    const res = await h.get(`/api/v1/companies?ownerId=${o.m4.user.id}`, o.m1);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it("update: the people who see it may edit it; for everyone else it does not exist", async () => {
    for (const who of everyone) {
      const current = (await h.get(`/api/v1/companies/${c.id}`, o.admin)).json();
      const res = await h.patch(
        `/api/v1/companies/${c.id}`,
        { version: current.version, notes: who },
        session(who),
      );
      expect(res.statusCode, who).toBe(expected(who));
    }
    expect((await h.get(`/api/v1/companies/${c.id}`, o.admin)).json().notes).toBe("m4");
  });

  it("duplicate check warns a stranger by name and owner only, and shows the whole card to a seer", async () => {
    const body = { name: "Другая фирма", inn: "7707083893" };
    const stranger = await h.post("/api/v1/companies/duplicates/check", body, o.m1);
    expect(stranger.statusCode).toBe(200);
    const [hint] = stranger.json().items;
    expect(hint).toEqual({
      visible: false,
      name: "ООО «Секретный клиент»",
      ownerName: expect.stringContaining("manager"),
      reasons: ["inn"],
      score: 1,
    });
    expect(JSON.stringify(stranger.json())).not.toContain(c.id);
    const seer = (await h.post("/api/v1/companies/duplicates/check", body, o.head)).json();
    expect(seer.items[0]).toMatchObject({ visible: true, company: { id: c.id }, reasons: ["inn"] });
    expect((await h.post("/api/v1/companies/duplicates/check", body, o.dept)).statusCode).toBe(403);
    expect((await h.post("/api/v1/companies/duplicates/check", body, anonymous)).statusCode).toBe(401);
  });

  it("delete: refused to everyone who may not see it; restore only by an admin", async () => {
    for (const who of [...strangers, "dept", "anonymous"] as Who[]) {
      expect((await h.del(`/api/v1/companies/${c.id}`, session(who))).statusCode, who).toBe(expected(who));
    }
    expect((await h.get(`/api/v1/companies/${c.id}`, o.m4)).statusCode).toBe(200);
    expect((await h.del(`/api/v1/companies/${c.id}`, o.subHead)).statusCode).toBe(200);
    for (const who of everyone.filter((w) => w !== "admin")) {
      const res = await h.post(`/api/v1/companies/${c.id}/restore`, {}, session(who));
      expect(res.statusCode, who).toBe(who === "anonymous" ? 401 : 403);
    }
    expect((await h.get(`/api/v1/companies/${c.id}`, o.admin)).json().deletedAt).not.toBeNull();
    expect((await h.post(`/api/v1/companies/${c.id}/restore`, {}, o.admin)).statusCode).toBe(200);
  });
});
