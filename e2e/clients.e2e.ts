import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

/** Set E2E_SHOTS=/some/dir to keep screenshots of each step for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/clients-${name}.png`, fullPage: true });
}

const SBER = {
  inn: "7707083893",
  kpp: "773601001",
  ogrn: "1027700132195",
  bik: "044525225",
  corrAccount: "30101810400000000225",
};

let server: AccordServer;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startAccord(adminEnv);
  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
});

describe("client database", () => {
  let firstUrl = "";

  it("starts with an empty list that says what to do", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Клиенты" }).click();
    await page.getByText("Клиентов пока нет").waitFor();
    await shot(page, "empty");
  });

  it("creates a company by its INN, checking the requisites as they are typed", async () => {
    await page.getByRole("link", { name: "Новый клиент" }).first().click();
    await page.waitForURL("**/clients/new");
    // The INN field has the cursor: typing goes straight into it.
    const inn = page.getByLabel("ИНН", { exact: true });
    await expect
      .poll(() => inn.evaluate((el) => el === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.type("7707083894");
    await page.getByText("ИНН не проходит проверку контрольной суммы").waitFor();
    await inn.fill(SBER.inn);
    await page.getByRole("img", { name: "ИНН верный" }).waitFor();

    await page.getByLabel("Наименование", { exact: true }).fill("ПАО Сбербанк");
    await page.getByLabel("КПП", { exact: true }).fill(SBER.kpp);
    await page.getByLabel("ОГРН", { exact: true }).fill(SBER.ogrn);
    await page.getByLabel("БИК", { exact: true }).fill(SBER.bik);
    // A wrong key digit is caught against the BIK before saving.
    await page.getByLabel("Корреспондентский счёт").fill("30101810400000000226");
    await page.getByText("Счёт не соответствует БИК").waitFor();
    await page.getByLabel("Корреспондентский счёт").fill(SBER.corrAccount);
    await page.getByRole("img", { name: "Корр. счёт соответствует БИК" }).waitFor();
    await page.getByLabel("Телефон", { exact: true }).fill("+7 (495) 500-55-50");
    await page.getByLabel("Город").fill("Москва");
    await shot(page, "form");

    await page.getByRole("button", { name: "Создать клиента" }).click();
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    firstUrl = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: "ПАО Сбербанк" }).waitFor();
    await page.getByText(SBER.corrAccount).waitFor();
    await shot(page, "card");

    await page.getByRole("tab", { name: "История" }).click();
    await page.getByRole("table", { name: "История изменений" }).getByText("Создание").waitFor();
    await shot(page, "history");
  });

  it("warns about a duplicate with the same INN and offers to open it", async () => {
    await page.goto("/clients/new");
    await page.getByLabel("ИНН", { exact: true }).fill(SBER.inn);
    await page.getByLabel("Наименование", { exact: true }).fill("Сбербанк России");
    await page.getByRole("button", { name: "Создать клиента" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "Похоже, такой клиент уже есть" });
    await warning.waitFor();
    await warning.getByText("тот же ИНН").waitFor();
    await shot(page, "duplicate");
    await warning.getByRole("link", { name: "Открыть «ПАО Сбербанк»" }).click();
    await page.waitForURL(`**${firstUrl}`);
    await page.getByRole("heading", { name: "ПАО Сбербанк" }).waitFor();
  });

  it("shows a stored name with markup as text, never as HTML", async () => {
    const name = "<img src=x onerror=alert(1)>";
    const res = await context.request.post(`${server.url}/api/v1/companies`, {
      headers: { Origin: server.url },
      data: { name, city: "Москва" },
    });
    expect(res.status()).toBe(201);
    await page.goto("/clients");
    const link = page.getByRole("link", { name, exact: true });
    await link.waitFor();
    expect(await page.locator("main img[src='x']").count()).toBe(0);
    await link.click();
    await page.getByRole("heading", { name }).waitFor();
    await shot(page, "xss");
  });

  it("keeps filters in the address bar", async () => {
    await page.goto("/clients?status=prospect&sort=-name");
    await expect.poll(() => page.getByLabel("Статус").inputValue(), { timeout: 10_000 }).toBe("prospect");
    await page.getByRole("link", { name: "ПАО Сбербанк" }).waitFor();
    await page.getByLabel("Статус").selectOption("client");
    await expect
      .poll(() => new URL(page.url()).searchParams.get("status"), { timeout: 10_000 })
      .toBe("client");
    await page.getByText("Ничего не найдено").waitFor();
  });

  it("hands companies over to another owner in bulk, and records it", async () => {
    const res = await context.request.post(`${server.url}/api/v1/users`, {
      headers: { Origin: server.url },
      data: {
        email: "petrov@e2e.accord",
        password: "manager-password-1",
        fullName: "Петров Иван",
        role: "manager",
      },
    });
    expect(res.status()).toBe(201);
    await page.goto("/clients");
    await page.getByRole("checkbox", { name: "Выбрать «ПАО Сбербанк»" }).check();
    await page.getByRole("checkbox", { name: "Выбрать «<img src=x onerror=alert(1)>»" }).check();
    await page.getByText("Выбрано: 2").waitFor();
    await page.getByRole("button", { name: "Передать ответственному" }).click();
    await page.getByLabel("Новый ответственный").selectOption({ label: "Петров Иван — Менеджер" });
    await page.getByRole("button", { name: "Передать", exact: true }).click();
    await page.getByText("Передано компаний: 2").waitFor();
    await page
      .getByRole("row", { name: /ПАО Сбербанк/ })
      .getByText("Петров Иван")
      .waitFor();
    await page.getByRole("link", { name: "ПАО Сбербанк" }).click();
    await page.getByRole("tab", { name: "История" }).click();
    const transfer = page.getByRole("row").filter({ hasText: "Передача ответственному" });
    await transfer.getByText("Петров Иван").waitFor();
    await shot(page, "transfer-history");
  });

  it("deletes softly, and the admin restores from the deleted list", async () => {
    await page.getByRole("button", { name: "Другие действия" }).click();
    await page.getByRole("menuitem", { name: "Удалить" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Удалить" }).click();
    await page.waitForURL("**/clients");
    await page.getByText("Компания «ПАО Сбербанк» удалена").waitFor();
    await expect
      .poll(() => page.getByRole("link", { name: "ПАО Сбербанк" }).count(), { timeout: 10_000 })
      .toBe(0);
    await page.getByLabel("Удалённые").click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get("deleted"), { timeout: 10_000 })
      .toBe("only");
    await page.getByRole("button", { name: "Восстановить «ПАО Сбербанк»" }).click();
    await page.getByText("Компания «ПАО Сбербанк» восстановлена").waitFor();
    await page.getByLabel("Удалённые").click();
    await page.getByRole("link", { name: "ПАО Сбербанк" }).waitFor();
  });
});
