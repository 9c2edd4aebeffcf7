import { execFileSync } from "node:child_process";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

/**
 * A proposal for a client with an individual price list, beyond the manager's discount limit
 * (10 % by default), approved by the head and then marked as sent. Users, the client and the
 * catalogue are made through the API.
 */
const PASSWORD = "e2e-user-password";

let server: AccordServer;
const contexts: BrowserContext[] = [];

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as { id: string };
}

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Set E2E_SHOTS=/some/dir to keep screenshots of each step for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/proposals-${name}.png`, fullPage: true });
}

async function browserAs(email: string): Promise<Page> {
  const { context, page } = await newPage(server.url);
  contexts.push(context);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, { email, password: PASSWORD });
  return page;
}

let companyId = "";

beforeAll(async () => {
  server = await startAccord(adminEnv);

  const cookie = await login(ADMIN.email, ADMIN.password);
  const head = await api(cookie, "POST", "/users", {
    email: "head@e2e.accord",
    password: PASSWORD,
    fullName: "Руководитель Отдела",
    role: "head",
  });
  await api(cookie, "POST", "/users", {
    email: "manager@e2e.accord",
    password: PASSWORD,
    fullName: "Менеджер Продаж",
    role: "manager",
    headId: head.id,
  });
  const manager = await login("manager@e2e.accord", PASSWORD);
  companyId = (await api(manager, "POST", "/companies", { name: "ООО «Дилер Мебели»", inn: "7707083893" }))
    .id;

  await api(cookie, "POST", "/organisations", {
    name: "ООО «Аккорд Трейд»",
    inn: "7736050003",
    kpp: "773601001",
    director: "Петров П. П.",
    directorTitle: "Генеральный директор",
    isDefault: true,
  });
  const product = await api(cookie, "POST", "/products", {
    sku: "KR-100",
    name: "Кресло руководителя",
    basePrice: "12000.00",
    vatRate: "22",
  });
  const list = await api(cookie, "POST", "/price-lists", { name: "Дилерский", vatIncluded: true });
  await api(cookie, "PUT", `/price-lists/${list.id}/prices`, {
    items: [{ productId: product.id, price: "10000.00" }],
  });
  await api(manager, "PUT", `/companies/${companyId}/terms`, {
    priceListId: list.id,
    paymentText: "Предоплата 30 %, остаток по факту поставки",
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await closeBrowser();
  await server?.stop();
});

describe("a proposal beyond the manager's authority", () => {
  let proposalUrl = "";

  it("the manager builds it from the client's price list and submits it for approval", async () => {
    const page = await browserAs("manager@e2e.accord");
    await page.goto(`/proposals/new?companyId=${companyId}`);
    await page.getByRole("heading", { name: "Новое коммерческое предложение" }).waitFor();
    // The client's individual terms are the default.
    await expect
      .poll(() => page.getByLabel("Условия оплаты").inputValue())
      .toBe("Предоплата 30 %, остаток по факту поставки");

    // The label names the input and its list of options: the input comes first.
    const picker = page.getByLabel("Добавить товар").first();
    await picker.click();
    await page.keyboard.type("KR-1");
    await page.getByRole("option", { name: /KR-100 — Кресло руководителя \(10\s000,00\)/ }).waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByLabel("Кол-во: Кресло руководителя").fill("3");
    await page.getByLabel("Ручная скидка, %: Кресло руководителя").fill("15");
    // 3 × 10 000,00 − 15 % = 25 500,00, VAT 22/122 included.
    const totals = page.getByTestId("proposal-totals");
    await totals.getByText("Всего наименований 1, на сумму 25\u00a0500,00 руб.").waitFor();
    await totals.getByText("Двадцать пять тысяч пятьсот рублей 00 копеек", { exact: false }).waitFor();
    await totals.getByText("В том числе НДС (22%):").waitFor();
    await shot(page, "editor");

    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalUrl = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: /КП-\d{4}-000001, редакция 1/ }).waitFor();

    await page.getByRole("button", { name: "На согласование" }).click();
    await page.getByText("На согласовании", { exact: true }).first().waitFor();
    await page.getByText("Ждёт решения руководителя: Руководитель Отдела.").waitFor();
    await expect.poll(() => page.getByRole("button", { name: "Отметить отправленным" }).count()).toBe(0);
  });

  it("the head approves it with a comment from the approvals inbox", async () => {
    const page = await browserAs("head@e2e.accord");
    await page.goto("/approvals");
    const card = page.getByRole("article", { name: /КП-\d{4}-000001/ });
    await card.getByText("Скидка 15.00 % больше лимита 10.00 %").waitFor();
    await card.getByLabel("Комментарий").fill("Согласовано: ключевой дилер");
    await shot(page, "inbox");
    await card.getByRole("button", { name: "Согласовать" }).click();
    await card.getByText("Согласовано", { exact: true }).waitFor();
  });

  it("the manager then marks it sent", async () => {
    const page = await browserAs("manager@e2e.accord");
    await page.goto(proposalUrl);
    await page.getByText("Согласовано: Руководитель Отдела.").waitFor();
    await page.getByRole("button", { name: "Отметить отправленным" }).click();
    await page.getByText("Отправлено", { exact: true }).first().waitFor();
    await shot(page, "sent");

    // The PDF the client receives: downloaded from the card and read as a reader would.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("group", { name: "Документы КП" }).getByRole("link", { name: "PDF" }).click(),
    ]);
    const file = await download.path();
    const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"]).toString("utf8");
    for (const expected of [
      "ООО «Аккорд Трейд»",
      "ООО «Дилер Мебели»",
      "Кресло руководителя",
      "Двадцать пять тысяч пятьсот рублей 00 копеек",
      "В том числе НДС (22%)",
    ])
      expect(text).toContain(expected);

    await page.goto("/proposals?status=sent");
    await page.getByRole("link", { name: /КП-\d{4}-000001/ }).waitFor();
  });
});
