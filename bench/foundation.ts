/**
 * Foundation benchmark (issue 2): cold start and restart to the first healthy answer, idle
 * memory, and the throughput of GET /api/health and GET /api/v1/auth/me, on PGlite and on a
 * fresh PostgreSQL database (created here and dropped at the end).
 *
 *   npm run bench -- foundation [--runs 3] [--seconds 10] [--connections 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type CpuSplit, cpuMeter } from "./lib/cpu";
import { type CannonResult, cannon } from "./lib/load";
import { createDatabase, dropDatabase } from "./lib/postgres";
import { mb, ms, num, table, verdict, writeSection } from "./lib/report";
import { ensureBuilt, login, type RunningServer, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
  },
});
const runs = Math.min(10, Math.max(1, Number(values.runs)));
const seconds = Math.min(60, Math.max(1, Number(values.seconds)));
const connections = Math.min(100, Math.max(1, Number(values.connections)));

const ADMIN = { ACCORD_ADMIN_EMAIL: "bench@example.ru", ACCORD_ADMIN_PASSWORD: "bench-password-2026" };
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface DbResult {
  label: string;
  firstStart: number[];
  restart: number[];
  idleRss: number;
  loadedRss: number;
  health: CannonResult & { cpu: CpuSplit };
  me: CannonResult & { cpu: CpuSplit };
}

/** One autocannon run with the CPU each process spent per request. */
async function loadRun(
  pid: number,
  database: string | null,
  url: string,
  headers?: Record<string, string>,
): Promise<CannonResult & { cpu: CpuSplit }> {
  // A short warm-up opens the server's pool connections, so the meter sees every backend.
  await cannon(url, { seconds: 1, connections, headers });
  const meter = await cpuMeter(pid, database);
  const result = await cannon(url, { seconds, connections, headers });
  return { ...result, cpu: await meter.stop(result.total) };
}

/** Starts on `env` `runs` times from scratch (via `reset`) and `runs` times on existing data. */
async function measure(
  label: string,
  env: Record<string, string>,
  database: string | null,
  reset: () => Promise<void>,
): Promise<DbResult> {
  const firstStart: number[] = [];
  for (let i = 0; i < runs; i++) {
    await reset();
    const server = await startServer({ env: { ...env, ...ADMIN } });
    firstStart.push(server.readyMs);
    console.log(`  ${label}: first start ${ms(server.readyMs)}`);
    await server.stop();
  }
  const restart: number[] = [];
  let server: RunningServer | undefined;
  try {
    for (let i = 0; i < runs; i++) {
      server = await startServer({ env: { ...env, ...ADMIN } });
      restart.push(server.readyMs);
      console.log(`  ${label}: restart ${ms(server.readyMs)}`);
      if (i < runs - 1) await server.stop();
    }
    const running = server!;
    // Idle memory: after start-up work (migrations check, recurring jobs) has settled.
    await sleep(5000);
    const idleRss = running.rssMb();
    const cookie = await login(running.url, ADMIN.ACCORD_ADMIN_EMAIL, ADMIN.ACCORD_ADMIN_PASSWORD);
    const health = await loadRun(running.pid, database, `${running.url}/api/health`);
    const me = await loadRun(running.pid, database, `${running.url}/api/v1/auth/me`, { cookie });
    const loadedRss = running.rssMb();
    console.log(
      `  ${label}: health ${num(health.rps)} req/s, me ${num(me.rps)} req/s, idle RSS ${mb(idleRss)}`,
    );
    return { label, firstStart, restart, idleRss, loadedRss, health, me };
  } finally {
    await server?.stop();
  }
}

async function main() {
  ensureBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-bench-"));
  const pgliteEnv = { ACCORD_DATA_DIR: path.join(dir, "data") };
  const dbName = `accord_bench_f_${Date.now().toString(36)}`;
  const results: DbResult[] = [];
  try {
    results.push(
      await measure("PGlite", pgliteEnv, null, async () =>
        rmSync(pgliteEnv.ACCORD_DATA_DIR, { recursive: true, force: true }),
      ),
    );
    const url = await createDatabase(dbName);
    results.push(
      await measure("PostgreSQL", { DATABASE_URL: url }, dbName, async () => {
        await dropDatabase(dbName);
        await createDatabase(dbName);
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(dbName);
  }
  const [lite, pg] = results as [DbResult, DbResult];
  const rows = results.map((r) => [
    r.label,
    `${ms(median(r.firstStart))} (${r.firstStart.map((x) => ms(x)).join(", ")})`,
    `${ms(median(r.restart))} (${r.restart.map((x) => ms(x)).join(", ")})`,
    mb(r.idleRss),
    mb(r.loadedRss),
    `${num(r.health.rps)} (p50 ${r.health.p50} ms, p99 ${r.health.p99} ms)`,
    `${num(r.me.rps)} (p50 ${r.me.p50} ms, p99 ${r.me.p99} ms)`,
  ]);
  const cpu = (c: CpuSplit, pgSeparate: boolean) =>
    `${c.serverMs.toFixed(2)} / ${pgSeparate ? c.postgresMs.toFixed(2) : "(in server)"} / ${c.loadMs.toFixed(2)}`;
  const cpuRows = results.flatMap((r) => [
    [
      r.label,
      "`/api/health`",
      cpu(r.health.cpu, r === pg),
      num(2000 / (r.health.cpu.serverMs + r.health.cpu.postgresMs)),
    ],
    [r.label, "`/auth/me`", cpu(r.me.cpu, r === pg), num(2000 / (r.me.cpu.serverMs + r.me.cpu.postgresMs))],
  ]);
  const errors = results.flatMap((r) =>
    [r.health, r.me]
      .filter((c) => c.errors || c.non2xx)
      .map((c) => `${r.label}: ${c.errors} errors, ${c.non2xx} non-2xx`),
  );
  const targets = table(
    ["target", "measured", "verdict"],
    [
      ["restart on PGlite ≤ 3 s", ms(median(lite.restart)), verdict(median(lite.restart) <= 3000)],
      ["idle RSS on PGlite ≤ 400 MB", mb(lite.idleRss), verdict(lite.idleRss <= 400)],
      ["idle RSS on PostgreSQL ≤ 150 MB", mb(pg.idleRss), verdict(pg.idleRss <= 150)],
      ["`GET /api/v1/auth/me` on PostgreSQL ≥ 3 000 req/s", num(pg.me.rps), verdict(pg.me.rps >= 3000)],
    ],
  );
  writeSection(
    "foundation",
    "Foundation: start-up, memory, request throughput",
    `Server: the built bundle (\`node dist/server/main.js\`), NODE_ENV=production, log level warn, worker on.
Start = spawn to the first 200 from \`GET /api/health\` (median of ${runs}, all runs in brackets). "First start" is an
empty data directory (PGlite initdb + migrations) or an empty database (migrations); "restart" reuses it.
Throughput: autocannon, ${seconds} s, ${connections} connections, keep-alive, on the same 2-core machine as the server.
RSS: VmRSS of the server process 5 s after start (idle) and after the load; on PGlite it includes the embedded database.

${table(["database", "first start", "restart", "idle RSS", "RSS after load", "`/api/health` req/s", "`/auth/me` req/s"], rows)}

CPU milliseconds per request, measured from /proc during the same runs (server process / its PostgreSQL
backends / the load generator), and the request rate two otherwise idle cores would allow for server + database:

${table(["database", "request", "CPU ms per request: server / PostgreSQL / load generator", "2 cores ÷ (server + db)"], cpuRows)}

${errors.length ? `Errors: ${errors.join("; ")}` : "No errors and no non-2xx answers during the load."}

${targets}`,
  );
}

await main();
