import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uuidv7 } from "../../../core/uuid";
import { auditLog, companies, contacts } from "../../db/schema/index";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { inn10, seedCompany } from "../imports/imports.test-support";

let h: Harness;
let admin: Session;
let head: Session;
let managerA: Session;
let managerB: Session;
const INJECTION = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  h = await createHarness();
  admin = await h.userWith("admin");
  head = await h.userWith("head");
  managerA = await h.userWith("manager", { headId: head.user.id });
  managerB = await h.userWith("manager");
  await seedCompany(h, managerA.user.id, { name: INJECTION, inn: inn10(1), status: "client", tags: ["vip"] });
  await seedCompany(h, managerA.user.id, { name: "Альфа", phones: ["+7 495 123-45-67"], city: "Москва" });
  await seedCompany(h, managerB.user.id, { name: "Бета (чужая)", city: "Москва" });
  await seedCompany(h, admin.user.id, { name: "Гамма", status: "client" });
  const deleted = await seedCompany(h, managerA.user.id, { name: "Удалённая" });
  await h.ctx.db
    .update(companies)
    .set({ deletedAt: new Date().toISOString() })
    .where(eq(companies.id, deleted.id));
});
afterAll(() => h.close());

/** CSV lines without the BOM, split into cells (the test data has no quoted ";"). */
function parseCsv(body: string): string[][] {
  expect(body.startsWith("\uFEFF")).toBe(true);
  return body
    .slice(1)
    .trim()
    .split("\r\n")
    .map((line) => line.split(";").map((c) => c.replace(/^"|"$/g, "").replaceAll('""', '"')));
}

describe("company exports", () => {
  it("CSV: UTF-8 with BOM and ';', only visible rows, formula injection neutralised", async () => {
    const res = await h.get("/api/v1/exports/companies.csv", managerA);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="companies-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [titles, ...rows] = parseCsv(res.body);
    expect(titles!.slice(0, 3)).toEqual(["Наименование", "Полное наименование", "Тип"]);
    expect(rows.map((r) => r[0])).toEqual(
      ["'=cmd|' /C calc'!A0", "Альфа"].sort((a, b) => a.localeCompare(b, "ru")),
    );
    expect(res.body).not.toContain("Бета");
    expect(res.body).not.toContain("Удалённая");
    // A phone starting with "+" is a formula to Excel too.
    expect(res.body).toContain("'+7 495 123-45-67");
  });

  it("the list's filters apply, and an owner filter outside the reach yields nothing", async () => {
    const byStatus = parseCsv((await h.get("/api/v1/exports/companies.csv?status=client", admin)).body);
    expect(
      byStatus
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(["'=cmd|' /C calc'!A0", "Гамма"].sort());
    const foreign = await h.get(`/api/v1/exports/companies.csv?ownerId=${managerB.user.id}`, managerA);
    expect(foreign.statusCode).toBe(200);
    expect(parseCsv(foreign.body)).toHaveLength(1);
    const team = parseCsv((await h.get("/api/v1/exports/companies.csv?city=Москва", head)).body);
    expect(team.slice(1).map((r) => r[0])).toEqual(["Альфа"]);
  });

  it("XLSX opens with exceljs and holds the same rows, neutralised", async () => {
    const res = await h.get("/api/v1/exports/companies.xlsx?sort=-createdAt", admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Наименование");
    const names: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(1).value);
    });
    expect(names).toEqual(["Гамма", "Бета (чужая)", "Альфа", INJECTION.replace(/^/, "'")]);
    expect(names.some((v) => typeof v === "object")).toBe(false);
  });

  it("export is audited once, with the filter and the row count", async () => {
    await h.get("/api/v1/exports/companies.csv?city=Москва", managerA);
    const entries = await h.ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, managerA.user.id), eq(auditLog.action, "export")));
    const last = entries.at(-1)!;
    expect(last.entity).toBe("company");
    expect(last.changes).toMatchObject({
      rows: { to: 1 },
      format: { to: "csv" },
      filter: { to: { city: ["Москва"] } },
    });
  });

  it("who may not export: a department user (403), deleted rows for a manager (403), a bad sort (400)", async () => {
    const dept = await h.userWith("department");
    expect((await h.get("/api/v1/exports/companies.csv", dept)).statusCode).toBe(403);
    expect((await h.get("/api/v1/exports/companies.xlsx", dept)).statusCode).toBe(403);
    expect((await h.get("/api/v1/exports/companies.csv?deleted=only", managerA)).statusCode).toBe(403);
    expect((await h.get("/api/v1/exports/companies.csv?sort=password", admin)).statusCode).toBe(400);
    expect((await h.get("/api/v1/exports/companies.csv")).statusCode).toBe(401);
    const deleted = parseCsv((await h.get("/api/v1/exports/companies.csv?deleted=only", admin)).body);
    expect(deleted.slice(1).map((r) => r[0])).toEqual(["Удалённая"]);
  });
});

describe("contact exports", () => {
  it("exports the visible contacts with their company", async () => {
    const company = await seedCompany(h, managerA.user.id, { name: "Контора", inn: inn10(50) });
    const row = (lastName: string, ownerId: string, companyId: string | null) => ({
      id: uuidv7(),
      workspaceId: h.ctx.workspaceId,
      ownerId,
      companyId,
      lastName,
      emails: [`${lastName}@example.ru`.toLowerCase()],
    });
    await h.ctx.db
      .insert(contacts)
      .values([
        row("Иванов", managerA.user.id, company.id),
        row("@Петров", managerA.user.id, null),
        row("Чужой", managerB.user.id, null),
      ]);
    const csv = parseCsv((await h.get("/api/v1/exports/contacts.csv", managerA)).body);
    expect(csv[0]!.slice(0, 2)).toEqual(["Фамилия", "Имя"]);
    const rows = csv.slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(["'@Петров", "Иванов"].sort());
    expect(rows.find((r) => r[0] === "Иванов")!.slice(4, 6)).toEqual(["Контора", inn10(50)]);
    const xlsx = await h.get(`/api/v1/exports/contacts.xlsx?companyId=${company.id}`, admin);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(2);
  });
});
