import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

/** Today's date on a Moscow clock (the default zone of a new user). */
function moscowToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Moscow" }).format(new Date());
}

/** Set E2E_SHOTS=/some/dir to keep screenshots of each step for a visual review. */
async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS)
    await page.screenshot({ path: `${process.env.E2E_SHOTS}/activities-${name}.png`, fullPage: true });
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

  it("moves a meeting to another day by dragging it in the week view", async () => {
    const today = moscowToday();
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    const shift = weekday === 0 ? -1 : 1;
    const target = new Date(Date.parse(`${today}T12:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
    const id = await page.evaluate(async (day) => {
      const res = await fetch("/api/v1/activities", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          type: "meeting",
          subject: "Встреча с закупками",
          dueAt: `${day}T15:00:00+03:00`,
          endAt: `${day}T16:00:00+03:00`,
        }),
      });
      return (await res.json()).id as string;
    }, today);
    await page.getByRole("tab", { name: "Календарь" }).click();
    const chip = page.getByTestId("calendar-event").filter({ hasText: "Встреча с закупками" });
    await chip.waitFor();
    await shot(page, "calendar");
    const from = (await chip.boundingBox())!;
    const to = (await page.locator(`[data-cell="${target}"]`).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 3 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 });
    await page.mouse.up();
    await page.getByText("Перенесено на").first().waitFor();
    const moved = await page.evaluate(async (aid) => (await fetch(`/api/v1/activities/${aid}`)).json(), id);
    expect(Date.parse(moved.dueAt)).toBe(Date.parse(`${target}T15:00:00+03:00`));
    expect(Date.parse(moved.endAt)).toBe(Date.parse(`${target}T16:00:00+03:00`));
  });

  it("shows the company's timeline with a new call, and the feed link in the profile", async () => {
    const company = await page.evaluate(async () => {
      const res = await fetch("/api/v1/companies", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "ООО «Лента событий»" }),
      });
      return (await res.json()).id as string;
    });
    await page.goto(`/clients/${company}?tab=timeline`);
    await page.getByText("Здесь появятся звонки").waitFor();
    await page.getByRole("button", { name: "Звонок", exact: true }).click();
    await page.getByLabel("Тема", { exact: true }).fill("Первый звонок");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await page.getByTestId("timeline").getByText("Первый звонок").waitFor();
    await shot(page, "timeline");
    await page.goto("/profile");
    await page.getByRole("button", { name: "Получить ссылку" }).click();
    const url = await page.getByLabel("Адрес календаря").inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]+\.ics$/);
    const ics = await page.evaluate(async (u) => (await fetch(u, { credentials: "omit" })).text(), url);
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    await shot(page, "profile");
  });
});
