import { PassThrough } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../db/seed/demo";
import { createHarness, type Harness } from "../test/harness";
import { RestoreError, restoreBackup, tableFingerprints, writeBackup } from "./backup";

let source: Harness;
let target: Harness;
beforeAll(async () => {
  [source, target] = await Promise.all([createHarness(), createHarness()]);
  await seedDemo(source.ctx.database, source.ctx.workspaceId, {
    companies: 300,
    contactsPerCompany: 2,
    seed: 7,
  });
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
});

async function backupBytes(h: Harness): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on("data", (c: Buffer) => chunks.push(c));
  await writeBackup(h.ctx.database.pool, out);
  return Buffer.concat(chunks);
}

describe("backup and restore", () => {
  it("round-trips the demo data set: every table identical", async () => {
    const bytes = await backupBytes(source);
    const result = await restoreBackup(target.ctx.database.pool, PassThrough.from([bytes]));
    expect(result.rows).toBeGreaterThan(900);
    const [a, b] = await Promise.all([
      tableFingerprints(source.ctx.database.pool),
      tableFingerprints(target.ctx.database.pool),
    ]);
    expect(b).toEqual(a);
    expect(Number(a.companies?.split(":")[0])).toBe(300);
    // The vocabulary's triggers, off while the rows came back, are on again (with the digits').
    const on = await target.ctx.database.pool.query<{ n: number }>(
      "select count(*)::int as n from pg_trigger where not tgisinternal and tgenabled = 'O'",
    );
    expect(on.rows[0]!.n).toBe(8);
  });

  it("restores a backup from before the digits index: the rows get their windows", async () => {
    const old = await createHarness();
    try {
      const lines = gunzipSync(await backupBytes(source))
        .toString("utf8")
        .split("\n");
      const stripped = lines.map((line) => {
        if (!line.includes('"digit_grams"')) return line;
        const { digit_grams: _dropped, ...rest } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(rest);
      });
      expect(lines.filter((line) => line.includes('"digit_grams"')).length).toBeGreaterThan(300);
      expect(stripped.join("\n")).not.toContain('"digit_grams"');
      await restoreBackup(old.ctx.database.pool, PassThrough.from([gzipSync(stripped.join("\n"))]));
      const stale = await old.ctx.database.pool.query(
        `select id from companies where digit_grams is distinct from digit_grams_of(inn, phone_search)
         union all select id from contacts where digit_grams is distinct from digit_grams_of(null, phone_search)`,
      );
      expect(stale.rows).toEqual([]);
      const [a, b] = await Promise.all([
        tableFingerprints(source.ctx.database.pool),
        tableFingerprints(old.ctx.database.pool),
      ]);
      expect(b).toEqual(a);
    } finally {
      await old.close();
    }
  });

  it("refuses to restore into a database that is not empty, and changes nothing", async () => {
    const bytes = await backupBytes(source);
    const before = await tableFingerprints(target.ctx.database.pool);
    await expect(restoreBackup(target.ctx.database.pool, PassThrough.from([bytes]))).rejects.toThrow(
      RestoreError,
    );
    expect(await tableFingerprints(target.ctx.database.pool)).toEqual(before);
  });

  it("an admin downloads a backup from the running server; a manager may not", async () => {
    const admin = await source.userWith("admin");
    const manager = await source.userWith("manager");
    expect((await source.get("/api/v1/admin/backup", manager)).statusCode).toBe(403);
    const res = await source.get("/api/v1/admin/backup", admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/gzip");
    const { gunzipSync } = await import("node:zlib");
    const first = gunzipSync(res.rawPayload).toString().split("\n")[0]!;
    expect(JSON.parse(first)).toMatchObject({ format: "accord-backup/1" });
  });

  it("refuses a file that is not an Accord backup", async () => {
    const { gzipSync } = await import("node:zlib");
    const fake = gzipSync(Buffer.from('{"format":"something-else"}\n'));
    await expect(restoreBackup(target.ctx.database.pool, PassThrough.from([fake]))).rejects.toThrow(
      /Not an Accord backup/,
    );
  });
});
