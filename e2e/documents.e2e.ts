import pg from "pg";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText, startSmtp } from "../server/modules/documents/documents.fixtures";
import { buildDefaultTemplate } from "../server/modules/documents/docx.template";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, startAccord } from "./support";

let server: AccordServer;
let context: BrowserContext;
let page: Page;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startAccord(adminEnv);
  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(ADMIN.email);
  await page.getByLabel("Пароль", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
  await smtp?.close();
});

const api = async <T>(method: "POST" | "GET", path: string, data?: unknown): Promise<T> => {
  const res = await page.request.fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { origin: server.url },
    ...(data === undefined ? {} : { data }),
  });
  if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
};

describe("mail settings", () => {
  it("an admin sets the SMTP server and a test letter arrives", async () => {
    await page.goto("/settings/mail");
    await page.getByLabel("Сервер").fill("127.0.0.1");
    await page.getByLabel("Порт").fill(String(smtp.port));
    await page.getByLabel("Шифрование").selectOption("none");
    await page.getByLabel("Адрес отправителя").fill("sales@veter.ru");
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.getByText("Настройки почты сохранены").waitFor();
    await page.getByLabel("Адрес для проверки").fill("admin@veter.ru");
    await page.getByRole("button", { name: "Отправить тестовое письмо" }).click();
    await page.getByText("Тестовое письмо отправлено на admin@veter.ru").waitFor();
    expect(smtp.received.at(-1)?.to).toEqual(["admin@veter.ru"]);
  });
});

describe("Word templates", () => {
  it("an admin uploads a template and sees it in use", async () => {
    await page.goto("/settings/templates");
    await page.getByText("Своих шаблонов пока нет").waitFor();
    await page.getByLabel("Название").fill("Фирменный");
    await page.getByLabel("Файл шаблона (.docx)").setInputFiles({
      name: "firm.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: buildDefaultTemplate(),
    });
    await page.getByRole("button", { name: "Загрузить" }).click();
    await page.getByText("Шаблон загружен").waitFor();
    await page
      .getByRole("cell", { name: /Фирменный/ })
      .getByText("Используется")
      .waitFor();
  });
});

describe("invoices", () => {
  it("shows an invoice made from an accepted proposal, records a payment and downloads the PDF", async () => {
    const company = await api<{ id: string; ownerId: string }>("POST", "/companies", {
      name: "ООО «Ёлочка»",
      inn: "5024002119",
    });
    // The proposal screens live elsewhere: the accepted proposal is written straight into the database.
    const db = new pg.Client({ host: server.dataDir, user: "postgres", database: "postgres" });
    await db.connect();
    const ws = (await db.query("select workspace_id from companies where id = $1", [company.id])).rows[0]
      .workspace_id;
    const org = crypto.randomUUID();
    await db.query(
      "insert into organisations (id, workspace_id, name, inn, bank_name, bik, account, corr_account) values ($1, $2, 'ООО «Северный Ветер»', '7707083893', 'ПАО СБЕРБАНК', '044525225', '40702810938000012345', '30101810400000000225')",
      [org, ws],
    );
    const proposal = crypto.randomUUID();
    await db.query(
      "insert into proposals (id, workspace_id, group_id, number, organisation_id, company_id, owner_id, status, net, vat, gross, issue_date) values ($1, $2, $1, 'КП-2026-000001', $3, $4, $5, 'accepted', '819.67', '180.33', '1000.00', '2026-11-27')",
      [proposal, ws, org, company.id, company.ownerId],
    );
    await db.query(
      "insert into proposal_lines (id, workspace_id, proposal_id, position, name, unit_code, quantity, list_price, price, vat_rate, net, vat, gross) values ($1, $2, $3, 1, 'Шкаф металлический', '796', '1', '1000.00', '1000.00', '22', '819.67', '180.33', '1000.00')",
      [crypto.randomUUID(), ws, proposal],
    );
    await db.end();
    const invoice = await api<{ id: string; number: string }>("POST", `/proposals/${proposal}/invoice`, {});

    await page.goto("/invoices");
    await page.getByRole("link", { name: invoice.number, exact: true }).click();
    await page.waitForURL(`**/invoices/${invoice.id}`);
    await page.getByText("Оплат пока нет").waitFor();
    await page.getByLabel("Сумма, руб.").fill("400");
    await page.getByRole("button", { name: "Добавить оплату" }).click();
    await page.getByText("Оплата внесена").waitFor();
    await page.getByText("Оплачен частично").first().waitFor();

    const pdf = await page.request.get(`${server.url}/api/v1/invoices/${invoice.id}/pdf`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain(`Счёт на оплату № ${invoice.number}`);
    expect(text).toContain("Одна тысяча рублей 00 копеек");
  });
});
