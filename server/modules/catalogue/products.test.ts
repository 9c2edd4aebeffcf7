import { rmSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Product } from "../../../contracts/catalogue";
import { createHarness, type Harness } from "../../test/harness";
import { allPages, makeOrg, type Org } from "../companies/companies.fixtures";
import { csv, multipart, setTempDataDir, xlsx } from "../imports/imports.test-support";
import { en, newProduct } from "./catalogue.fixtures";

let h: Harness;
let o: Org;
let dataDir: string;
beforeAll(async () => {
  h = await createHarness();
  dataDir = setTempDataDir(h);
  o = await makeOrg(h);
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const importFile = (
  file: { name: string; content: Buffer | string },
  fields: Record<string, string> = {},
) => {
  const { body, headers } = multipart(fields, file);
  return h.request("POST", "/api/v1/products/import", { body, headers, cookie: o.admin.cookie });
};

describe("products", () => {
  it("creates a product with an ОКЕИ unit, a VAT rate and a decimal price", async () => {
    const p = await newProduct(h, o.admin, {
      sku: "KR-100",
      name: "Кирпич облицовочный",
      unit: "796",
      vatRate: "22",
      basePrice: "45.50",
    });
    expect(p).toMatchObject({
      sku: "KR-100",
      unit: "796",
      unitName: "шт",
      vatRate: "22",
      basePrice: "45.50",
      price: "45.50",
      currency: "RUB",
      active: true,
      version: 1,
    });
  });

  it("refuses a SKU already used by a live product (409), and frees it when that product is deleted", async () => {
    const first = await newProduct(h, o.admin, { sku: "DUP-1", name: "Первый" });
    const dup = await h.post("/api/v1/products", { sku: "DUP-1", name: "Второй" }, o.admin);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: "sku_taken", errors: [{ path: "sku" }] });
    const rename = await newProduct(h, o.admin, { sku: "DUP-2", name: "Третий" });
    const clash = await h.patch(`/api/v1/products/${rename.id}`, { version: 1, sku: "DUP-1" }, o.admin);
    expect(clash.statusCode).toBe(409);
    expect((await h.del(`/api/v1/products/${first.id}`, o.admin)).statusCode).toBe(200);
    expect((await h.post("/api/v1/products", { sku: "DUP-1", name: "Второй" }, o.admin)).statusCode).toBe(
      201,
    );
    // The deleted one cannot come back while its SKU is taken again.
    expect((await h.post(`/api/v1/products/${first.id}/restore`, {}, o.admin)).statusCode).toBe(409);
  });

  it("refuses an unknown ОКЕИ code and an unknown VAT rate with field errors, writing nothing", async () => {
    const bad = await h.post("/api/v1/products", { sku: "U-1", name: "Ед", unit: "999" }, en(o.admin));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: "unit", message: "No such ОКЕИ unit code" }]);
    const vat = await h.post("/api/v1/products", { sku: "U-1", name: "Ед", vatRate: "20" }, o.admin);
    expect(vat.statusCode).toBe(400);
    expect(vat.json().errors[0].path).toBe("vatRate");
    const price = await h.post("/api/v1/products", { sku: "U-1", name: "Ед", basePrice: "-1" }, o.admin);
    expect(price.statusCode).toBe(400);
    expect((await h.get("/api/v1/products?q=U-1", o.admin)).json().items).toEqual([]);
  });

  it("answers a stale version with 409 and the current version", async () => {
    const p = await newProduct(h, o.admin, { sku: "V-1", name: "Версия" });
    expect(
      (await h.patch(`/api/v1/products/${p.id}`, { version: 1, name: "Правка" }, o.admin)).statusCode,
    ).toBe(200);
    const stale = await h.patch(`/api/v1/products/${p.id}`, { version: 1, name: "Опоздал" }, o.admin);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
  });

  it("lets everyone read the catalogue but only an admin change it", async () => {
    const p = await newProduct(h, o.admin, { sku: "R-1", name: "Читаемый" });
    for (const who of [o.m1, o.head, o.dept]) {
      expect((await h.get(`/api/v1/products/${p.id}`, who)).statusCode).toBe(200);
      expect((await h.post("/api/v1/products", { sku: "R-2", name: "Нельзя" }, who)).statusCode).toBe(403);
      expect(
        (await h.patch(`/api/v1/products/${p.id}`, { version: 1, name: "Нельзя" }, who)).statusCode,
      ).toBe(403);
      expect((await h.del(`/api/v1/products/${p.id}`, who)).statusCode).toBe(403);
    }
  });

  it("finds products by a part of the name or the beginning of the SKU, within a group and its subgroups", async () => {
    const tools = (await h.post("/api/v1/product-groups", { name: "Инструмент" }, o.admin)).json();
    const drills = (
      await h.post("/api/v1/product-groups", { name: "Дрели", parentId: tools.id }, o.admin)
    ).json();
    await newProduct(h, o.admin, { sku: "DR-500", name: "Дрель ударная", groupId: drills.id });
    await newProduct(h, o.admin, { sku: "HM-1", name: "Молоток", groupId: tools.id });
    const byName = (await h.get(`/api/v1/products?q=${encodeURIComponent("ударн")}`, o.m1)).json().items;
    expect(byName.map((p: Product) => p.sku)).toEqual(["DR-500"]);
    const bySku = (await h.get("/api/v1/products?q=dr-5", o.m1)).json().items;
    expect(bySku.map((p: Product) => p.sku)).toEqual(["DR-500"]);
    const inTools = (await h.get(`/api/v1/products?groupId=${tools.id}`, o.m1)).json().items;
    expect(inTools.map((p: Product) => p.sku).sort()).toEqual(["DR-500", "HM-1"]);
    // A group with products is not deleted; a group cannot move under its own subgroup.
    expect((await h.del(`/api/v1/product-groups/${drills.id}`, o.admin)).json().code).toBe("group_not_empty");
    const cycle = await h.patch(
      `/api/v1/product-groups/${tools.id}`,
      { version: 1, parentId: drills.id },
      o.admin,
    );
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().errors[0]).toMatchObject({ path: "parentId" });
  });

  it("pages the catalogue by keyset without repeats", async () => {
    for (let i = 0; i < 7; i++) await newProduct(h, o.admin, { sku: `PG-${i}`, name: `Позиция ${i}` });
    const all = await allPages<Product>(h, o.m1, "/api/v1/products?limit=3&q=pg-");
    expect(all.map((p) => p.sku).sort()).toEqual(["PG-0", "PG-1", "PG-2", "PG-3", "PG-4", "PG-5", "PG-6"]);
    const bySku = await allPages<Product>(h, o.m1, "/api/v1/products?limit=2&sort=-sku&q=pg-");
    expect(bySku.map((p) => p.sku)).toEqual(["PG-6", "PG-5", "PG-4", "PG-3", "PG-2", "PG-1", "PG-0"]);
  });
});

describe("catalogue import and export", () => {
  const header = ["Артикул", "Наименование", "Ед. изм. (ОКЕИ)", "НДС", "Группа", "Цена", "Активен"];

  it("imports a CSV (codes or designations, «без НДС», a comma price), then updates by SKU", async () => {
    const file = csv([
      header,
      ["IM-1", "Цемент М500", "кг", "22", "Сыпучие", "12,40", "да"],
      ["IM-2", "Доставка", "876", "без НДС", "", "1 500", "да"],
    ]);
    const res = await importFile({ name: "catalogue.csv", content: file });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, created: 2, updated: 0 });
    const cement = (await h.get("/api/v1/products?q=IM-1", o.admin)).json().items[0];
    expect(cement).toMatchObject({ unit: "166", vatRate: "22", basePrice: "12.40" });
    expect(cement.groupId).not.toBeNull();
    const again = await importFile({
      name: "c.csv",
      content: csv([header, ["IM-1", "Цемент М500 (меш.)", "кг", "22", "Сыпучие", "13", "да"]]),
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    const updated = (await h.get("/api/v1/products?q=IM-1", o.admin)).json().items[0];
    expect(updated).toMatchObject({
      name: "Цемент М500 (меш.)",
      basePrice: "13.00",
      groupId: cement.groupId,
    });
  });

  it("changes nothing when any row is wrong, and names each row and field", async () => {
    const file = csv([
      header,
      ["AT-1", "Хорошая строка", "шт", "22", "", "10", "да"],
      ["AT-2", "Плохая единица", "штуки", "22", "", "10", "да"],
      ["AT-3", "Плохой НДС", "шт", "18", "", "abc", "да"],
      ["AT-1", "Повтор", "шт", "22", "", "10", "да"],
    ]);
    const res = await importFile({ name: "bad.csv", content: file }, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("catalogue_import_invalid");
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(["rows.3.unit", "rows.4.vatRate", "rows.4.price", "rows.5.sku"]);
    expect((await h.get("/api/v1/products?q=AT-", o.admin)).json().items).toEqual([]);
  });

  it("a dry run reports without writing; a manager may not import", async () => {
    const file = { name: "d.csv", content: csv([header, ["DRY-1", "Проба", "шт", "22", "", "1", "да"]]) };
    const dry = await importFile(file, { dryRun: "true" });
    expect(dry.json()).toMatchObject({ total: 1, created: 1 });
    expect((await h.get("/api/v1/products?q=DRY-", o.admin)).json().items).toEqual([]);
    const { body, headers } = multipart({}, file);
    const refused = await h.request("POST", "/api/v1/products/import", {
      body,
      headers,
      cookie: o.m1.cookie,
    });
    expect(refused.statusCode).toBe(403);
  });

  it("round-trips: the XLSX export imports back unchanged, and CSV has the same rows", async () => {
    await newProduct(h, o.admin, {
      sku: "RT-1",
      name: "=Формула?",
      unit: "055",
      vatRate: "10",
      basePrice: "99.99",
    });
    await newProduct(h, o.admin, {
      sku: "RT-2",
      name: "Услуга",
      unit: "876",
      vatRate: "none",
      active: false,
    });
    const x = await h.get("/api/v1/exports/products.xlsx?q=rt-", o.admin);
    expect(x.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((r) => {
      const values = r.values as (string | undefined)[];
      rows.push(Array.from({ length: 8 }, (_, i) => String(values[i + 1] ?? "")));
    });
    expect(rows[0]).toEqual([
      "Артикул",
      "Наименование",
      "Описание",
      "Ед. изм. (ОКЕИ)",
      "НДС",
      "Группа",
      "Цена",
      "Активен",
    ]);
    expect(rows.slice(1)).toEqual([
      ["RT-1", "'=Формула?", "", "055", "10", "", "99.99", "да"],
      ["RT-2", "Услуга", "", "876", "без НДС", "", "0.00", "нет"],
    ]);
    const before = (await h.get("/api/v1/products?q=rt-", o.admin)).json().items;
    // The neutralising apostrophe is part of the cell: strip it as a person re-typing would.
    rows[1]![1] = "=Формула?";
    const back = await importFile({ name: "back.xlsx", content: await xlsx(rows) });
    expect(back.json(), back.body).toMatchObject({ total: 2, created: 0, updated: 2 });
    const after = (await h.get("/api/v1/products?q=rt-", o.admin)).json().items;
    const strip = (p: Product) => ({ ...p, updatedAt: "", version: 0 });
    expect(after.map(strip)).toEqual(before.map(strip));
    // Titles follow the user's language setting (Russian here), as the client exports do.
    const c = await h.get("/api/v1/exports/products.csv?q=rt-", o.m1);
    expect(c.statusCode).toBe(200);
    expect(c.body.split("\r\n")[0]).toBe(
      "\uFEFFАртикул;Наименование;Описание;Ед. изм. (ОКЕИ);НДС;Группа;Цена;Активен",
    );
    expect(c.body).toContain("RT-2;Услуга;;876;без НДС;;0.00;нет");
  });
});
