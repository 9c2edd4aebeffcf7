import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PriceList } from "../../../contracts/pricing";
import type { ClientTerms, TermsTemplate } from "../../../contracts/terms";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { created, en, put } from "./catalogue.fixtures";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

describe("terms templates", () => {
  it("stores payment terms (prepayment, deferment in working days, stages) and delivery terms", async () => {
    const pay = await created<TermsTemplate>(
      h,
      "/api/v1/terms-templates",
      {
        kind: "payment",
        name: "50/50, отсрочка 10 р.д.",
        prepaymentPercent: 50,
        deferDays: 10,
        deferDayKind: "working",
        stages: "50 % при заказе, 50 % в течение 10 рабочих дней после отгрузки",
        deliveryMethod: "carrier",
      },
      o.admin,
    );
    expect(pay).toMatchObject({
      prepaymentPercent: 50,
      deferDays: 10,
      deferDayKind: "working",
      deliveryMethod: null,
    });
    const delivery = await created<TermsTemplate>(
      h,
      "/api/v1/terms-templates",
      {
        kind: "delivery",
        name: "Самовывоз",
        deliveryMethod: "pickup",
        loadingNotes: "Погрузка нашими силами",
      },
      o.admin,
    );
    expect(delivery).toMatchObject({ deliveryMethod: "pickup", loadingNotes: "Погрузка нашими силами" });
    const payments = (await h.get("/api/v1/terms-templates?kind=payment", o.m1)).json().items;
    expect(payments.map((t: TermsTemplate) => t.id)).toEqual([pay.id]);
  });

  it.each([
    [{ kind: "payment", name: "X", prepaymentPercent: 120 }, "prepaymentPercent"],
    [{ kind: "payment", name: "X", deferDays: 400, deferDayKind: "calendar" }, "deferDays"],
    [{ kind: "payment", name: "X", deferDays: 5 }, "deferDayKind"],
    [{ kind: "delivery", name: "X" }, "deliveryMethod"],
  ])("refuses %j at %s (422)", async (body, path) => {
    const res = await h.post("/api/v1/terms-templates", body, o.admin);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0].path).toBe(path);
  });

  it("only an admin writes templates", async () => {
    const body = { kind: "delivery", name: "Наша доставка", deliveryMethod: "our_delivery" };
    expect((await h.post("/api/v1/terms-templates", body, o.head)).statusCode).toBe(403);
    expect((await h.post("/api/v1/terms-templates", body, o.m1)).statusCode).toBe(403);
  });
});

describe("a client's individual terms", () => {
  let list: PriceList;
  let pay: TermsTemplate;
  let ship: TermsTemplate;
  beforeAll(async () => {
    list = await created<PriceList>(h, "/api/v1/price-lists", { name: "Индивидуальный" }, o.admin);
    pay = await created<TermsTemplate>(
      h,
      "/api/v1/terms-templates",
      { kind: "payment", name: "100 %", prepaymentPercent: 100 },
      o.admin,
    );
    ship = await created<TermsTemplate>(
      h,
      "/api/v1/terms-templates",
      { kind: "delivery", name: "ТК", deliveryMethod: "carrier" },
      o.admin,
    );
  });

  it("starts empty, then holds a price list, templates, free texts and a credit limit", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО Условия" });
    const empty = (await h.get(`/api/v1/companies/${c.id}/terms`, o.m1)).json() as ClientTerms;
    expect(empty).toMatchObject({ companyId: c.id, priceListId: null, creditLimit: null, version: 0 });
    const res = await put(
      h,
      `/api/v1/companies/${c.id}/terms`,
      {
        version: 0,
        priceListId: list.id,
        paymentTermsId: pay.id,
        deliveryTermsId: ship.id,
        paymentText: "Оплата по счёту",
        creditLimit: "500000.00",
      },
      o.m1,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ priceListId: list.id, creditLimit: "500000.00", version: 1 });
    // Omitted fields keep their value; a stale version is refused.
    const partial = await put(
      h,
      `/api/v1/companies/${c.id}/terms`,
      { version: 1, creditLimit: null },
      o.head,
    );
    expect(partial.json()).toMatchObject({ priceListId: list.id, creditLimit: null, version: 2 });
    const stale = await put(h, `/api/v1/companies/${c.id}/terms`, { version: 1, paymentText: "x" }, o.m1);
    expect(stale.statusCode).toBe(409);
  });

  it("refuses a template of the wrong kind and a missing price list", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО Путаница" });
    const res = await put(
      h,
      `/api/v1/companies/${c.id}/terms`,
      { paymentTermsId: ship.id, priceListId: "01900000-0000-7000-8000-000000000002" },
      en(o.m1),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { path: "priceListId", message: "The record is not found or not available" },
      { path: "paymentTermsId", message: "The template is of another kind of terms" },
    ]);
  });

  it("follows the company's visibility: another manager or team gets 404, a department user 403", async () => {
    const c = await newCompany(h, o.m1, { name: "ООО Чужие условия" });
    await put(h, `/api/v1/companies/${c.id}/terms`, { creditLimit: "1000.00" }, o.m1);
    for (const outsider of [o.m2, o.m3, o.otherHead]) {
      expect((await h.get(`/api/v1/companies/${c.id}/terms`, outsider)).statusCode).toBe(404);
      const write = await put(h, `/api/v1/companies/${c.id}/terms`, { creditLimit: "99.00" }, outsider);
      expect(write.statusCode).toBe(404);
    }
    expect((await h.get(`/api/v1/companies/${c.id}/terms`, o.dept)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/companies/${c.id}/terms`, o.head)).json().creditLimit).toBe("1000.00");
    expect((await h.get(`/api/v1/companies/${c.id}/terms`, o.admin)).json().creditLimit).toBe("1000.00");
  });
});

describe("a merge of companies", () => {
  it("moves client discount rules to the target, and the source's terms when the target has none", async () => {
    const target = await newCompany(h, o.m1, { name: "ООО Цель слияния" });
    const source = await newCompany(h, o.m1, { name: "ООО Источник слияния" });
    const list = await created<PriceList>(h, "/api/v1/price-lists", { name: "Для слияния" }, o.admin);
    await put(
      h,
      `/api/v1/companies/${source.id}/terms`,
      { priceListId: list.id, creditLimit: "7000.00" },
      o.m1,
    );
    const set = await created<{ id: string }>(
      h,
      "/api/v1/discount-rule-sets",
      { name: "Клиентские" },
      o.admin,
    );
    const rule = await created<{ id: string }>(
      h,
      "/api/v1/discount-rules",
      { ruleSetId: set.id, name: "Постоянный", kind: "client", percent: "3", companyId: source.id },
      o.admin,
    );
    const merge = await h.post(
      "/api/v1/companies/merge",
      { targetId: target.id, sourceIds: [source.id] },
      o.admin,
    );
    expect(merge.statusCode, merge.body).toBe(200);
    expect((await h.get(`/api/v1/discount-rules/${rule.id}`, o.admin)).json()).toMatchObject({
      companyId: target.id,
      companyName: "ООО Цель слияния",
    });
    expect((await h.get(`/api/v1/companies/${target.id}/terms`, o.m1)).json()).toMatchObject({
      priceListId: list.id,
      creditLimit: "7000.00",
    });
  });
});
