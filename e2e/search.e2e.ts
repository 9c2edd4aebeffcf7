import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccordServer, ADMIN, adminEnv, closeBrowser, newPage, signIn, startAccord } from "./support";

async function shot(page: Page, name: string) {
  if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/search-${name}.png` });
}

let server: AccordServer;
let context: BrowserContext;
let page: Page;

/** Seeds through the API as the signed-in admin: the session cookie plus our own Origin. */
async function seedCompany(cookie: string, body: Record<string, unknown>) {
  const res = await fetch(`${server.url}/api/v1/companies`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url, Cookie: cookie },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  server = await startAccord(adminEnv);
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url },
    body: JSON.stringify(ADMIN),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  await seedCompany(cookie, {
    name: "ООО Поставка оборудования",
    inn: "7736050003",
    city: "Москва",
    phones: ["+7 (495) 123-45-67"],
    emails: ["sales@postavka.ru"],
  });
  await seedCompany(cookie, {
    name: "АО Ромашка",
    inn: "7702070139",
    city: "Казань",
    phones: ["+7 843 765-43-21"],
  });
  await seedCompany(cookie, { name: "ИП Петров", city: "Тверь" });

  ({ context, page } = await newPage(server.url));
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page);
});

afterAll(async () => {
  await context?.close();
  await closeBrowser();
  await server?.stop();
});

describe("global search", () => {
  const box = () => page.getByLabel("Поиск", { exact: true });
  const listbox = () => page.getByRole("listbox");

  it("focuses on `/` and finds a company by another word form", async () => {
    await box().waitFor();
    await page.locator("body").click({ position: { x: 600, y: 600 } });
    await page.keyboard.press("/");
    await expect.poll(() => box().evaluate((el) => el === document.activeElement)).toBe(true);
    // The slash is a shortcut, not a character of the query.
    expect(await box().inputValue()).toBe("");
    await page.keyboard.type("поставки");
    const hit = listbox().getByRole("option", { name: /ООО Поставка оборудования/ });
    await hit.waitFor();
    await listbox().getByText("Компании").waitFor();
    await shot(page, "words");
  });

  it("finds it by a part of the phone number in another format", async () => {
    await box().fill("123-45-67");
    const hit = listbox().getByRole("option", { name: /ООО Поставка оборудования/ });
    await hit.waitFor();
    await hit.getByText("Телефон").waitFor();
    expect(
      await listbox()
        .getByRole("option", { name: /Ромашка/ })
        .count(),
    ).toBe(0);
    await shot(page, "phone");
  });

  it("opens the card with Enter and closes with Esc", async () => {
    await box().fill("7736050003");
    await listbox()
      .getByRole("option", { name: /ООО Поставка оборудования/ })
      .waitFor();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "ООО Поставка оборудования" }).waitFor();
    await box().focus();
    await page.keyboard.type("ромашко");
    await listbox()
      .getByRole("option", { name: /АО Ромашка/ })
      .waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => listbox().count()).toBe(0);
  });

  it("leaves `/` alone while typing in another field", async () => {
    await page.goto("/clients");
    const filter = page.getByLabel("Название или ИНН");
    await filter.click();
    await page.keyboard.type("a/b");
    expect(await filter.inputValue()).toBe("a/b");
    expect(await box().evaluate((el) => el === document.activeElement)).toBe(false);
  });
});
