import { readFile } from "node:fs/promises";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/import-${name}.png`, fullPage: true });
}

// Three good rows, a bad INN checksum (row 5) and a missing name (row 6), as a 1C export would have it.
const CSV = [
  "Наименование;ИНН;Город;Телефон",
  "ООО «Газовик»;7736050003;Москва;+7 495 111-22-33",
  "АО «Банк ВТБ»;7702070139;Санкт-Петербург;+7 812 222-33-44",
  "ООО «Северсталь-Трейд»;7710140679;Череповец;",
  "ООО «Опечатка»;7707083894;Москва;",
  ";7728168971;Казань;",
].join("\r\n");

/** The number on a result card, by its label ("Будет создано", "Ошибок" …). */
const count = (label: string) =>
  page.getByRole("group", { name: label }).locator("[data-count]").textContent();

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

describe("import of clients", () => {
  it("maps the columns of an uploaded CSV automatically", async () => {
    await page.goto("/clients");
    await page.getByRole("link", { name: "Импорт" }).first().click();
    await page.waitForURL("**/clients/import");
    await shot(page, "upload");
    await page.getByLabel("Файл для импорта").setInputFiles({
      name: "clients.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV, "utf-8"),
    });
    await page.getByText("Сопоставьте колонки").waitFor();
    expect(await page.getByLabel("Поле для колонки «Наименование»").inputValue()).toBe("name");
    expect(await page.getByLabel("Поле для колонки «ИНН»").inputValue()).toBe("inn");
    expect(await page.getByLabel("Поле для колонки «Телефон»").inputValue()).toBe("phones");
    await shot(page, "mapping");
  });

  it("shows the rejections of a dry run row by row, with reasons", async () => {
    await page.getByRole("button", { name: "Проверить (пробный прогон)" }).click();
    await page.waitForURL(/\/clients\/import\/[0-9a-f-]{36}\?upload=/);
    await page.getByRole("heading", { name: "Проверка завершена" }).waitFor({ timeout: 30_000 });
    const plan = page.getByRole("table", { name: "Результат пробного прогона" });
    await plan.waitFor();
    const rejected = plan.getByRole("row").filter({ hasText: "отклонить" });
    await expect.poll(() => rejected.count()).toBe(2);
    await rejected.filter({ hasText: "ИНН не проходит проверку контрольной суммы" }).first().waitFor();
    await rejected.filter({ hasText: "Обязательное поле" }).first().waitFor();
    expect(await plan.getByRole("row").filter({ hasText: "создать" }).count()).toBe(3);
    expect(await count("Будет создано")).toBe("3");
    expect(await count("Будет отклонено")).toBe("2");
    // The result lives at its own address: a reload shows it again.
    await page.reload();
    await page.getByRole("heading", { name: "Проверка завершена" }).waitFor();
    await shot(page, "dry-run");
  });

  it("imports for real with a progress bar, then offers the error report", async () => {
    const dryRunUrl = page.url();
    await page.getByRole("button", { name: "Импортировать" }).click();
    await page.waitForURL(
      (url) => url.href !== dryRunUrl && /\/clients\/import\/[0-9a-f-]{36}$/.test(url.pathname),
    );
    await page.getByRole("heading", { name: "Импорт завершён" }).waitFor({ timeout: 30_000 });
    // Reloading the page of a finished (or running) import shows the same import.
    await page.reload();
    await page.getByRole("heading", { name: "Импорт завершён" }).waitFor();
    expect(await count("Создано")).toBe("3");
    expect(await count("Ошибок")).toBe("2");
    await page.getByRole("table", { name: "Строки с ошибками" }).getByText("Обязательное поле").waitFor();
    await shot(page, "done");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Скачать отчёт об ошибках" }).click(),
    ]);
    const path = await download.path();
    const report = await readFile(path, "utf-8");
    expect(report).toContain("ИНН не проходит проверку контрольной суммы");
    expect(report).toContain("Обязательное поле");
    expect(report).toContain("7707083894");
    expect(report.split(/\r?\n/).filter(Boolean)).toHaveLength(3);

    await page.getByRole("link", { name: "Перейти к клиентам" }).click();
    await page.getByRole("link", { name: "ООО «Газовик»" }).waitFor();
    expect(await page.getByRole("link", { name: "ООО «Опечатка»" }).count()).toBe(0);
  });
});
