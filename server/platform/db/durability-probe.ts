import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "./embedded";

/**
 * Single-row commits on a fresh embedded database in a temp directory, one after another: each
 * commit's latency, the flushes to disk they caused, and PostgreSQL's fsync setting. Used by the
 * durability test (flushes per commit) and the durability bench (what a flush costs).
 */
export async function probeCommits(
  durable: boolean,
  commits: number,
): Promise<{ latencies: number[]; flushes: number; fsync: string; seconds: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-durable-"));
  const db = await startEmbedded({ dataDir: dir, durable, maxConnections: 1 });
  const client = new pg.Client({ host: db.socketDir, user: "postgres", database: "postgres" });
  try {
    await client.connect();
    await client.query("create table t (id int primary key, v text)");
    const before = await db.syncCount();
    const latencies: number[] = [];
    const started = performance.now();
    for (let i = 0; i < commits; i++) {
      const t = performance.now();
      await client.query("insert into t values ($1, repeat('x', 200))", [i]);
      latencies.push(performance.now() - t);
    }
    const seconds = (performance.now() - started) / 1000;
    const flushes = (await db.syncCount()) - before;
    const { rows } = await client.query<{ fsync: string }>("show fsync");
    return { latencies, flushes, fsync: rows[0]!.fsync, seconds };
  } finally {
    await client.end().catch(() => undefined);
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
