import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompanyCreate } from "../../../contracts/companies";
import { ContactCreate } from "../../../contracts/contacts";
import { normalizePhone } from "../../../core/phone";
import {
  checkAccount,
  checkCorrAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnip,
} from "../../../core/requisites";
import { createHarness, type Harness } from "../../test/harness";
import { SeedRefusedError, seedDemo } from "./demo";
import { createDemoGenerator } from "./generate";
import { industries } from "./industries";
import { feminineSurname } from "./names";
import { banks } from "./requisites";
import { DEMO_PASSWORD } from "./users";

type CompanyRow = {
  id: string;
  name: string;
  full_name: string | null;
  kind: string;
  status: string;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  bik: string | null;
  account: string | null;
  corr_account: string | null;
  industry: string | null;
  region: string;
  city: string;
  owner_id: string;
  phones: string[];
  emails: string[];
  phone_search: string;
  digit_grams: number[];
};
type ContactRow = {
  company_id: string;
  owner_id: string;
  last_name: string;
  first_name: string;
  middle_name: string;
  emails: string[];
};

const CYRILLIC_WORD = /^[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?$/;
const NOW = new Date("2026-03-02T09:00:00Z");

let h: Harness;
let companies: CompanyRow[];
let contacts: ContactRow[];

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx.database, h.ctx.workspaceId, {
    companies: 200,
    contactsPerCompany: 2,
    seed: 42,
    batchSize: 64,
    now: NOW,
  });
  companies = (await h.ctx.database.pool.query<CompanyRow>("select * from companies order by id")).rows;
  contacts = (await h.ctx.database.pool.query<ContactRow>("select * from contacts order by id")).rows;
});

afterAll(async () => {
  await h?.close();
});

describe("accord seed --demo", () => {
  it("writes the requested companies and about K contacts each", () => {
    expect(companies).toHaveLength(200);
    expect(contacts.length).toBeGreaterThanOrEqual(396);
    expect(contacts.length).toBeLessThanOrEqual(404);
    const ids = new Set(companies.map((c) => c.id));
    for (const contact of contacts) expect(ids.has(contact.company_id)).toBe(true);
  });

  it("gives every company requisites that core's validators accept", () => {
    for (const c of companies) {
      if (c.kind === "legal") {
        expect(c.inn).toMatch(/^\d{10}$/);
        expect(checkInn(c.inn!).ok, c.inn!).toBe(true);
        expect(checkKpp(c.kpp!).ok, c.kpp!).toBe(true);
        expect(c.kpp!.slice(0, 4)).toBe(c.inn!.slice(0, 4));
        expect(checkOgrn(c.ogrn!).ok, c.ogrn!).toBe(true);
      } else if (c.kind === "entrepreneur") {
        expect(c.inn).toMatch(/^\d{12}$/);
        expect(checkInn(c.inn!).ok, c.inn!).toBe(true);
        expect(c.kpp).toBeNull();
        expect(c.ogrn).toMatch(/^3\d{14}$/);
        expect(checkOgrnip(c.ogrn!).ok, c.ogrn!).toBe(true);
      } else if (c.inn) {
        expect(checkInn(c.inn).ok && c.inn.length === 12, c.inn).toBe(true);
      }
      if (c.account) {
        expect(checkAccount(c.account, c.bik!).ok, `${c.account} @ ${c.bik}`).toBe(true);
        expect(checkCorrAccount(c.corr_account!, c.bik!).ok, `${c.corr_account} @ ${c.bik}`).toBe(true);
        expect(c.account.slice(0, 5)).toBe(c.kind === "legal" ? "40702" : "40802");
      } else {
        expect(c.kind).toBe("person");
      }
    }
    const inns = companies.flatMap((c) => (c.inn ? [c.inn] : []));
    expect(new Set(inns).size).toBe(inns.length);
  });

  it("makes companies and contacts that the API's own create schemas accept", () => {
    const owners = { owners: [{ id: "01900000-0000-7000-8000-000000000001", weight: 1 }] };
    const g = createDemoGenerator({ seed: 3, owners, total: 2000, contactsPerCompany: 2, now: NOW });
    for (let i = 0; i < 2000; i++) {
      const { contacts: people, ...c } = g.next();
      const parsed = CompanyCreate.safeParse(c);
      expect(parsed.error?.issues ?? [], c.name).toEqual([]);
      for (const p of people) {
        const contact = ContactCreate.safeParse({ ...p, consent: undefined });
        expect(contact.error?.issues ?? [], p.lastName).toEqual([]);
      }
    }
  });

  it("uses only real bank details that pass the CBR key check", () => {
    for (const bank of banks) expect(checkCorrAccount(bank.corrAccount, bank.bik).ok, bank.name).toBe(true);
  });

  it("names companies and people in Russian, with gender-consistent patronymics", () => {
    const kinds = new Set(companies.map((c) => c.kind));
    expect(kinds).toEqual(new Set(["legal", "entrepreneur", "person"]));
    for (const c of companies) {
      if (c.kind === "legal") {
        expect(c.name).toMatch(/^(ООО|АО|ПАО|ЗАО) «[А-ЯЁ][^«»]*»$/);
        expect(c.full_name).toMatch(/(общество|Общество) .*«/);
        expect(industries.map((i) => i.name)).toContain(c.industry);
      } else if (c.kind === "entrepreneur") {
        expect(c.name).toMatch(/^ИП [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+$/);
        expect(c.full_name).toBe(`Индивидуальный предприниматель ${c.name.slice(3)}`);
      }
      expect(c.city).toMatch(/^[А-ЯЁ]/);
      expect(c.region).toMatch(/[А-ЯЁа-яё]/);
    }
    for (const p of contacts) {
      for (const part of [p.last_name, p.first_name, p.middle_name]) expect(part).toMatch(CYRILLIC_WORD);
      const male = /(вич|ич)$/.test(p.middle_name);
      const female = /(вна|чна)$/.test(p.middle_name);
      expect(male !== female, p.middle_name).toBe(true);
      // Surnames agree with the gender: Иванов / Иванова, Высоцкий / Высоцкая.
      if (female) expect(/(ов|ев|ёв|ин|ын|ский|цкий)$/.test(p.last_name), p.last_name).toBe(false);
      if (male) expect(/(ова|ева|ёва|ина|ская|цкая)$/.test(p.last_name), p.last_name).toBe(false);
    }
  });

  it("stores searchable phone digits and valid e-mails", () => {
    for (const c of companies) {
      for (const phone of c.phones) {
        const { digits } = normalizePhone(phone);
        expect(c.phone_search.split(" ")).toContain(digits.length > 7 ? digits.slice(-7) : digits);
        if (digits.length === 11) expect(c.phone_search.split(" ")).toContain(digits.slice(-10));
      }
      for (const email of c.emails) expect(email).toMatch(/^[a-z0-9._-]+@[a-z0-9-]+\.[a-z]{2,}$/);
    }
    const formats = companies.flatMap((c) => c.phones);
    expect(formats.some((p) => p.startsWith("+7 ("))).toBe(true);
    expect(formats.some((p) => p.startsWith("8"))).toBe(true);
    expect(formats.some((p) => /^\d{3}-\d{2}-\d{2}$/.test(p))).toBe(true);
  });

  it("fills the digits index as the database would", async () => {
    const stale = await h.ctx.database.pool.query(`
      select id from companies where digit_grams is distinct from digit_grams_of(inn, phone_search)
      union all select id from contacts where digit_grams is distinct from digit_grams_of(null, phone_search)`);
    expect(stale.rows).toEqual([]);
    expect(companies.every((c) => c.digit_grams.length > 0)).toBe(true);
  });

  it("spreads the base over the demo team: managers report to heads and sign in", async () => {
    const users = (
      await h.ctx.database.pool.query<{ id: string; email: string; role: string; head_id: string | null }>(
        "select id, email, role, head_id from users",
      )
    ).rows;
    const byEmail = new Map(users.map((u) => [u.email, u]));
    const heads = [byEmail.get("head1@demo.accord")!, byEmail.get("head2@demo.accord")!];
    expect(heads.every((u) => u.role === "head")).toBe(true);
    for (let i = 1; i <= 8; i++) {
      const manager = byEmail.get(`manager${i}@demo.accord`)!;
      expect(manager.role).toBe("manager");
      expect(manager.head_id).toBe(heads[i <= 4 ? 0 : 1]!.id);
    }
    expect(byEmail.get("admin@demo.accord")?.role).toBe("admin");
    const owners = new Set(companies.map((c) => c.owner_id));
    expect(owners.size).toBeGreaterThanOrEqual(9);
    for (const owner of owners) expect(users.some((u) => u.id === owner)).toBe(true);
    const session = await h.signIn("manager3@demo.accord", DEMO_PASSWORD);
    expect(session.user.role).toBe("manager");
  });

  it("writes one audit entry for the whole run and refuses to seed twice", async () => {
    const audit = await h.ctx.database.pool.query<{ changes: Record<string, { to: number }> }>(
      "select changes from audit_log where action = 'seed'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.changes.companies!.to).toBe(200);
    await expect(
      seedDemo(h.ctx.database, h.ctx.workspaceId, { companies: 10, contactsPerCompany: 1, seed: 42 }),
    ).rejects.toBeInstanceOf(SeedRefusedError);
  });

  it("derives feminine surnames by the Russian rules", () => {
    expect(
      ["Иванов", "Соловьёв", "Ильин", "Высоцкий", "Толстой", "Кравченко", "Черных"].map(feminineSurname),
    ).toEqual(["Иванова", "Соловьёва", "Ильина", "Высоцкая", "Толстая", "Кравченко", "Черных"]);
  });

  it("is deterministic for a seed number", () => {
    const owners = { owners: [{ id: "01900000-0000-7000-8000-000000000001", weight: 1 }] };
    const make = (seed: number) => {
      const g = createDemoGenerator({ seed, owners, total: 50, contactsPerCompany: 2, now: NOW });
      return Array.from({ length: 50 }, () => g.next());
    };
    const a = make(7);
    const b = make(7);
    const c = make(8);
    expect(b).toEqual(a);
    expect(c.map((x) => x.name)).not.toEqual(a.map((x) => x.name));
  });
});
