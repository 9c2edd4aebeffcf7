import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiscountRule, DiscountRuleSet, PriceItem, PriceList } from "../../../contracts/pricing";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { created, en, newProduct, put } from "./catalogue.fixtures";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

describe("price lists", () => {
  it("creates VAT-inclusive and exclusive lists with validity dates; one default at a time", async () => {
    const retail = await created<PriceList>(
      h,
      "/api/v1/price-lists",
      { name: "Розница", isDefault: true },
      o.admin,
    );
    expect(retail).toMatchObject({ vatIncluded: true, currency: "RUB", isDefault: true, validFrom: null });
    const dealer = await created<PriceList>(
      h,
      "/api/v1/price-lists",
      { name: "Дилер", vatIncluded: false, validFrom: "2026-01-01", validTo: "2026-12-31", isDefault: true },
      o.head,
    );
    expect(dealer).toMatchObject({ vatIncluded: false, validFrom: "2026-01-01", validTo: "2026-12-31" });
    const lists = (await h.get("/api/v1/price-lists", o.m1)).json().items as PriceList[];
    expect(lists.filter((l) => l.isDefault).map((l) => l.name)).toEqual(["Дилер"]);
  });

  it("refuses dates out of order (422 with the field) and managers writing prices (403)", async () => {
    const bad = await h.post(
      "/api/v1/price-lists",
      { name: "Кривая", validFrom: "2026-05-01", validTo: "2026-04-01" },
      en(o.admin),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { path: "validTo", message: "The end date is before the start date" },
    ]);
    expect((await h.post("/api/v1/price-lists", { name: "Моя" }, o.m1)).statusCode).toBe(403);
    expect((await h.post("/api/v1/price-lists", { name: "Отдел" }, o.dept)).statusCode).toBe(403);
  });

  it("upserts prices in bulk, removes with null, pages them, and refuses unknown products", async () => {
    const list = await created<PriceList>(h, "/api/v1/price-lists", { name: "Опт" }, o.admin);
    const products = [];
    for (let i = 0; i < 5; i++)
      products.push(
        await newProduct(h, o.admin, { sku: `OPT-${i}`, name: `Оптовый ${i}`, basePrice: "100" }),
      );
    const url = `/api/v1/price-lists/${list.id}/prices`;
    const first = await put(
      h,
      url,
      { items: products.map((p) => ({ productId: p.id, price: "90.00" })) },
      o.head,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ upserted: 5, removed: 0 });
    const second = await put(
      h,
      url,
      {
        items: [
          { productId: products[0]!.id, price: "85.5" },
          { productId: products[1]!.id, price: null },
        ],
      },
      o.admin,
    );
    expect(second.json()).toEqual({ upserted: 1, removed: 1 });
    const pages: PriceItem[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.get(`${url}?limit=2${cursor ? `&cursor=${cursor}` : ""}`, o.m1);
      expect(res.statusCode).toBe(200);
      pages.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(pages.map((p) => [p.sku, p.price])).toEqual([
      ["OPT-0", "85.50"],
      ["OPT-2", "90.00"],
      ["OPT-3", "90.00"],
      ["OPT-4", "90.00"],
    ]);
    const unknown = await put(
      h,
      url,
      { items: [{ productId: "01900000-0000-7000-8000-000000000000", price: "1" }] },
      o.admin,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].path).toBe("items.0.productId");
    expect(
      (await put(h, url, { items: [{ productId: products[0]!.id, price: "1" }] }, o.m1)).statusCode,
    ).toBe(403);
  });

  it("assigns a price list to a segment and removes the assignment", async () => {
    const list = await created<PriceList>(h, "/api/v1/price-lists", { name: "Крупные" }, o.admin);
    const set = await put(
      h,
      "/api/v1/segment-price-lists",
      { segment: "Крупный бизнес", priceListId: list.id },
      o.head,
    );
    expect(set.statusCode).toBe(200);
    expect(set.json().items).toEqual([
      { segment: "Крупный бизнес", priceListId: list.id, priceListName: "Крупные" },
    ]);
    expect((await h.get("/api/v1/segment-price-lists", o.m1)).json().items).toHaveLength(1);
    const off = await put(
      h,
      "/api/v1/segment-price-lists",
      { segment: "Крупный бизнес", priceListId: null },
      o.admin,
    );
    expect(off.json().items).toEqual([]);
    const m = await put(h, "/api/v1/segment-price-lists", { segment: "X", priceListId: list.id }, o.m1);
    expect(m.statusCode).toBe(403);
  });
});

describe("discount rules", () => {
  let set: DiscountRuleSet;
  beforeAll(async () => {
    set = await created<DiscountRuleSet>(
      h,
      "/api/v1/discount-rule-sets",
      { name: "Объёмные", combine: "best", maxPercent: "15" },
      o.admin,
    );
  });
  const rule = (body: Record<string, unknown>) =>
    h.post("/api/v1/discount-rules", { ruleSetId: set.id, name: "Правило", ...body }, en(o.admin));

  it("creates a volume rule and keeps only the fields of its kind", async () => {
    const res = await rule({ kind: "volume_quantity", percent: "5", minQuantity: "100", minAmount: "5000" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "volume_quantity",
      percent: "5.00",
      minQuantity: "100.000",
      minAmount: null,
    });
  });

  it.each([
    [
      { kind: "volume_amount", percent: "101", minAmount: "1000" },
      "percent",
      "A percentage is from 0 to 100",
    ],
    [{ kind: "volume_amount", percent: "0", minAmount: "1000" }, "percent", "Must be greater than zero"],
    [{ kind: "volume_amount", percent: "5", minAmount: "0" }, "minAmount", "Must be greater than zero"],
    [{ kind: "volume_quantity", percent: "5" }, "minQuantity", "Must be greater than zero"],
    [{ kind: "client", percent: "5" }, "companyId", "Choose a client"],
    [{ kind: "segment", percent: "5" }, "segment", "Enter a segment"],
    [{ kind: "group", percent: "5" }, "productGroupId", "Choose a product group"],
    [
      { kind: "promo", percent: "5", validFrom: "2026-03-01" },
      "validTo",
      "A promotion needs a start and an end date",
    ],
    [
      { kind: "promo", percent: "5", validFrom: "2026-03-10", validTo: "2026-03-01" },
      "validTo",
      "The end date is before the start date",
    ],
  ])("refuses %j: 422 at %s", async (body, path, message) => {
    const res = await rule(body);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toContainEqual({ path, message });
  });

  it("refuses a bad percent format and an unknown kind as malformed (400)", async () => {
    expect((await rule({ kind: "promo", percent: "5,5" })).statusCode).toBe(400);
    expect((await rule({ kind: "birthday", percent: "5" })).statusCode).toBe(400);
  });

  it("a client rule names a live company; rules are listed by set with the company's name", async () => {
    const company = await newCompany(h, o.m1, { name: "ООО Скидочное" });
    const ok = await rule({ kind: "client", percent: "7.5", companyId: company.id });
    expect(ok.statusCode, ok.body).toBe(201);
    const ghost = await rule({
      kind: "client",
      percent: "7.5",
      companyId: "01900000-0000-7000-8000-000000000001",
    });
    expect(ghost.json().errors).toContainEqual({
      path: "companyId",
      message: "The record is not found or not available",
    });
    const listed = (await h.get(`/api/v1/discount-rules?ruleSetId=${set.id}&kind=client`, o.m2)).json().items;
    expect(listed.map((r: DiscountRule) => [r.companyName, r.percent])).toEqual([["ООО Скидочное", "7.50"]]);
  });

  it("checks a PATCH merged with the stored rule, and only admins write rules", async () => {
    const created = (await rule({ kind: "segment", percent: "3", segment: "Дилеры" })).json() as DiscountRule;
    const bad = await h.patch(`/api/v1/discount-rules/${created.id}`, { version: 1, segment: "" }, o.admin);
    expect(bad.statusCode).toBe(422);
    const ok = await h.patch(`/api/v1/discount-rules/${created.id}`, { version: 1, percent: "4" }, o.admin);
    expect(ok.json()).toMatchObject({ percent: "4.00", segment: "Дилеры", version: 2 });
    expect(
      (await h.patch(`/api/v1/discount-rules/${created.id}`, { version: 2, percent: "9" }, o.head))
        .statusCode,
    ).toBe(403);
    const cap = await h.patch(
      `/api/v1/discount-rule-sets/${set.id}`,
      { version: 1, maxPercent: "120" },
      o.admin,
    );
    expect(cap.statusCode).toBe(422);
    const sum = await h.patch(
      `/api/v1/discount-rule-sets/${set.id}`,
      { version: 1, combine: "sum" },
      o.admin,
    );
    expect(sum.json()).toMatchObject({ combine: "sum", maxPercent: "15.00" });
  });

  it("deleting a set deletes its rules", async () => {
    const other = await created<DiscountRuleSet>(h, "/api/v1/discount-rule-sets", { name: "Акции" }, o.admin);
    const r = await h.post(
      "/api/v1/discount-rules",
      {
        ruleSetId: other.id,
        name: "Весна",
        kind: "promo",
        percent: "10",
        validFrom: "2026-03-01",
        validTo: "2026-05-31",
      },
      o.admin,
    );
    expect(r.statusCode).toBe(201);
    expect((await h.del(`/api/v1/discount-rule-sets/${other.id}`, o.admin)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/discount-rules/${r.json().id}`, o.admin)).statusCode).toBe(404);
  });
});
