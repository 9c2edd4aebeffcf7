import { readFileSync } from "node:fs";
import pg from "pg";
import { PG_ADMIN_URL } from "./postgres";

/**
 * CPU time spent per request, by process. The machine is shared, so latency and req/s move with
 * whatever else runs; CPU milliseconds per request barely do, and they show where the time
 * goes (the Node server, the PostgreSQL backends, the load generator itself).
 */

const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

/** utime + stime of a process in ms (0 once it has gone). */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** PostgreSQL backends connected to `database` (the server's pool). */
export async function backendPids(database: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      "select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
      [database],
    );
    return rows.map((r) => r.pid);
  } finally {
    await client.end();
  }
}

export interface CpuSplit {
  serverMs: number;
  postgresMs: number;
  loadMs: number;
}

/** Starts counting; `stop(requests)` returns CPU ms per request of each side. */
export async function cpuMeter(serverPid: number, database: string | null) {
  const pgPids = database ? await backendPids(database) : [];
  const server0 = cpuMsOf(serverPid);
  const pg0 = new Map(pgPids.map((p) => [p, cpuMsOf(p)]));
  const load0 = process.cpuUsage();
  return {
    async stop(requests: number): Promise<CpuSplit> {
      const pidsNow = database ? await backendPids(database) : [];
      const pgMs = pidsNow.reduce((s, p) => s + cpuMsOf(p) - (pg0.get(p) ?? 0), 0);
      const load = process.cpuUsage(load0);
      const n = Math.max(1, requests);
      return {
        serverMs: (cpuMsOf(serverPid) - server0) / n,
        postgresMs: pgMs / n,
        loadMs: (load.user + load.system) / 1000 / n,
      };
    },
  };
}
