import pg from "pg";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../core/uuid";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, startAccord } from "./support";

/**
 * A proposal for a client with an individual price list, beyond the manager's discount limit
 * (10 % by default), approved by the head and then marked as sent. The server runs on its own
 * PostgreSQL database so the catalogue (whose screens belong to another module) is seeded
 * straight into its tables; users and the client go through the API.
 */
const baseUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `accord_e2e_proposals_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
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
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return page;
}

let companyId = "";

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  server = await startAccord({ ...adminEnv, DATABASE_URL: dbUrl });

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

  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  const ws = (await db.query<{ id: string }>("select id from workspaces limit 1")).rows[0]!.id;
  const product = uuidv7();
  const list = uuidv7();
  await db.query(
    `insert into organisations (id, workspace_id, name, inn, kpp, director, director_title, is_default)
     values ($1, $2, 'ООО «Аккорд Трейд»', '7736050003', '773601001', 'Петров П. П.', 'Генеральный директор', true)`,
    [uuidv7(), ws],
  );
  await db.query(
    `insert into products (id, workspace_id, sku, name, base_price, vat_rate) values ($1, $2, 'KR-100', 'Кресло руководителя', 12000, '22')`,
    [product, ws],
  );
  await db.query(
    `insert into price_lists (id, workspace_id, name, vat_included) values ($1, $2, 'Дилерский', true)`,
    [list, ws],
  );
  await db.query(
    `insert into price_list_items (id, workspace_id, price_list_id, product_id, price) values ($1, $2, $3, $4, 10000)`,
    [uuidv7(), ws, list, product],
  );
  await db.query(
    `insert into client_terms (company_id, workspace_id, price_list_id, payment_text) values ($1, $2, $3, $4)`,
    [companyId, ws, list, "Предоплата 30 %, остаток по факту поставки"],
  );
  await db.end();
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await closeBrowser();
  await server?.stop();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName}`);
  await admin.end();
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
    await page.goto("/proposals?status=sent");
    await page.getByRole("link", { name: /КП-\d{4}-000001/ }).waitFor();
  });
});
