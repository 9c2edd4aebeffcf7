import ExcelJS from "exceljs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNTHETIC_BALANCE } from "../core/scoring/synthetic-balance";
import {
  type RegistryServer,
  startRegistryServer,
  TOKEN,
} from "../server/modules/reliability/registry.fixtures";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

/** Set E2E_SHOTS=/some/dir to keep screenshots of each step for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/reliability-${name}.png`, fullPage: true });
}

let registry: RegistryServer;
let server: AccordServer;
let context: BrowserContext;
let page: Page;
let companyId = "";

beforeAll(async () => {
  registry = await startRegistryServer();
  server = await startAccord({
    ...adminEnv,
    ACCORD_REGISTRY_URL: registry.url,
    ACCORD_REGISTRY_TOKEN: TOKEN,
  });
  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page);
  const res = await context.request.post(`${server.url}/api/v1/companies`, {
    headers: { Origin: server.url },
    data: { name: "ПАО Сбербанк", inn: "7707083893", kpp: "773601001" },
  });
  expect(res.status()).toBe(201);
  companyId = (await res.json()).id;
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
  await registry?.close();
});

describe("counterparty reliability", () => {
  it("opens the company's Reliability tab and checks the registry", async () => {
    await page.goto(`/clients/${companyId}`);
    await page.getByRole("tab", { name: "Надёжность" }).click();
    await page.getByRole("heading", { name: "Реестр" }).waitFor();
    await page.getByRole("button", { name: "Проверить в реестре" }).click();
    await page.getByText("Действующая", { exact: true }).waitFor();
    await page.getByText("Греф Герман Оскарович", { exact: false }).waitFor();
    await shot(page, "registry");
  });

  it("enters a year of statements by pasting and saving, then sees the models and the grade", async () => {
    await page.getByLabel("Год", { exact: true }).fill("2025");
    await page.getByRole("button", { name: "Добавить год" }).click();
    await page.getByRole("button", { name: "Вставить из буфера" }).click();
    // Two years side by side, as copied from a spreadsheet: 2024 had less revenue.
    const text = Object.entries(SYNTHETIC_BALANCE)
      .map(([code, value]) => `${code}\t${value}\t${code === "2110" ? 120000 : value}`)
      .join("\n");
    await page.getByLabel("Текст").fill(`Бухгалтерский баланс\nКод\t2025\t2024\n${text}`);
    await page.getByRole("button", { name: "Разобрать" }).click();
    await expect.poll(() => page.getByLabel("1600, 2025").inputValue()).toBe("100000");
    // A typo is refused with the line and the reason, and nothing is saved.
    await page.getByLabel("1600, 2025").fill("90000");
    await page.getByRole("button", { name: "Сохранить 2025" }).click();
    await page.getByText("Итог баланса (1600) не равен сумме разделов").waitFor();
    await page.getByLabel("1600, 2025").fill("100000");
    await page.getByRole("button", { name: "Сохранить 2025" }).click();
    await page.getByText("Отчётность за 2025 сохранена").waitFor();
    await page.getByRole("button", { name: "Сохранить 2024" }).click();
    await page.getByText("Отчётность за 2024 сохранена").waitFor();
    // Revenue grew from 2024 to 2025: the arrow says so, and the chart draws the years.
    await page
      .getByRole("row", { name: /2110 Выручка/ })
      .getByLabel("рост")
      .waitFor();
    await page.getByText("Выручка, капитал и чистая прибыль по годам, тыс. ₽").waitFor();

    const models = page.getByRole("table", { name: "Модели прогнозирования банкротства" });
    await models.getByRole("row", { name: /Альтман Z \(1968\).*3,0554/ }).waitFor();
    await models.getByRole("row", { name: /Сайфуллин–Кадыков.*0,6338.*неудовлетворительное/ }).waitFor();
    // With 2024 present, Zaitseva's norm uses its asset load: 1.57 + 0.1 × 100000/120000.
    await models.getByRole("row", { name: /Зайцева.*1,2089.*Норматив 1,6533/ }).waitFor();
    await page.getByText("Модели расходятся — смотрите вывод каждой.").waitFor();
    await page.getByTestId("reliability-grade").filter({ hasText: "Оценка A — надёжный" }).waitFor();
    await page.getByTestId("credit-limit").filter({ hasText: "7 500 000" }).waitFor();
    await shot(page, "models");
  });

  it("imports an earlier year from an XLSX file", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Баланс");
    sheet.addRow(["Код", 2023]);
    for (const [code, value] of Object.entries(SYNTHETIC_BALANCE)) sheet.addRow([code, Number(value) * 0.8]);
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    await page.locator('input[type="file"][accept*=".xlsx"]').setInputFiles({
      name: "balance-2023.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await expect.poll(() => page.getByLabel("1600, 2023").inputValue()).toBe("80000");
    await page.getByRole("button", { name: "Сохранить 2023" }).click();
    await page.getByText("Отчётность за 2023 сохранена").waitFor();
  });

  it("shows the grade in the clients list", async () => {
    await page.goto("/clients");
    await page.getByRole("link", { name: "ПАО Сбербанк" }).waitFor();
    await page.getByLabel("Оценка A — надёжный").first().waitFor();
  });
});
