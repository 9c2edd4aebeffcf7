import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp } from "../server/modules/documents/documents.fixtures";
import { buildDefaultTemplate } from "../server/modules/documents/docx.template";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

let server: AccordServer;
let context: BrowserContext;
let page: Page;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startAccord(adminEnv);
  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
  await smtp?.close();
});

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
    // Mantine's FileInput is a button over a hidden file input.
    await page.locator('input[type="file"]').setInputFiles({
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
