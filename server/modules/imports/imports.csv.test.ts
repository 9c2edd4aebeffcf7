import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { storedPath } from "../../platform/storage";
import { CsvError, CsvReader } from "./imports.csv";
import { countDataRows } from "./imports.reader";

/**
 * The import's CSV reader is held to csv-parse (the reference, with the options the import
 * used it with: relax_quotes, relax_column_count, empty lines kept, BOM dropped) on edge cases
 * and on generated files, and must not depend on where the file is cut into chunks.
 */

const reference = (text: string, delimiter = ";") =>
  parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  }) as string[][];

function read(text: string, delimiter = ";", chunk = text.length || 1): string[][] {
  const reader = new CsvReader(delimiter);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += chunk) out.push(...reader.push(text.slice(i, i + chunk)));
  out.push(...reader.end());
  return out;
}

/** A deterministic generator (xorshift), so a failure is reproducible. */
function random(seed: number) {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pieces = ["ООО", "«Ромашка»", " ", '"', ";", ",", "\n", "\r\n", "7707083893", "a", "ё", "\t", "''"];

/** 200 small files of awkward cells, the same every run. */
function generatedFiles(): { text: string; delimiter: ";" | "," }[] {
  const next = random(2026);
  const files: { text: string; delimiter: ";" | "," }[] = [];
  for (let file = 0; file < 200; file++) {
    const records: string[][] = [];
    const rows = 1 + Math.floor(next() * 8);
    for (let r = 0; r < rows; r++) {
      const cells = 1 + Math.floor(next() * 5);
      const record: string[] = [];
      for (let c = 0; c < cells; c++) {
        let cell = "";
        const length = Math.floor(next() * 5);
        for (let k = 0; k < length; k++) cell += pieces[Math.floor(next() * pieces.length)];
        record.push(cell);
      }
      records.push(record);
    }
    const delimiter: ";" | "," = next() < 0.5 ? ";" : ",";
    // A line break inside a cell is always quoted (a spreadsheet does that); csv-parse would keep an
    // unquoted lone LF in a CRLF file inside the cell, where this reader ends the record.
    const text = stringify(records, {
      delimiter,
      record_delimiter: next() < 0.5 ? "unix" : "windows",
      quoted_match: /[\r\n]/,
    });
    files.push({ text, delimiter });
  }
  return files;
}

describe("the import's CSV reader", () => {
  it("agrees with csv-parse on the edge cases of spreadsheet exports", () => {
    const cases = [
      'a;"b""c";d\n',
      'a"b;c\n',
      '"abc"def;x\n',
      "a\n\nb\n",
      "a\n\n",
      '"x\ny";z\n',
      'a; "b";c\n',
      "\uFEFFa;b\n",
      ";;\n",
      '"a""";b\n',
      '"";x\n',
      'x;""\n',
      '"a"\r\n"b"',
      'a;"b"  ;c\n',
      '"a" ;b\n',
      "\n",
      "",
      "a;b\r\n\r\nc\r\n",
      '"a\r\nb"\r\n',
      'x;"a"b"c";y\n',
      "a;",
      "a;b",
      'a;"b;c"\n"d\n\ne";f',
    ];
    for (const text of cases) expect(read(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it("agrees with csv-parse on generated files, cut into chunks anywhere", () => {
    for (const { text, delimiter } of generatedFiles()) {
      const expected = reference(text, delimiter);
      for (const chunk of [text.length, 1, 2, 3, 7, 64])
        expect(read(text, delimiter, chunk), `${JSON.stringify(text)} by ${chunk}`).toEqual(expected);
    }
  });

  it("counts the data rows of those files for the progress bar without parsing them", async () => {
    const config = { dataDir: mkdtempSync(path.join(tmpdir(), "accord-csv-")) };
    for (const [i, { text, delimiter }] of generatedFiles().entries()) {
      const key = `count/${i}.csv`;
      mkdirSync(path.dirname(storedPath(config, key)), { recursive: true });
      writeFileSync(storedPath(config, key), text);
      const file = { key, format: "csv", encoding: "utf-8", delimiter } as const;
      const records = reference(text, delimiter).length;
      expect(await countDataRows(config, file), JSON.stringify(text)).toBe(Math.max(0, records - 1));
    }
  });

  it("refuses a quote that is never closed, and a record longer than the limit", () => {
    expect(() => read('a;"b\nc;d\n')).toThrow(CsvError);
    expect(() => read('a;"b\nc;d\n')).toThrow(/never closed/);
    const reader = new CsvReader(";", 100);
    expect(() => reader.push(`"${"x".repeat(200)}`)).toThrow(/longer than 100/);
  });
});
