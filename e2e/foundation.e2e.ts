import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, closeBrowser, newPage, startAccord } from "./support";

let server: AccordServer;
beforeAll(async () => {
  server = await startAccord();
});
afterAll(async () => {
  await closeBrowser();
  await server?.stop();
});

describe("first run", () => {
  it("setup → sign in → switch language → create a manager → sign in as that manager", async () => {
    const { context, page } = await newPage(server.url, "ru-RU");
    await page.goto("/");
    // No user yet: the setup page.
    await page.getByRole("button", { name: "Создать администратора" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/setup");
    await page.getByLabel("ФИО", { exact: true }).fill("Анна Админова");
    await page.getByLabel("Электронная почта", { exact: true }).fill("admin@example.ru");
    await page.getByLabel("Пароль", { exact: true }).fill("correct horse battery");
    await page.getByRole("button", { name: "Создать администратора" }).click();
    await page.getByRole("navigation").getByText("Клиенты").waitFor();

    // Sign out and in again.
    await page.getByRole("button", { name: "Меню пользователя" }).click();
    await page.getByText("Выйти").click();
    await page.getByRole("button", { name: "Войти" }).waitFor();
    await page.getByLabel("Электронная почта", { exact: true }).fill("admin@example.ru");
    await page.getByLabel("Пароль", { exact: true }).fill("correct horse battery");
    await page.getByRole("button", { name: "Войти" }).click();
    await page.getByRole("navigation").getByText("Клиенты").waitFor();

    // Switch to English: the shell speaks English.
    await page.getByRole("button", { name: "EN", exact: true }).click();
    await page.getByRole("navigation").getByText("Clients").waitFor();
    expect(await page.getByRole("navigation").getByText("Deals").isVisible()).toBe(true);

    // Create a manager in Settings → Users.
    await page.getByRole("navigation").getByText("Settings").click();
    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email", { exact: true }).fill("manager@example.ru");
    await dialog.getByLabel("Full name", { exact: true }).fill("Пётр Менеджеров");
    await dialog.getByLabel("Role", { exact: true }).selectOption("manager");
    await dialog.getByLabel("Password", { exact: true }).fill("manager password 1");
    await dialog.getByRole("button", { name: "Create" }).click();
    await page.getByRole("cell", { name: "manager@example.ru" }).waitFor();
    await context.close();

    // The manager signs in in a fresh browser; the language is English there too once chosen.
    const second = await newPage(server.url, "en-US");
    await second.page.goto("/login");
    await second.page.getByLabel("Email", { exact: true }).fill("manager@example.ru");
    await second.page.getByLabel("Password", { exact: true }).fill("manager password 1");
    await second.page.getByRole("button", { name: "Sign in" }).click();
    await second.page.getByRole("navigation").getByText("Clients").waitFor();
    const me = await second.page.evaluate(async () => (await fetch("/api/v1/auth/me")).json());
    expect(me).toMatchObject({ email: "manager@example.ru", role: "manager" });
    await second.context.close();
  });
});
