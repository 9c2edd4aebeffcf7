import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, startAccord } from "./support";

async function signIn(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Электронная почта").fill(ADMIN.email);
  await page.getByLabel("Пароль", { exact: true }).fill(ADMIN.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Today's date on a Moscow clock (the default zone of a new user). */
function moscowToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
}

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

describe("My day", () => {
  it("creates a task due today, shows it in My day and completes it with one click", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "Дела" }).click();
    await page.waitForURL("**/activities");
    await page.getByText("На сегодня дел нет").waitFor();

    await page.getByRole("button", { name: "Задача", exact: true }).click();
    await page.getByLabel("Тема", { exact: true }).fill("Позвонить в «Ромашку»");
    await page.getByLabel("Когда", { exact: true }).fill(`${moscowToday()}T23:59`);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await page.getByText("Дело добавлено").waitFor();

    const today = page.getByTestId("my-day-today");
    await today.getByText("Позвонить в «Ромашку»").waitFor();
    const box = today.getByRole("checkbox", { name: "Отметить «Позвонить в «Ромашку»» выполненным" });
    expect(await box.isChecked()).toBe(false);
    await box.click();
    await page.getByText("Дело выполнено").first().waitFor();
    await expect.poll(() => today.getByRole("checkbox", { name: "Вернуть в работу" }).count()).toBe(1);

    // The server agrees: done, in today's list.
    const day = await page.evaluate(async () => (await fetch("/api/v1/activities/my-day")).json());
    expect(day.today).toHaveLength(1);
    expect(day.today[0].doneAt).not.toBeNull();
  });

  it("completes an overdue task from the keyboard; overdue items are marked red", async () => {
    const created = await page.evaluate(async () => {
      const res = await fetch("/api/v1/activities", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          type: "task",
          subject: "Просроченный отчёт",
          dueAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
        }),
      });
      return res.status;
    });
    expect(created).toBe(201);
    await page.reload();
    const overdue = page.getByTestId("my-day-overdue");
    const item = overdue.getByTestId("activity-item").filter({ hasText: "Просроченный отчёт" });
    await item.waitFor();
    expect(await item.getAttribute("data-overdue")).toBe("true");
    await item.getByText("Просрочено", { exact: true }).waitFor();
    await item.getByRole("checkbox").focus();
    await page.keyboard.press("Space");
    await expect.poll(() => overdue.getByText("Просроченный отчёт").count()).toBe(0);
  });
});
