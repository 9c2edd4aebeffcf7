import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, companies } from "../../db/schema/index";
import type { Harness, Session } from "../../test/harness";
import { digitGrams } from "../search/search.digits";
import {
  badInn,
  companyCount,
  cp1251,
  csv,
  importHeader as header,
  inn10,
  openImportHarness,
  runJobs,
  seedCompany,
  upload,
  xlsx,
} from "./imports.test-support";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  ({ h, admin } = await openImportHarness());
});
afterAll(() => h.close());

async function startImport(session: Session, uploadId: string, dryRun: boolean, mapping?: unknown) {
  const res = await h.post("/api/v1/imports", { uploadId, entity: "companies", dryRun, mapping }, session);
  expect(res.statusCode, res.body).toBe(202);
  return res.json() as { id: string; status: string };
}

async function finished(session: Session, id: string) {
  await runJobs(h);
  const res = await h.get(`/api/v1/imports/${id}`, session);
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe("dry run, real run, error report", () => {
  let uploadId: string;
  let existingByInn: string;
  let existingByEmail: string;
  const rows = [
    header,
    ["ООО Альфа", inn10(10), "770101001", "", "", "Москва", "", ""], // row 2: update by INN
    ["Бета", "", "", "hello@beta.ru", "", "Казань", "", "vip"], // row 3: update by email
    ["ООО Гамма", inn10(12), "", "gamma@example.ru", "+7 (495) 111-22-33", "Тверь", "", "опт, vip"], // row 4: create
    ["ООО Дельта", badInn(13), "", "", "", "", "", ""], // row 5: INN checksum
    ["", inn10(14), "", "", "", "", "", ""], // row 6: no name
    ["ООО Эпсилон", "", "", "not-an-email", "", "", "", ""], // row 7: bad e-mail
    ["Гамма филиал", inn10(12), "", "", "", "Тверь", "", "розница"], // row 8: same INN as row 4
  ];

  beforeAll(async () => {
    existingByInn = (await seedCompany(h, admin.user.id, { name: "Альфа", inn: inn10(10), city: "Тула" })).id;
    existingByEmail = (await seedCompany(h, admin.user.id, { name: "Бета", emails: ["hello@beta.ru"] })).id;
    const res = await upload(
      h,
      "/api/v1/imports/preview",
      admin,
      {},
      { name: "clients.csv", content: cp1251(csv(rows)) },
    );
    uploadId = res.json().uploadId;
  });

  it("a dry run reports every row with field and reason, and writes nothing", async () => {
    const before = await companyCount(h);
    const started = await startImport(admin, uploadId, true);
    expect(started.status).toBe("queued");
    const result = await finished(admin, started.id);
    expect(result).toMatchObject({
      status: "done",
      dryRun: true,
      total: 7,
      processed: 7,
      created: 1,
      updated: 3,
      failed: 3,
    });
    expect(result.errors.map((e: { row: number; path: string }) => [e.row, e.path])).toEqual([
      [5, "inn"],
      [6, "name"],
      [7, "emails"],
    ]);
    expect(result.errors[0].message).toMatch(/контрольн/);
    expect(await companyCount(h)).toBe(before);
    const [alpha] = await h.ctx.db.select().from(companies).where(eq(companies.id, existingByInn));
    expect(alpha!.city).toBe("Тула");
    const plan = await h.get(`/api/v1/imports/${started.id}/plan.csv`, admin);
    expect(plan.statusCode).toBe(200);
    expect(plan.body.startsWith("\uFEFF")).toBe(true);
    const lines = plan.body.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 7);
    expect(lines.find((l) => l.startsWith("8;"))).toMatch(/обновить;;Совпадение со строкой 4/);
    expect(lines.find((l) => l.startsWith("4;"))).toMatch(/создать/);
    expect(lines.find((l) => l.startsWith("5;"))).toMatch(/отклонить;inn;/);
  });

  it("the real run creates and updates (INN, then e-mail) and the report lists the bad rows", async () => {
    const before = await companyCount(h);
    const started = await startImport(admin, uploadId, false);
    const result = await finished(admin, started.id);
    expect(result).toMatchObject({ status: "done", dryRun: false, created: 1, updated: 3, failed: 3 });
    expect(await companyCount(h)).toBe(before + 1);
    const [alpha] = await h.ctx.db.select().from(companies).where(eq(companies.id, existingByInn));
    expect(alpha).toMatchObject({ name: "ООО Альфа", city: "Москва", kpp: "770101001", version: 2 });
    const [beta] = await h.ctx.db.select().from(companies).where(eq(companies.id, existingByEmail));
    expect(beta).toMatchObject({ city: "Казань", tags: ["vip"] });
    const [gamma] = await h.ctx.db
      .select()
      .from(companies)
      .where(eq(companies.inn, inn10(12)));
    expect(gamma).toMatchObject({
      name: "Гамма филиал",
      ownerId: admin.user.id,
      createdBy: admin.user.id,
      tags: ["опт", "vip", "розница"],
      phones: ["+7 (495) 111-22-33"],
      emails: ["gamma@example.ru"],
    });
    expect(gamma!.phoneSearch).toContain("74951112233");
    // The import fills the digits index itself, for the rows it creates and those it updates.
    for (const row of [gamma!, alpha!, beta!])
      expect(row.digitGrams).toEqual(digitGrams(row.inn, row.phoneSearch));
    expect(gamma!.digitGrams).toContain(4951); // a window of +7 (495) 111-22-33

    const report = await h.get(`/api/v1/imports/${started.id}/errors.csv`, admin);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(`Строка;Поле;Колонка;Ошибка;${header.join(";")}`);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`5;inn;ИНН;`);
    expect(lines[1]).toContain(badInn(13));
    expect(lines[2]).toMatch(/^6;name;Наименование;/);
    expect(lines[3]).toMatch(/^7;emails;Эл\. почта;.*not-an-email/);

    const audit = await h.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, started.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "import", entity: "import", userId: admin.user.id });
    expect(audit[0]!.changes).toMatchObject({ created: { to: 1 }, updated: { to: 3 }, failed: { to: 3 } });
  });

  it("running the same import again changes nothing and creates no duplicates", async () => {
    const before = await h.ctx.db.select().from(companies).orderBy(companies.id);
    const started = await startImport(admin, uploadId, false);
    const result = await finished(admin, started.id);
    expect(result).toMatchObject({ status: "done", created: 0, failed: 3 });
    expect(result.updated + result.unchanged).toBe(4);
    const after = await h.ctx.db.select().from(companies).orderBy(companies.id);
    expect(after.map((c) => [c.id, c.name, c.inn, c.tags, c.emails])).toEqual(
      before.map((c) => [c.id, c.name, c.inn, c.tags, c.emails]),
    );
  });

  it("the error report neutralises formulas from the file", async () => {
    const file = csv([
      ["Наименование", "Email"],
      ['=HYPERLINK("http://evil")', "=cmd|' /C calc'!A0"],
    ]);
    const res = await upload(
      h,
      "/api/v1/imports",
      admin,
      { entity: "companies" },
      { name: "evil.csv", content: file },
    );
    await finished(admin, res.json().id);
    const report = (await h.get(`/api/v1/imports/${res.json().id}/errors.csv`, admin)).body;
    expect(report).toContain(";'=cmd|' /C calc'!A0");
    expect(report).not.toMatch(/;=/);
  });

  it("imports lists show own imports; someone else's import is 404; a finished import cannot be cancelled", async () => {
    const manager = await h.userWith("manager");
    const list = await h.get("/api/v1/imports?limit=2", admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect(list.json().nextCursor).not.toBeNull();
    expect((await h.get("/api/v1/imports", manager)).json().items).toEqual([]);
    const id = list.json().items[0].id;
    expect((await h.get(`/api/v1/imports/${id}`, manager)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/imports/${id}/errors.csv`, manager)).statusCode).toBe(404);
    const cancel = await h.post(`/api/v1/imports/${id}/cancel`, {}, admin);
    expect(cancel.statusCode).toBe(422);
  });
});

describe("XLSX and multipart in one call", () => {
  it("imports an XLSX sent together with its fields", async () => {
    const file = await xlsx([
      ["Название компании", "ИНН", "БИК", "Р/с", "Email рабочий", "Статус"],
      ["ООО Ксения", Number(inn10(20)), 44525225, "40702810938000012345", "x@ksenia.ru", "Клиент"],
      ["ИП Петров", "", "", "", "petrov@ip.ru", "Потенциальный"],
    ]);
    const res = await upload(
      h,
      "/api/v1/imports",
      admin,
      { entity: "companies" },
      { name: "from-1c.xlsx", content: file },
    );
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ format: "xlsx", encoding: null });
    const result = await finished(admin, res.json().id);
    expect(result, JSON.stringify(result.error)).toMatchObject({ status: "done", created: 2, failed: 0 });
    const [ksenia] = await h.ctx.db
      .select()
      .from(companies)
      .where(eq(companies.inn, inn10(20)));
    expect(ksenia).toMatchObject({
      name: "ООО Ксения",
      status: "client",
      bik: "044525225",
      emails: ["x@ksenia.ru"],
    });
  });

  it("a cancelled import writes nothing", async () => {
    const before = await companyCount(h);
    const file = csv([["Наименование"], ["Отменённая"]]);
    const res = await upload(
      h,
      "/api/v1/imports",
      admin,
      { entity: "companies" },
      { name: "c.csv", content: file },
    );
    const cancel = await h.post(`/api/v1/imports/${res.json().id}/cancel`, {}, admin);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe("cancelled");
    await runJobs(h);
    expect((await h.get(`/api/v1/imports/${res.json().id}`, admin)).json().status).toBe("cancelled");
    expect(await companyCount(h)).toBe(before);
  });

  it("refuses a mapping to an unknown field or column", async () => {
    const res = await upload(
      h,
      "/api/v1/imports/preview",
      admin,
      {},
      { name: "m.csv", content: "Наименование\r\nА\r\n" },
    );
    const bad = await h.post(
      "/api/v1/imports",
      { uploadId: res.json().uploadId, entity: "companies", mapping: { Наименование: "password" } },
      admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("mapping.Наименование");
  });
});
