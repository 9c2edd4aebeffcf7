import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbedded } from "./embedded";

/**
 * What an operating-system crash could take from the embedded database. A process kill loses
 * nothing acknowledged either way (stress/crash.stress.ts): a commit has reached the kernel's file
 * cache before it is acknowledged. A power loss or kernel crash loses what the kernel had not yet
 * written back — unless each commit was flushed. So the measure is: flushes to disk per
 * acknowledged commit. Durable mode (the default) must flush every commit; with
 * ACCORD_PGLITE_FSYNC=off nothing is flushed and the kernel's write-back delay is the window.
 */
async function commitsAndFlushes(durable: boolean, commits: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-durable-"));
  const db = await startEmbedded({ dataDir: dir, durable, maxConnections: 1 });
  const client = new pg.Client({ host: db.socketDir, user: "postgres", database: "postgres" });
  try {
    await client.connect();
    await client.query("create table t (id int primary key, v text)");
    const before = await db.syncCount();
    for (let i = 0; i < commits; i++) await client.query("insert into t values ($1, 'x')", [i]);
    const after = await db.syncCount();
    const { rows } = await client.query<{ fsync: string }>("show fsync");
    return { flushes: after - before, fsync: rows[0]!.fsync };
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf((process.env.ACCORD_TEST_DB ?? "pglite") === "pglite")("embedded durability", () => {
  it("flushes every acknowledged commit to disk in durable mode", async () => {
    const r = await commitsAndFlushes(true, 30);
    expect(r.fsync).toBe("on");
    expect(r.flushes).toBeGreaterThanOrEqual(30);
  });

  it("flushes nothing with fsync off: an OS crash may lose what the kernel had not written back", async () => {
    const r = await commitsAndFlushes(false, 30);
    expect(r.fsync).toBe("off");
    expect(r.flushes).toBe(0);
  });
});
