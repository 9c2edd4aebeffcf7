import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

/** Set E2E_SHOTS=/some/dir to keep screenshots of each step for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/catalogue-${name}.png`, fullPage: true });
}

let server: AccordServer;
let context: BrowserContext;
let page: Page;
let cookie = "";
let companyId = "";

async function apiCall(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> & { items?: unknown[] } };
}

beforeAll(async () => {
  server = await startAccord(adminEnv);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const company = await apiCall("POST", "/companies", { name: "ООО «Оптовый клиент»", status: "client" });
  expect(company.status).toBe(201);
  companyId = String(company.json.id);

  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
});

describe("catalogue, a price list and a client's terms", () => {
  it("starts with an empty catalogue that says what to do", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Товары" }).click();
    await page.getByText("Здесь будет каталог товаров и услуг").waitFor();
    await shot(page, "empty");
  });

  it("creates a product, refusing a duplicate SKU on the field", async () => {
    await page.getByRole("button", { name: "Добавить товар" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Артикул", { exact: true }).fill("CEM-500");
    await dialog.getByLabel("Наименование", { exact: true }).fill("Цемент М500, мешок 50 кг");
    await dialog.getByLabel("Единица измерения (ОКЕИ)").selectOption({ label: "упак — Упаковка (778)" });
    await dialog.getByLabel("Базовая цена, ₽").fill("520,00");
    await shot(page, "product-form");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "hidden" });
    const table = page.getByRole("table", { name: "Товары и услуги" });
    await table.getByText("Цемент М500, мешок 50 кг").waitFor();
    await expect.poll(() => table.getByRole("row").nth(1).textContent()).toContain("520.00");

    await page.getByRole("button", { name: "Добавить товар" }).click();
    await dialog.getByLabel("Артикул", { exact: true }).fill("CEM-500");
    await dialog.getByLabel("Наименование", { exact: true }).fill("Дубль");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.getByText("Такой артикул уже есть в каталоге").waitFor();
    await dialog.getByRole("button", { name: "Отмена" }).click();
  });

  it("creates a price list and sets the product's price in it", async () => {
    await page.getByRole("tab", { name: "Прайс-листы" }).click();
    await page.getByText("Здесь будут прайс-листы").waitFor();
    await page.getByRole("button", { name: "Новый прайс-лист" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Название", { exact: true }).fill("Оптовый");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Цены прайс-листа «Оптовый»").waitFor();
    await page.getByLabel("Товар для добавления").fill("CEM");
    await page.getByRole("button", { name: "Добавить в прайс: Цемент М500, мешок 50 кг" }).click();
    const price = page.getByLabel("Цена, ₽: Цемент М500, мешок 50 кг");
    await price.fill("480,50");
    await shot(page, "prices");
    await page.getByRole("button", { name: "Сохранить цены" }).click();
    await page.getByText("Цены сохранены: 1, удалено: 0").waitFor();

    const lists = await apiCall("GET", "/price-lists");
    const list = (lists.json.items as { id: string; name: string }[]).find((l) => l.name === "Оптовый")!;
    const prices = await apiCall("GET", `/price-lists/${list.id}/prices`);
    expect(prices.json.items).toEqual([expect.objectContaining({ sku: "CEM-500", price: "480.50" })]);
  });

  it("assigns the price list to the client on the company card", async () => {
    await page.goto(`/clients/${companyId}`);
    await page.getByRole("tab", { name: "Условия" }).click();
    await page.getByText("Индивидуальные условия клиента").waitFor();
    await page.getByLabel("Прайс-лист").selectOption({ label: "Оптовый" });
    await page.getByLabel("Кредитный лимит, ₽").fill("250000");
    await shot(page, "client-terms");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await page.getByText("Условия клиента сохранены").waitFor();

    const terms = await apiCall("GET", `/companies/${companyId}/terms`);
    const lists = await apiCall("GET", "/price-lists");
    const list = (lists.json.items as { id: string; name: string }[]).find((l) => l.name === "Оптовый")!;
    expect(terms.json).toMatchObject({ priceListId: list.id, creditLimit: "250000.00", version: 1 });
    // The card shows the stored choice after a reload.
    await page.reload();
    await expect.poll(() => page.getByLabel("Прайс-лист").inputValue()).toBe(list.id);
  });
});

describe("settings: our organisations and authority limits", () => {
  it("checks the INN of an organisation on save and makes the first one the default", async () => {
    await page.goto("/settings/organisations");
    await page.getByText("Здесь будут ваши юридические лица").waitFor();
    await page.getByRole("button", { name: "Добавить организацию" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Краткое название").fill("ООО «Продавец»");
    await dialog.getByLabel("ИНН", { exact: true }).fill("7707083894");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.getByText("ИНН не проходит проверку контрольной суммы").waitFor();
    await dialog.getByLabel("ИНН", { exact: true }).fill("7707083893");
    await dialog.getByLabel("Система налогообложения").selectOption("usn");
    await dialog.getByRole("button", { name: "Сохранить" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("основная").waitFor();
    await page.getByText("УСН (без НДС)").waitFor();
    await shot(page, "organisations");
  });

  it("changes a role's limit, which then binds that role", async () => {
    await page.goto("/settings/limits");
    const field = page.getByLabel("Макс. скидка, %: Менеджер");
    await expect.poll(() => field.inputValue()).toBe("10.00");
    await field.fill("12,5");
    await page.getByRole("button", { name: "Сохранить лимиты ролей" }).click();
    await page.getByText("Лимиты сохранены").waitFor();
    const roles = await apiCall("GET", "/authority-limits");
    expect(roles.json.manager).toEqual({ maxDiscountPercent: "12.50", maxProposalAmount: "1000000.00" });
    await shot(page, "limits");
  });
});
