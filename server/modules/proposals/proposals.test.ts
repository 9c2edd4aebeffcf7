import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Proposal } from "../../../contracts/proposals";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { catalogue } from "./proposals.fixtures";
import { expireProposals } from "./proposals.flow";

/**
 * Proposals end to end over HTTP on the real database: prices from the client's own price list,
 * discount rules (best-of and sum), numbering, frozen sent revisions, revise and compare, expiry.
 * VAT vector from issue 5: VAT included in 1000.00 at 22 % is 180.33.
 */
let h: Harness;
let org: Org;
let cat: ReturnType<typeof catalogue>;
const ids = {} as Record<
  "org" | "group" | "chair" | "desk" | "service" | "retail" | "dealer" | "expired",
  string
>;

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  cat = catalogue(h);
  ids.org = await cat.organisation();
  ids.group = "0190a3f4-0000-7000-8000-000000000001";
  ids.chair = await cat.product("CH-01", "Кресло офисное «Бюрократ»", "1000.00", { groupId: ids.group });
  ids.desk = await cat.product("DS-02", "Стол письменный", "5000.00", { vatRate: "10" });
  ids.service = await cat.product("SV-03", "Сборка мебели", "300.00", { vatRate: "none", unitCode: "876" });
  ids.retail = await cat.priceList("Розница", { [ids.chair]: "1200.00" }, { isDefault: true });
  ids.dealer = await cat.priceList("Дилерский", { [ids.chair]: "1000.00", [ids.desk]: "4000.00" });
  ids.expired = await cat.priceList("Старый", { [ids.chair]: "1.00" }, { validTo: "2020-12-31" });
  await cat.template("payment", "Предоплата 50 %", "Предоплата 50 %, остаток в течение 5 рабочих дней");
});
afterAll(() => h.close());

const proposal = async (as: Session, body: Record<string, unknown>): Promise<Proposal> => {
  const res = await h.post("/api/v1/proposals", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("pricing", () => {
  it("takes the client's individual price list, VAT included: 1000.00 → VAT 180.33 at 22 %", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Дилер»" });
    await cat.clientTerms(c.id, { priceListId: ids.dealer, paymentText: "Отсрочка 10 календарных дней" });
    const p = await proposal(org.m1, {
      companyId: c.id,
      lines: [{ productId: ids.chair, quantity: "1" }],
    });
    expect(p.priceListId).toBe(ids.dealer);
    expect(p.lines[0]).toMatchObject({ price: "1000.00", vat: "180.33", gross: "1000.00", unitName: "шт" });
    expect(p.totals).toMatchObject({ net: "819.67", vat: "180.33", gross: "1000.00", vatRate: "22" });
    expect(p.amountInWords).toBe("Одна тысяча рублей 00 копеек");
    expect(p.totals.summary).toBe("Всего наименований 1, на сумму 1\u00a0000,00 руб.");
    expect(p.paymentTerms).toBe("Отсрочка 10 календарных дней");
    expect(p.signatory).toBe("Генеральный директор Петров П. П.");
    expect(p.number).toMatch(/^КП-\d{4}-\d{6}$/);
  });

  it("falls back to the segment's list, then the default list, then base prices; skips lists out of date", async () => {
    await cat.segmentList("опт", ids.dealer);
    const wholesale = await newCompany(h, org.m1, { name: "ООО «Оптовик»", segment: "опт" });
    const plain = await newCompany(h, org.m1, { name: "ООО «Розничный»" });
    const stale = await newCompany(h, org.m1, { name: "ООО «Старый прайс»" });
    await cat.clientTerms(stale.id, { priceListId: ids.expired });
    const lines = [
      { productId: ids.chair, quantity: "1" },
      { productId: ids.service, quantity: "2" },
    ];
    const a = await proposal(org.m1, { companyId: wholesale.id, lines });
    const b = await proposal(org.m1, { companyId: plain.id, lines });
    const c = await proposal(org.m1, { companyId: stale.id, lines });
    expect(a.lines.map((l) => l.price)).toEqual(["1000.00", "300.00"]);
    expect(b.lines.map((l) => l.price)).toEqual(["1200.00", "300.00"]);
    expect(c.priceListId).toBe(ids.retail);
    expect(b.totals.footer.map((f) => f.label)).toEqual(["Итого", "В том числе НДС (22%)", "Всего к оплате"]);
    expect(b.lines[1]).toMatchObject({ vatRate: "none", vat: "0.00", unitName: "усл. ед" });
    expect(b.paymentTerms).toBe("Предоплата 50 %, остаток в течение 5 рабочих дней");
  });

  it("applies discount rules best-of within a set and sums another, naming each rule", async () => {
    const c = await newCompany(h, org.m2, { name: "ООО «Скидочник»", segment: "vip" });
    const best = await cat.ruleSet("Объёмные", "best");
    const sum = await cat.ruleSet("Клиентские", "sum", "6");
    await cat.rule(best, { name: "От 10 штук", kind: "volume_quantity", percent: "5", minQuantity: "10" });
    await cat.rule(best, { name: "Группа кресел", kind: "group", percent: "7", productGroupId: ids.group });
    await cat.rule(sum, { name: "Сегмент VIP", kind: "segment", percent: "3", segment: "vip" });
    await cat.rule(sum, { name: "Лично клиенту", kind: "client", percent: "4", companyId: c.id });
    const p = await proposal(org.m2, { companyId: c.id, lines: [{ productId: ids.chair, quantity: "10" }] });
    const line = p.lines[0]!;
    // best: max(5, 7) = 7; sum: 3 + 4 = 7 capped at 6; total 13 %.
    expect(line.ruleDiscountPercent).toBe("13.00");
    expect(line.discountSources.map((s) => s.name)).toEqual([
      "Группа кресел",
      "Сегмент VIP",
      "Лично клиенту",
    ]);
    // 10 × 1200.00 = 12000.00 − 13 % = 10440.00 gross.
    expect(line.gross).toBe("10440.00");
    const withManual = await h.post(
      "/api/v1/proposals/quote",
      { companyId: c.id, lines: [{ productId: ids.chair, quantity: "10", manualDiscountPercent: "2" }] },
      org.m2,
    );
    expect(withManual.statusCode, withManual.body).toBe(200);
    expect(withManual.json().lines[0]).toMatchObject({
      manualDiscountPercent: "2.00",
      discountPercent: "15.00",
    });
  });

  it("refuses an unknown product and a malformed quantity, naming the field, and stores nothing", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Ошибка»" });
    const bad = await h.post(
      "/api/v1/proposals",
      { companyId: c.id, lines: [{ productId: "0190a3f4-0000-7000-8000-00000000dead", quantity: "1" }] },
      org.m1,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe("lines.0.productId");
    const qty = await h.post(
      "/api/v1/proposals",
      { companyId: c.id, lines: [{ productId: ids.chair, quantity: "-1" }] },
      org.m1,
    );
    expect(qty.statusCode).toBe(400);
    const list = await h.get(`/api/v1/proposals?companyId=${c.id}`, org.m1);
    expect(list.json().items).toEqual([]);
  });

  it("finds products by name or SKU with the client's price", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Поиск»" });
    await cat.clientTerms(c.id, { priceListId: ids.dealer });
    const res = await h.get(`/api/v1/proposals/product-options?q=ds-0&companyId=${c.id}`, org.m1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ sku: "DS-02", price: "4000.00", vatRate: "10" }),
    ]);
    const byName = await h.get("/api/v1/proposals/product-options?q=кресло", org.m1);
    expect(byName.json().items.map((p: { sku: string }) => p.sku)).toEqual(["CH-01"]);
  });
});

describe("numbering", () => {
  it("numbers per organisation and year without gaps, also under concurrent creates", async () => {
    const otherOrg = await cat.organisation({ name: "ИП Второй", isDefault: false });
    const c = await newCompany(h, org.m1, { name: "ООО «Очередь»" });
    const made = await Promise.all(
      Array.from({ length: 8 }, () =>
        h.post("/api/v1/proposals", { companyId: c.id, organisationId: otherOrg }, org.m1),
      ),
    );
    const numbers = made.map((r) => {
      expect(r.statusCode, r.body).toBe(201);
      return r.json().number as string;
    });
    const year = new Date().getUTCFullYear();
    expect(numbers.sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `КП-${year}-${String(i + 1).padStart(6, "0")}`),
    );
  });
});

describe("revisions", () => {
  it("freezes a sent proposal; revise makes the next revision with the same number; compare shows the changes", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Редакции»" });
    const p = await proposal(org.m1, {
      companyId: c.id,
      lines: [
        { productId: ids.chair, quantity: "2" },
        { productId: ids.service, quantity: "1" },
      ],
    });
    const sent = await h.post(`/api/v1/proposals/${p.id}/mark-sent`, { version: p.version }, org.m1);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe("sent");
    const frozen = await h.patch(
      `/api/v1/proposals/${p.id}`,
      { version: sent.json().version, notes: "правка" },
      org.m1,
    );
    expect(frozen.statusCode).toBe(422);
    expect(frozen.json().code).toBe("proposal_frozen");

    const rev = await h.post(`/api/v1/proposals/${p.id}/revise`, {}, org.m1);
    expect(rev.statusCode, rev.body).toBe(201);
    const r2: Proposal = rev.json();
    expect([r2.number, r2.revision, r2.status, r2.isCurrent]).toEqual([p.number, 2, "draft", true]);
    const edited = await h.patch(
      `/api/v1/proposals/${r2.id}`,
      {
        version: r2.version,
        lines: [
          { productId: ids.chair, quantity: "3" },
          { productId: ids.desk, quantity: "1" },
        ],
      },
      org.m1,
    );
    expect(edited.statusCode, edited.body).toBe(200);

    const revisions = await h.get(`/api/v1/proposals/${r2.id}/revisions`, org.m1);
    expect(revisions.json().items.map((r: Proposal) => [r.revision, r.isCurrent, r.status])).toEqual([
      [2, true, "draft"],
      [1, false, "sent"],
    ]);
    const cmp = await h.get(`/api/v1/proposals/${p.id}/compare?with=${r2.id}`, org.m1);
    expect(cmp.statusCode, cmp.body).toBe(200);
    const body = cmp.json();
    expect(body.lines.map((l: { name: string; change: string }) => [l.name, l.change])).toEqual([
      ["Кресло офисное «Бюрократ»", "changed"],
      ["Сборка мебели", "removed"],
      ["Стол письменный", "added"],
    ]);
    // The chairs' group rule (7 %, set up above) applies to every client:
    // 2×1200 −7 % + 300 = 2532.00 → 3×1200 −7 % + 5000 = 8348.00.
    expect(body.totals).toMatchObject({
      before: { gross: "2532.00" },
      after: { gross: "8348.00" },
      delta: { gross: "5816.00" },
    });
    const list = await h.get(`/api/v1/proposals?companyId=${c.id}`, org.m1);
    expect(list.json().items.map((i: Proposal) => i.id)).toEqual([r2.id]);
  });

  it("moves a sent proposal to accepted or rejected, and the job expires one past its validity once", async () => {
    const c = await newCompany(h, org.m2, { name: "ООО «Статусы»" });
    const lines = [{ productId: ids.chair, quantity: "1" }];
    const a = await proposal(org.m2, { companyId: c.id, lines });
    const b = await proposal(org.m2, { companyId: c.id, lines, validUntil: "2026-01-10" });
    expect((await h.post(`/api/v1/proposals/${a.id}/accept`, {}, org.m2)).statusCode).toBe(422);
    await h.post(`/api/v1/proposals/${a.id}/mark-sent`, {}, org.m2);
    await h.post(`/api/v1/proposals/${b.id}/mark-sent`, {}, org.m2);
    const accepted = await h.post(`/api/v1/proposals/${a.id}/accept`, {}, org.m2);
    expect(accepted.json().status).toBe("accepted");
    expect(await expireProposals(h.ctx.db, "2026-01-11")).toBe(1);
    expect(await expireProposals(h.ctx.db, "2026-01-11")).toBe(0);
    expect((await h.get(`/api/v1/proposals/${b.id}`, org.m2)).json().status).toBe("expired");
    expect((await h.get(`/api/v1/proposals/${a.id}`, org.m2)).json().status).toBe("accepted");
  });
});

describe("visibility", () => {
  it("a manager sees own proposals, the head the team's, another team nothing (404)", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Видимость»" });
    const p = await proposal(org.m1, { companyId: c.id });
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.head)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.m2)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.otherHead)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.dept)).statusCode).toBe(403);
    expect((await h.post("/api/v1/proposals", { companyId: c.id }, org.m3)).statusCode).toBe(404);
    const mine = await h.get("/api/v1/proposals?limit=200", org.m2);
    expect(mine.json().items.some((i: Proposal) => i.id === p.id)).toBe(false);
  });

  it("follows its company: deleted with it, restored with it, moved by a merge", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Уходящее»" });
    const target = await newCompany(h, org.m1, { name: "ООО «Основное»" });
    const p = await proposal(org.m1, { companyId: c.id });
    expect((await h.del(`/api/v1/companies/${c.id}`, org.m1)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.m1)).statusCode).toBe(404);
    expect((await h.post(`/api/v1/companies/${c.id}/restore`, {}, org.admin)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.m1)).statusCode).toBe(200);
    const merged = await h.post(
      "/api/v1/companies/merge",
      { targetId: target.id, sourceIds: [c.id] },
      org.m1,
    );
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await h.get(`/api/v1/proposals/${p.id}`, org.m1)).json().companyId).toBe(target.id);
  });
});
