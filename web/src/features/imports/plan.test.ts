import { describe, expect, it } from "vitest";
import { parseCsv, planRows, readCsvHead } from "./plan";

const plan =
  '\uFEFFСтрока;Действие;Поле;Причина;Наименование;ИНН\r\n2;создать;;;"ООО ""Ромашка""; опт";7707083893\r\n3;отклонить;inn;ИНН не проходит проверку;;\r\n';

describe("dry-run plan", () => {
  it("parses quoted cells with delimiters and doubled quotes", () => {
    expect(parseCsv(plan)[1]).toEqual(["2", "создать", "", "", 'ООО "Ромашка"; опт', "7707083893"]);
  });

  it("turns the report into rows with a known outcome", () => {
    const rows = planRows(parseCsv(plan));
    expect(rows.map((r) => [r.row, r.outcome, r.field])).toEqual([
      [2, "create", ""],
      [3, "reject", "inn"],
    ]);
  });

  it("stops reading after the rows it shows", async () => {
    const big = `h;a\r\n${Array.from({ length: 50 }, (_, i) => `${i + 2};create`).join("\r\n")}\r\n`;
    const { records, truncated } = await readCsvHead(new Response(big), 10);
    expect(truncated).toBe(true);
    expect(records).toHaveLength(11);
    const small = await readCsvHead(new Response(plan), 10);
    expect(small.truncated).toBe(false);
    expect(small.records).toHaveLength(3);
  });
});
