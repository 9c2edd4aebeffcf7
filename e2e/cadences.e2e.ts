import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowToday } from "../core/moscow-time";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/cadences-${name}.png`, fullPage: true });
}

let server: AccordServer;
let context: BrowserContext;
let page: Page;
let companyId = "";

beforeAll(async () => {
  server = await startAccord(adminEnv);
  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
  // The client comes through the API, with the browser's session (writes carry our Origin).
  const res = await context.request.post(`${server.url}/api/v1/companies`, {
    data: { name: "ООО «Схема Тест»", status: "client" },
    headers: { origin: server.url },
  });
  expect(res.status()).toBe(201);
  companyId = (await res.json()).id;
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
});

describe("contact schemes", () => {
  it("designs a scheme with ordered steps, reordered from the keyboard", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Схемы работы" }).click();
    await page.getByText("Схем пока нет").waitFor();
    await page.getByRole("link", { name: "Новая схема" }).first().click();
    await page.waitForURL("**/cadences/new");
    await page.getByLabel("Название", { exact: true }).fill("Знакомство с клиентом");
    // Step 1 is an e-mail after 2 working days; step 2, added, is a call at once; then the call goes first.
    await page.getByLabel("Тип").first().selectOption("email");
    await page.getByLabel("Пауза, рабочих дней").first().fill("2");
    await page.getByLabel("Тема задачи").first().fill("Письмо с презентацией");
    await page.getByRole("button", { name: "Добавить шаг" }).click();
    await page.getByLabel("Тема задачи").nth(1).fill("Звонок-знакомство");
    await page.getByLabel("Сценарий / текст").nth(1).fill("Здравствуйте! Меня зовут…");
    await page.getByLabel("Тема задачи").nth(1).press("Alt+ArrowUp");
    await expect.poll(() => page.getByLabel("Тема задачи").first().inputValue()).toBe("Звонок-знакомство");
    await shot(page, "designer");
    await page.getByRole("button", { name: "Сохранить схему" }).click();
    await page.getByText("Схема сохранена").waitFor();
    await page.waitForURL(/\/cadences\/[0-9a-f-]{36}$/);
    await page.getByText("В схеме пока никого").waitFor();
  });

  /** The last working day up to today in Moscow, by the production calendar (Mon–Fri and its exceptions). */
  async function lastWorkingDay(): Promise<string> {
    const exceptions = new Map<string, string>();
    const years = new Set<number>();
    const day = new Date(`${moscowToday()}T00:00:00Z`);
    for (let i = 0; i < 30; i++, day.setUTCDate(day.getUTCDate() - 1)) {
      const iso = day.toISOString().slice(0, 10);
      if (!years.has(day.getUTCFullYear())) {
        years.add(day.getUTCFullYear());
        const res = await context.request.get(
          `${server.url}/api/v1/calendar/production?year=${day.getUTCFullYear()}`,
        );
        for (const d of (await res.json()).days as { day: string; kind: string }[])
          exceptions.set(d.day, d.kind);
      }
      const kind = exceptions.get(iso);
      const weekday = day.getUTCDay() >= 1 && day.getUTCDay() <= 5;
      if (kind === "workday" || kind === "short" || (weekday && kind !== "holiday")) return iso;
    }
    throw new Error("no working day in the last 30 days");
  }

  it("enrols the company from its card and shows the first task at once", async () => {
    await page.goto(`/clients/${companyId}`);
    await page.getByRole("heading", { name: "ООО «Схема Тест»" }).waitFor();
    await page.getByText("Клиент не записан ни в одну схему.").waitFor();
    await page.getByRole("button", { name: "Записать в схему" }).click();
    const dialog = page.getByRole("dialog", { name: "Запись в схему работы" });
    await dialog.getByLabel("Схема").selectOption({ label: "Знакомство с клиентом" });
    // On a day off (a Moscow weekend or holiday) the first step would wait for the next working
    // day; starting from the last working day keeps "at once" true whenever the test runs.
    const startOn = await lastWorkingDay();
    if (startOn !== moscowToday()) await dialog.getByLabel("Начать с даты").fill(startOn);
    await dialog.getByRole("button", { name: "Записать", exact: true }).click();
    await page.getByText("Записано: 1, уже были в схеме: 0").waitFor();
    // The first step (a call, no pause) became a task of the owner right away.
    const row = page.getByRole("row", { name: /Знакомство с клиентом/ });
    await row.getByText("Звонок: Звонок-знакомство").waitFor();
    await row.getByText("1 из 2").waitFor();
    await shot(page, "card");
    const tasks = await context.request.get(`${server.url}/api/v1/cadence-enrolments?companyId=${companyId}`);
    const [enrolment] = (await tasks.json()).items;
    expect(enrolment.currentTask).toMatchObject({ type: "call", subject: "Звонок-знакомство" });
  });

  it("lists the scheme with its numbers and stops the enrolment", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Схемы работы" }).click();
    await page.getByText("Клиенты в схемах").waitFor();
    await page.getByRole("link", { name: "Знакомство с клиентом" }).click();
    await page.getByText("Записанные клиенты").waitFor();
    await page.getByRole("button", { name: "Остановить" }).click();
    await page.getByText("Запись остановлена").waitFor();
    await page.getByText("Остановлена: вручную").waitFor();
  });

  it("lets the admin declare a day off in the production calendar", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Настройки" }).click();
    await page.getByRole("tab", { name: "Производственный календарь" }).click();
    await page.waitForURL("**/settings/calendar");
    await page.getByLabel("Год").selectOption("2026");
    const count = page.getByTestId("working-days");
    await expect.poll(() => count.textContent()).toBe("Рабочих дней: 247");
    // 11 May 2026 is the day off moved from Saturday 9 May (decree № 1466).
    await page.getByRole("button", { name: "2026-05-11: праздник / перенос" }).waitFor();
    const day = page.getByRole("button", { name: "2026-05-12: рабочий" });
    await day.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "2026-05-12: праздник / перенос" }).waitFor();
    await expect.poll(() => count.textContent()).toBe("Рабочих дней: 246");
    await shot(page, "calendar");
  });

  it("shows Needs attention with what to do when every client is on track", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Требуют внимания" }).click();
    await page.getByText("Все клиенты в норме.", { exact: false }).waitFor();
  });
});
