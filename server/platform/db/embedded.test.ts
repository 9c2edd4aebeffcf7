import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness";
import { withTx } from "./client";
import { DataDirInUseError, lockDataDir } from "./data-dir-lock";

describe.runIf((process.env.ACCORD_TEST_DB ?? "pglite") === "pglite")("embedded PGlite", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it("keeps the HTTP event loop free during a slow query", async () => {
    // PGlite runs in a worker thread: a 3 s query must not delay timers or other requests.
    const slow = h.ctx.database.pool.query("select pg_sleep(3)");
    await new Promise((r) => setTimeout(r, 100));
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 10));
    const timerLag = performance.now() - t0;
    const t1 = performance.now();
    const res = await h.get("/api/openapi.json");
    const requestMs = performance.now() - t1;
    await slow;
    expect(res.statusCode).toBe(200);
    // Generous bounds (the machine may be busy): on the main thread both would take ~3 s.
    expect(timerLag).toBeLessThan(1500);
    expect(requestMs).toBeLessThan(1500);
  });

  it("turns a pool query inside a transaction into an error instead of a deadlock", async () => {
    await expect(
      withTx(h.ctx.db, async () => {
        await h.ctx.database.pool.query("select 1");
      }),
    ).rejects.toThrow(/transaction's handle/);
    const ok = await withTx(h.ctx.db, async (tx) => (await tx.execute("select 1 as one")).rows[0]);
    expect(ok).toEqual({ one: 1 });
  });
});

describe("collation", () => {
  it("sorts Cyrillic names with the ICU collation on both databases", async () => {
    const h = await createHarness();
    const rows = await h.ctx.database.pool.query(
      `select x from (values ('Яблоко'),('абрикос'),('Ёлка'),('Банан'),('ель')) v(x) order by x collate ru_icu`,
    );
    await h.close();
    // ICU treats Е and Ё alike at the first level, as a Russian dictionary does; к sorts before ь.
    expect(rows.rows.map((r) => r.x)).toEqual(["абрикос", "Банан", "Ёлка", "ель", "Яблоко"]);
  });
});

describe("the data-directory lock", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-lock-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses a second opener with a clear error and frees the directory on release", () => {
    const release = lockDataDir(dir);
    // The lock file names a living process (this one), so a second claim must fail.
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another Accord process/);
    release();
    const again = lockDataDir(dir);
    again();
  });
});
