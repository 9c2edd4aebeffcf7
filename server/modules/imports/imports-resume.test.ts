import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, contacts, importErrors, imports } from "../../db/schema/index";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { importHooks, importSettings } from "./imports.runner";
import {
  badInn,
  companyCount,
  csv,
  inn10,
  makeJobsDue,
  runJobs,
  seedCompany,
  setTempDataDir,
  upload,
} from "./imports.test-support";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await createHarness();
  setTempDataDir(h);
  admin = await h.userWith("admin");
});
afterAll(() => h.close());

async function importFile(session: Session, content: string, fields: Record<string, string> = {}) {
  const res = await upload(
    h,
    "/api/v1/imports",
    session,
    { entity: "companies", ...fields },
    { name: "f.csv", content },
  );
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

const importRow = async (id: string) => (await h.ctx.db.select().from(imports).where(eq(imports.id, id)))[0]!;

describe("a crash in the middle of an import", () => {
  // 23 rows, 2 of them bad; batches of 5: rows 2–6, 7–11, 12–16, 17–21, 22–24.
  const rows = [["Наименование", "ИНН"]];
  for (let i = 0; i < 23; i++)
    rows.push([`Компания ${i}`, i === 3 || i === 17 ? badInn(100 + i) : inn10(100 + i)]);
  const file = csv(rows);

  it("leaves only whole batches and resumes to the result of an uninterrupted run", async () => {
    importSettings.batchSize = 5;
    const before = await companyCount(h);
    importHooks.afterBatchWrite = (batch) => {
      if (batch === 3) throw new Error("simulated crash");
    };
    let id: string;
    try {
      id = await importFile(admin, file);
      await runJobs(h);
    } finally {
      importHooks.afterBatchWrite = undefined;
    }
    // Two batches committed (10 rows, one of them bad), the third rolled back whole.
    const crashed = await importRow(id);
    expect(crashed).toMatchObject({ status: "running", position: 10, created: 9, failed: 1 });
    expect(await companyCount(h)).toBe(before + 9);
    const notes = await h.ctx.db.select().from(importErrors).where(eq(importErrors.importId, id));
    expect(notes.map((n) => n.row)).toEqual([5]);

    // The job is retried (here: made due at once) and resumes after row 11.
    await makeJobsDue(h);
    await runJobs(h);
    const done = await importRow(id);
    expect(done).toMatchObject({ status: "done", position: 23, total: 23, created: 21, failed: 2 });
    const rejected = await h.ctx.db.select().from(importErrors).where(eq(importErrors.importId, id));
    expect(rejected.map((n) => n.row).sort((a, b) => a - b)).toEqual([5, 19]);
    expect(await companyCount(h)).toBe(before + 21);

    // The same file imported without a crash gives the same companies (all matched now).
    const again = await importFile(admin, file);
    await runJobs(h);
    expect(await importRow(again)).toMatchObject({ status: "done", created: 0, unchanged: 21, failed: 2 });
    expect(await companyCount(h)).toBe(before + 21);
    const inns = rows.slice(1).map((r) => r[1]!);
    const [dups] = await h.ctx.db
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct inn)::int` })
      .from(companies)
      .where(inArray(companies.inn, inns));
    expect(dups).toEqual({ n: 21, distinct: 21 });
    importSettings.batchSize = 1000;
  });
});

describe("batches written side by side", () => {
  // Batches of 2: the second batch repeats the first one's INN and e-mail, so it must wait for
  // the first one's commit and match its company instead of creating a second one.
  it("a batch that repeats an INN or e-mail of the batch before matches that batch's company", async () => {
    importSettings.batchSize = 2;
    // The first batch's commit is held back long enough for the second batch to look for its
    // matches meanwhile: only waiting for that commit lets it see the first batch's company.
    importHooks.afterBatchWrite = (batch) =>
      batch === 1 ? new Promise((resolve) => setTimeout(resolve, 500)) : undefined;
    try {
      const before = await companyCount(h);
      const id = await importFile(
        admin,
        csv([
          ["Наименование", "ИНН", "Email"],
          ["Первая", inn10(500), "first@example.ru"],
          ["Вторая", inn10(501), ""],
          ["Первая снова", inn10(500), ""],
          ["Без ИНН", "", "first@example.ru"],
          ["Третья", inn10(502), ""],
          ["Четвёртая", inn10(503), ""],
        ]),
      );
      await runJobs(h);
      expect(await importRow(id)).toMatchObject({ status: "done", position: 6, created: 4, updated: 2 });
      expect(await companyCount(h)).toBe(before + 4);
      const first = await h.ctx.db
        .select()
        .from(companies)
        .where(eq(companies.inn, inn10(500)));
      expect(first.map((c) => [c.name, c.emails])).toEqual([["Без ИНН", ["first@example.ru"]]]);
    } finally {
      importSettings.batchSize = 1000;
      importHooks.afterBatchWrite = undefined;
    }
  });
});

describe("who may import what", () => {
  let managerA: Session;
  let managerB: Session;
  let head: Session;
  beforeAll(async () => {
    head = await h.userWith("head", { email: "head@example.ru" });
    managerA = await h.userWith("manager", { email: "a@example.ru", headId: head.user.id });
    managerB = await h.userWith("manager", { email: "b@example.ru" });
  });

  it("a manager's rows are their own, whoever the file names as the owner", async () => {
    const id = await importFile(
      managerA,
      csv([
        ["Наименование", "ИНН", "Ответственный"],
        ["Чужая по файлу", inn10(300), "b@example.ru"],
        ["Своя", inn10(301), "a@example.ru"],
      ]),
    );
    await runJobs(h);
    expect(await importRow(id)).toMatchObject({ status: "done", created: 2 });
    const rows = await h.ctx.db
      .select({ ownerId: companies.ownerId })
      .from(companies)
      .where(inArray(companies.inn, [inn10(300), inn10(301)]));
    expect(rows.map((r) => r.ownerId)).toEqual([managerA.user.id, managerA.user.id]);
  });

  it("a head may assign to their team, not to another team", async () => {
    const id = await importFile(
      head,
      csv([
        ["Наименование", "ИНН", "Ответственный"],
        ["Для A", inn10(310), "a@example.ru"],
        ["Для B", inn10(311), "b@example.ru"],
      ]),
    );
    await runJobs(h);
    expect(await importRow(id)).toMatchObject({ created: 2 });
    const owner = async (inn: string) =>
      (await h.ctx.db.select().from(companies).where(eq(companies.inn, inn)))[0]!.ownerId;
    expect(await owner(inn10(310))).toBe(managerA.user.id);
    expect(await owner(inn10(311))).toBe(head.user.id);
  });

  it("a manager cannot update another manager's company through an import", async () => {
    const theirs = await seedCompany(h, managerB.user.id, {
      name: "Клиент B",
      inn: inn10(320),
      city: "Омск",
    });
    const id = await importFile(
      managerA,
      csv([
        ["Наименование", "ИНН", "Город"],
        ["Перехват", inn10(320), "Сочи"],
      ]),
    );
    await runJobs(h);
    const result = (await h.get(`/api/v1/imports/${id}`, managerA)).json();
    expect(result).toMatchObject({ created: 0, updated: 0, failed: 1 });
    expect(result.errors[0]).toMatchObject({ row: 2, path: "inn" });
    const [after] = await h.ctx.db.select().from(companies).where(eq(companies.id, theirs.id));
    expect(after).toMatchObject({ name: "Клиент B", city: "Омск", ownerId: managerB.user.id, version: 1 });
  });

  it("a read-only API token may look at an import, not start or cancel one", async () => {
    const token = await h.post("/api/v1/api-tokens", { name: "ro", scope: "read" }, managerA);
    expect(token.statusCode, token.body).toBe(201);
    const ro = { token: token.json().token };
    const res = await h.post(
      "/api/v1/imports",
      { uploadId: "0190c2a0-0000-7000-8000-000000000001", entity: "companies" },
      ro,
    );
    expect(res.statusCode).toBe(403);
    const id = await importFile(managerA, csv([["Наименование"], ["Ждёт"]]));
    expect((await h.get(`/api/v1/imports/${id}`, ro)).statusCode).toBe(200);
    expect((await h.post(`/api/v1/imports/${id}/cancel`, {}, ro)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/imports/${id}/cancel`, {}, managerB)).statusCode).toBe(404);
    expect((await h.post(`/api/v1/imports/${id}/cancel`, {}, managerA)).json().status).toBe("cancelled");
  });
});

describe("contacts", () => {
  it("imports contacts linked to a company by its INN, matched by e-mail on a re-run", async () => {
    const company = await seedCompany(h, admin.user.id, { name: "Контора", inn: inn10(400) });
    const file = csv([
      ["ФИО", "Должность", "Email", "ИНН компании"],
      ["Иванов Иван Иванович", "Директор", "ivanov@kontora.ru", inn10(400)],
      ["Петрова Анна", "Бухгалтер", "petrova@kontora.ru", ""],
      ["Сидоров", "", "", inn10(401)],
    ]);
    const first = await importFile(admin, file, { entity: "contacts" });
    await runJobs(h);
    const result = (await h.get(`/api/v1/imports/${first}`, admin)).json();
    expect(result).toMatchObject({ status: "done", created: 2, failed: 1 });
    expect(result.errors[0]).toMatchObject({ row: 4, path: "companyInn" });
    const [ivanov] = await h.ctx.db.select().from(contacts).where(eq(contacts.lastName, "Иванов"));
    expect(ivanov).toMatchObject({
      firstName: "Иван",
      middleName: "Иванович",
      companyId: company.id,
      ownerId: admin.user.id,
    });
    const second = await importFile(admin, file, { entity: "contacts" });
    await runJobs(h);
    expect((await h.get(`/api/v1/imports/${second}`, admin)).json()).toMatchObject({
      created: 0,
      unchanged: 2,
    });
  });

  it("an erasure clears the kept rows of the error report that carried the person", async () => {
    await seedCompany(h, admin.user.id, { name: "Стирка", inn: inn10(410) });
    const file = csv([
      ["ФИО", "Должность", "Email", "Телефон", "ИНН компании"],
      ["Забытов Ефим", "Снабженец", "zabytov@stirka.ru", "+7 916 777-01-02", inn10(411)],
      ["Забытов Ефим", "Снабженец", "zabytov@stirka.ru", "+7 916 777-01-02", inn10(410)],
      ["Посторонний Лев", "", "lev@stirka.ru", "", inn10(411)],
    ]);
    const id = await importFile(admin, file, { entity: "contacts" });
    await runJobs(h);
    expect((await h.get(`/api/v1/imports/${id}`, admin)).json()).toMatchObject({ created: 1, failed: 2 });
    const [person] = await h.ctx.db
      .select()
      .from(contacts)
      .where(eq(contacts.emails, ["zabytov@stirka.ru"]));
    const kept = async () =>
      (await h.ctx.db.select().from(importErrors).where(eq(importErrors.importId, id)))
        .sort((a, b) => a.row - b.row)
        .map((e) => JSON.stringify(e.data));
    expect((await kept())[0]).toContain("zabytov@stirka.ru");

    expect((await h.post(`/api/v1/contacts/${person!.id}/erase`, {}, admin)).statusCode).toBe(200);
    const [forgotten, stranger] = await kept();
    expect(forgotten).toBe("null");
    expect(stranger).toContain("lev@stirka.ru");
  });
});
