import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Harness, Session } from "../../test/harness";
import {
  cp1251,
  csv,
  importHeader as header,
  inn10,
  openImportHarness,
  upload,
  xlsx,
} from "./imports.test-support";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  ({ h, admin } = await openImportHarness());
});
afterAll(() => h.close());

describe("import preview: what the file is, by its content", () => {
  it("auto-maps a Windows-1251 CSV with ';' and Russian headers", async () => {
    const file = cp1251(
      csv([
        header,
        ["ООО «Ромашка»", inn10(1), "770101001", "info@romashka.ru", "+7 495 123-45-67", "Москва", "", "опт"],
      ]),
    );
    const res = await upload(
      h,
      "/api/v1/imports/preview",
      admin,
      { entity: "companies" },
      { name: "clients.csv", content: file },
    );
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ format: "csv", encoding: "windows-1251", delimiter: ";", header });
    expect(preview.rows[0][0]).toBe("ООО «Ромашка»");
    expect(preview.suggestedMapping).toEqual({
      Наименование: "name",
      ИНН: "inn",
      КПП: "kpp",
      "Эл. почта": "emails",
      "Рабочий телефон": "phones",
      Город: "city",
      Ответственный: "owner",
      Теги: "tags",
    });
  });

  it("detects UTF-8 with a BOM and ',' and English headers", async () => {
    const text = `\uFEFF${csv(
      [
        ["Name", "INN", "E-mail", "Phone"],
        ["Acme", inn10(2), "a@acme.ru", "8 916 000-00-00"],
      ],
      ",",
    )}`;
    const res = await upload(h, "/api/v1/imports/preview", admin, {}, { name: "acme.csv", content: text });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      encoding: "utf-8-bom",
      delimiter: ",",
      header: ["Name", "INN", "E-mail", "Phone"],
      suggestedMapping: { Name: "name", INN: "inn", "E-mail": "emails", Phone: "phones" },
    });
  });

  it("detects UTF-8 without a BOM and tab-separated columns", async () => {
    const text = csv(
      [
        ["Компания", "ИНН", "Сайт"],
        ["Ёлка, ООО", inn10(3), "https://elka.ru"],
      ],
      "\t",
    );
    const res = await upload(h, "/api/v1/imports/preview", admin, {}, { name: "elka.txt", content: text });
    expect(res.json()).toMatchObject({
      encoding: "utf-8",
      delimiter: "\t",
      rows: [["Ёлка, ООО", inn10(3), "https://elka.ru"]],
      suggestedMapping: { Компания: "name", ИНН: "inn", Сайт: "website" },
    });
  });

  it("refuses a file that is not what its name says", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const zipOfText = await xlsx([["a"]]);
    const cases: [string, Buffer | string, number][] = [
      ["photo.csv", png, 415],
      ["table.csv", zipOfText, 415], // a real XLSX under a .csv name
      ["table.xlsx", "Наименование;ИНН\r\nА;1\r\n", 415], // text under an .xlsx name
      ["old.xls", Buffer.from("d0cf11e0a1b11ae1000000000000", "hex"), 415],
      ["archive.xlsx", zipWithout(), 415], // a ZIP without spreadsheet content types
      ["empty.csv", "", 422],
    ];
    for (const [name, content, status] of cases) {
      const res = await upload(h, "/api/v1/imports/preview", admin, {}, { name, content });
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("answers 413 beyond the upload limit", async () => {
    const limit = h.ctx.config.uploadLimitBytes;
    h.ctx.config.uploadLimitBytes = 1000;
    try {
      const big = csv([["Наименование"], ...Array.from({ length: 200 }, (_, i) => [`Компания ${i}`])]);
      const res = await upload(h, "/api/v1/imports/preview", admin, {}, { name: "big.csv", content: big });
      expect(res.statusCode).toBe(413);
    } finally {
      h.ctx.config.uploadLimitBytes = limit;
    }
  });

  it("a role without the import right gets 403; an upload is not usable by someone else", async () => {
    const dept = await h.userWith("department");
    const res = await upload(
      h,
      "/api/v1/imports/preview",
      dept,
      {},
      { name: "a.csv", content: "Наименование\r\nА\r\n" },
    );
    expect(res.statusCode).toBe(403);
    const mine = await upload(
      h,
      "/api/v1/imports/preview",
      admin,
      {},
      { name: "a.csv", content: "Наименование\r\nА\r\n" },
    );
    const manager = await h.userWith("manager");
    const other = await h.post(
      "/api/v1/imports",
      { uploadId: mine.json().uploadId, entity: "companies" },
      manager,
    );
    expect(other.statusCode).toBe(404);
  });
});

/** ZIP with one stored entry "a.txt" (no [Content_Types].xml). */
function zipWithout(): Buffer {
  const name = Buffer.from("a.txt");
  const data = Buffer.from("hi");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, eocd]);
}
