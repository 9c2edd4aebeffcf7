import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reliability } from "../../../contracts/reliability";
import { moscowToday } from "../../../core/moscow-time";
import { SYNTHETIC_BALANCE } from "../../../core/scoring/synthetic-balance";
import { uuidv7 } from "../../../core/uuid";
import { auditLog, invoices } from "../../db/schema/index";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { inn10 } from "../imports/imports.test-support";

import { gradesOf, recommendedCreditLimit } from "./reliability.service";

let h: Harness;
let org: Org;

const lines = Object.fromEntries(Object.entries(SYNTHETIC_BALANCE).map(([k, v]) => [k, String(v)]));
const put = (url: string, body: unknown, s: Session, locale = "ru") =>
  h.request("PUT", url, { body, cookie: s.cookie, headers: { "accept-language": locale } });

async function rel(id: string, s: Session = org.m1, locale = "ru"): Promise<Reliability> {
  const res = await h.get(`/api/v1/reliability/${id}`, {
    cookie: s.cookie,
    headers: { "accept-language": locale },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
});
afterAll(() => h.close());

describe("financial statements", () => {
  it("a year is stored by official codes as decimal strings and listed side by side", async () => {
    const c = await newCompany(h, org.m1, { name: "Отчётность" });
    const res = await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year: 2025, lines: { "1600": "100000", "2110": "150000" } });
    const prev = await put(
      `/api/v1/companies/${c.id}/financials/2024`,
      { lines: { ...lines, "2110": "120000" } },
      org.m1,
    );
    expect(prev.statusCode).toBe(200);
    const list = (await h.get(`/api/v1/companies/${c.id}/financials`, org.m1)).json();
    expect(list.years.map((y: { year: number }) => y.year)).toEqual([2024, 2025]);
  });

  it("refuses unknown codes, non-numbers and a balance that does not add up: 422 with code and reason, nothing saved", async () => {
    const c = await newCompany(h, org.m1, { name: "Ошибки отчётности" });
    const res = await put(
      `/api/v1/companies/${c.id}/financials/2025`,
      { lines: { "1100": "40000", "1200": "60000", "1600": "90000", "1999": "5", "2110": "много" } },
      org.m1,
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe("statement_invalid");
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { path: "lines.1999", message: "Такой строки нет в списке кодов отчётности (1100…2400)" },
        { path: "lines.2110", message: "Нужно число в тысячах рублей" },
        { path: "lines.1600", message: "Итог баланса (1600) не равен сумме разделов" },
      ]),
    );
    const en = await put(
      `/api/v1/companies/${c.id}/financials/2025`,
      { lines: { "1100": "-5" } },
      org.m1,
      "en",
    );
    expect(en.json().errors).toEqual([{ path: "lines.1100", message: "This line cannot be negative" }]);
    expect((await h.get(`/api/v1/companies/${c.id}/financials`, org.m1)).json().years).toEqual([]);
    expect((await put(`/api/v1/companies/${c.id}/financials/1800`, { lines }, org.m1)).statusCode).toBe(400);
  });

  it("a year is deleted (softly) and audited", async () => {
    const c = await newCompany(h, org.m1, { name: "Удаление года" });
    await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    expect((await h.del(`/api/v1/companies/${c.id}/financials/2025`, org.m1)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/companies/${c.id}/financials`, org.m1)).json().years).toEqual([]);
    expect((await h.del(`/api/v1/companies/${c.id}/financials/2025`, org.m1)).statusCode).toBe(404);
    const audit = await h.ctx.db.select().from(auditLog).where(eq(auditLog.entity, "financial_statement"));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["create", "delete"]));
  });
});

describe("statements follow a merge", () => {
  it("moves the source's years the target lacks; the target keeps its own", async () => {
    const target = await newCompany(h, org.m1, { name: "Слияние: цель" });
    const source = await newCompany(h, org.m1, { name: "Слияние: источник" });
    await put(`/api/v1/companies/${target.id}/financials/2025`, { lines }, org.m1);
    await put(`/api/v1/companies/${source.id}/financials/2025`, { lines: { ...lines, "2110": "1" } }, org.m1);
    await put(
      `/api/v1/companies/${source.id}/financials/2024`,
      { lines: { ...lines, "2110": "120000" } },
      org.m1,
    );
    const res = await h.post(
      "/api/v1/companies/merge",
      { targetId: target.id, sourceIds: [source.id] },
      org.head,
    );
    expect(res.statusCode, res.body).toBe(200);
    const years = (await h.get(`/api/v1/companies/${target.id}/financials`, org.m1)).json().years;
    expect(
      years.map((y: { year: number; lines: Record<string, string> }) => [y.year, y.lines["2110"]]),
    ).toEqual([
      [2024, "120000"],
      [2025, "150000"],
    ]);
    expect((await h.get(`/api/v1/reliability/${source.id}`, org.m1)).statusCode).toBe(404);
  });
});

describe("models and the grade on the issue's synthetic balance", () => {
  it("shows every model with value, zone, verdict and explanation, and grades A with the limit", async () => {
    const c = await newCompany(h, org.m1, { name: "Синтетика" });
    await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    const r = await rel(c.id);
    const by = Object.fromEntries(r.models.map((m) => [m.name, m]));
    expect(by["Альтман Z (1968)"]!.value).toBeCloseTo(3.0554, 4);
    expect(by["Альтман Z′ (непубличные компании)"]).toMatchObject({ zone: "grey", verdict: "серая зона" });
    expect(by["Альтман Z″ (непроизводственные)"]!.value).toBeCloseTo(3.7905, 4);
    expect(by.Таффлер!.value).toBeCloseTo(0.5806, 4);
    expect(by["Сайфуллин–Кадыков"]).toMatchObject({ zone: "distress", verdict: "неудовлетворительное" });
    expect(by["Сайфуллин–Кадыков"]!.value).toBeCloseTo(0.6338, 4);
    expect(by["ИГЭА (Давыдова–Беликов)"]!.value).toBeCloseTo(1.5523, 4);
    expect(by["ИГЭА (Давыдова–Беликов)"]!.explanation).toContain("чистый оборотный капитал");
    expect(by.Зайцева!.value).toBeCloseTo(1.2089, 4);
    // No previous year: the norm uses this year's asset load, and the card says so.
    expect(by.Зайцева!.explanation).toContain("Норматив 1,6367");
    expect(by.Зайцева!.explanation).toContain("прошлый год нет");
    expect(r).toMatchObject({
      score: 79,
      grade: "A",
      recommendedCreditLimit: "7500000.00",
      modelsYear: 2025,
    });
    expect(r.factors.find((f) => f.id === "models")!.explanation).toContain(
      "безопасно 5, серая зона 1, риск 1 из 7",
    );
    expect(r.factors.find((f) => f.id === "registry")!.score).toBeNull();
    const en = await rel(c.id, org.m1, "en");
    expect(en.models.map((m) => m.name)).toContain("Zaitseva");
    expect(en.creditLimit.explanation).toContain("grade A");
    expect((await gradesOf(h.ctx.db, h.ctx.workspaceId, [c.id])).get(c.id)).toBe("A");
    expect(await recommendedCreditLimit(h.ctx.db, h.ctx.workspaceId, c.id)).toMatchObject({
      amount: "7500000.00",
      grade: "A",
    });
    // Lists, the card and search show the grade.
    const list = (await h.get("/api/v1/companies?limit=200", org.m1)).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id).reliabilityGrade).toBe("A");
    expect((await h.get(`/api/v1/companies/${c.id}`, org.m1)).json().reliabilityGrade).toBe("A");
    const found = (await h.get(`/api/v1/search?q=${encodeURIComponent("Синтетика")}`, org.m1)).json();
    expect(found.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ grade: "A" });
  });

  it("Zaitseva uses the previous year's asset load when it is there", async () => {
    const c = await newCompany(h, org.m1, { name: "Два года" });
    await put(`/api/v1/companies/${c.id}/financials/2024`, { lines: { ...lines, "2110": "100000" } }, org.m1);
    await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    const z = (await rel(c.id)).models.find((m) => m.name === "Зайцева")!;
    // Kнорм = 1.57 + 0.1 × (100000 / 100000)
    expect(z.thresholds.norm).toBeCloseTo(1.67, 6);
    expect(z.flags.normFromCurrentYear).toBe(false);
  });

  it("weights are the admin's; a changed weight changes the score", async () => {
    const s = (await h.get("/api/v1/settings/reliability", org.admin)).json();
    expect(s.weights).toEqual({ registry: 30, age: 10, models: 35, payment: 25 });
    expect((await h.get("/api/v1/settings/reliability", org.head)).statusCode).toBe(403);
    expect((await put("/api/v1/settings/reliability", s, org.m1)).statusCode).toBe(403);
    const stricter = { ...s, thresholds: { A: 85, B: 60, C: 40 } };
    expect((await put("/api/v1/settings/reliability", stricter, org.admin)).statusCode).toBe(200);
    const c = await newCompany(h, org.m1, { name: "Строгие пороги" });
    await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    expect((await rel(c.id)).grade).toBe("B");
    await put("/api/v1/settings/reliability", s, org.admin);
  });
});

describe("payment discipline", () => {
  it("comes from the company's invoices", async () => {
    const c = await newCompany(h, org.m1, { name: "Платит с опозданием" });
    const base = {
      workspaceId: h.ctx.workspaceId,
      organisationId: uuidv7(),
      companyId: c.id,
      ownerId: org.m1.user.id,
      net: "1000.00",
      vat: "0.00",
      gross: "1000.00",
    };
    // Days counted from the server's "today" (Moscow's date): from 21:00 UTC on, the UTC date
    // would be a day behind it and every "days late" one more.
    const today = new Date(`${moscowToday()}T00:00:00Z`);
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await h.ctx.db.insert(invoices).values([
      {
        ...base,
        id: uuidv7(),
        number: "1",
        issueDate: day(-60),
        dueDate: day(-50),
        paid: "1000.00",
        paidAt: day(-50),
        status: "paid",
      },
      {
        ...base,
        id: uuidv7(),
        number: "2",
        issueDate: day(-40),
        dueDate: day(-30),
        paid: "1000.00",
        paidAt: day(-20),
        status: "paid",
      },
      {
        ...base,
        id: uuidv7(),
        number: "3",
        issueDate: day(-20),
        dueDate: day(-10),
        paid: "0",
        status: "issued",
      },
    ]);
    const r = await rel(c.id);
    expect(r.payment).toMatchObject({
      source: "invoices",
      invoices: 3,
      overdue: 1,
      overdueAmount: "1000.00",
      averageDaysLate: 10,
    });
    expect(r.payment.onTimeShare).toBeCloseTo(1 / 3);
    expect(r.payment.dso).toBe(30);
    expect(r.factors.find((f) => f.id === "payment")!.explanation).toContain("Оплачено в срок 33%");
  });

  it("or from an imported history when there are no invoices; bad rows refuse the file", async () => {
    const c = await newCompany(h, org.m1, { name: "Внешняя история" });
    const url = `/api/v1/reliability/${c.id}/payment-history`;
    const bad = await put(
      url,
      { csv: "номер;выставлен;срок;сумма;оплачен\n1;2026-01-10;завтра;100;\n" },
      org.m1,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ path: "rows.2.dueDate" });
    const csv =
      "номер;выставлен;срок;сумма;оплачен\nA-1;01.01.2026;10.01.2026;1 000,00;09.01.2026\nA-2;2026-02-01;2026-02-10;500;2026-02-15\n";
    const ok = await put(url, { csv }, org.m1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items).toHaveLength(2);
    const r = await rel(c.id);
    expect(r.payment).toMatchObject({
      source: "history",
      invoices: 2,
      overdue: 0,
      onTimeShare: 0.5,
      averageDaysLate: 5,
    });
  });
});

describe("override and visibility", () => {
  it("a head overrides with a reason (audited, shown as overridden); a manager gets 403", async () => {
    const c = await newCompany(h, org.m1, { name: "Переоценка" });
    await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1);
    const url = `/api/v1/reliability/${c.id}/override`;
    expect((await h.post(url, { grade: "C", reason: "Суд с поставщиком" }, org.m1)).statusCode).toBe(403);
    expect((await h.post(url, { grade: "C", reason: "Суд с поставщиком" }, org.otherHead)).statusCode).toBe(
      404,
    );
    expect((await h.post(url, { grade: "C" }, org.head)).statusCode).toBe(400);
    const res = await h.post(url, { grade: "C", reason: "Суд с поставщиком" }, org.head);
    expect(res.statusCode, res.body).toBe(200);
    const r: Reliability = res.json();
    expect(r).toMatchObject({
      grade: "C",
      computedGrade: "A",
      override: { grade: "C", reason: "Суд с поставщиком", by: org.head.user.id },
    });
    // The limit follows the grade in force: 7.5 M × 0.3.
    expect(r.recommendedCreditLimit).toBe("2250000.00");
    expect((await gradesOf(h.ctx.db, h.ctx.workspaceId, [c.id])).get(c.id)).toBe("C");
    const [entry] = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "override_grade")));
    expect(entry).toMatchObject({ userId: org.head.user.id });
    expect(entry!.changes).toMatchObject({ reliabilityGrade: { from: "A", to: "C" } });
    const cleared = await h.post(url, { grade: null, reason: "Суд выигран" }, org.admin);
    expect(cleared.json()).toMatchObject({ grade: "A", override: null });
  });

  it("follows the company's visibility: another manager's company is 404, a department user 403", async () => {
    const c = await newCompany(h, org.m1, { name: "Чужая", inn: inn10(777) });
    for (const s of [org.m2, org.m3, org.otherHead]) {
      expect((await h.get(`/api/v1/reliability/${c.id}`, s)).statusCode).toBe(404);
      expect((await h.get(`/api/v1/companies/${c.id}/financials`, s)).statusCode).toBe(404);
      expect((await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, s)).statusCode).toBe(404);
      expect((await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, s)).statusCode).toBe(404);
    }
    expect((await h.get(`/api/v1/reliability/${c.id}`, org.dept)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/reliability/${c.id}`, org.head)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/reliability/${c.id}`, org.admin)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/reliability/${uuidv7()}`, org.admin)).statusCode).toBe(404);
    // Without a configured registry the card says so.
    const r = await rel(c.id);
    expect(r.registry.error).toBeNull();
    const refreshed = (await h.post(`/api/v1/reliability/${c.id}/refresh`, {}, org.m1)).json() as Reliability;
    expect(refreshed.registry.error).toBe("not_configured");
  });
});
