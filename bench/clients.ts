/**
 * Client database benchmark (issue 3): list page, search and company card through HTTP at
 * concurrency 8, each next to its SQL floor — the very statements the endpoint ran (captured
 * from the server, see lib/sql-capture.mjs) replayed straight against the database.
 *
 *   npm run bench -- seed --companies 1000000                    (once: database accord_bench)
 *   npm run bench -- clients [--db postgres] [--database accord_bench]
 *   npm run bench -- seed --db pglite --companies 100000          (once: .tmp/bench/pglite-100k)
 *   npm run bench -- clients --db pglite [--data-dir .tmp/bench/pglite-100k]
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_PASSWORD } from "../server/db/seed/users";
import { startEmbedded } from "../server/platform/db/embedded";
import { captureStatements } from "./lib/capture";
import {
  cardWorkload,
  listWorkloads,
  sampleCompanies,
  searchWorkload,
  type Workload,
} from "./lib/clients-workloads";
import { type CpuSplit, cpuMeter } from "./lib/cpu";
import { explainSlowest } from "./lib/explain";
import {
  type CapturedQuery,
  closedLoop,
  httpClient,
  type LatencyStats,
  runStatements,
  summarize,
} from "./lib/load";
import { databaseUrl } from "./lib/postgres";
import { ms, num, table, verdict, writeSection } from "./lib/report";
import { login, root, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    database: { type: "string", default: "accord_bench" },
    "data-dir": { type: "string", default: ".tmp/bench/pglite-100k" },
    count: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "8" },
    seconds: { type: "string", default: "60" },
    /** Run only the workloads whose name contains this (list, search, card). */
    only: { type: "string" },
    /** ACCORD_DB_POOL_SIZE of the server (default: the server's own default, 10). */
    "pool-size": { type: "string" },
    /** Names the results file bench/results/clients-<db><suffix>.md. */
    suffix: { type: "string", default: "" },
  },
});
const kind = values.db === "pglite" ? "pglite" : "postgres";
const count = Math.min(20_000, Math.max(50, Number(values.count)));
const concurrency = Math.min(64, Math.max(1, Number(values.concurrency)));
const maxMs = Math.min(300, Math.max(5, Number(values.seconds))) * 1000;
const dataDir = path.resolve(root, values["data-dir"]!);
// PGlite runs one statement at a time, and its socket interleaves the protocol messages of
// concurrent connections (see BENCHMARKS.md): its floor is measured on one connection.
const floorConcurrency = kind === "pglite" ? 1 : concurrency;
const CAPTURE_PER_WORKLOAD = 300;
const warmupOf = (w: Workload) => Math.min(50, w.paths.length * 2);

const serverEnv: Record<string, string> = {
  ...(kind === "pglite" ? { ACCORD_DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl(values.database!) }),
  ...(values["pool-size"] ? { ACCORD_DB_POOL_SIZE: values["pool-size"] } : {}),
};
// Capture and floor runs need no background jobs: their queries would land among a request's.
/**
 * Direct connections to the database, without the server. PGlite's socket takes one client only
 * (a second would interleave with it), so the bench opens the data directory itself — while no
 * server runs — and closes it with the pool.
 */
async function directPool(max: number): Promise<{ pool: pg.Pool; close: () => Promise<void> }> {
  if (kind !== "pglite") {
    const pool = new pg.Pool({ connectionString: databaseUrl(values.database!), max });
    return { pool, close: () => pool.end() };
  }
  const embedded = await startEmbedded({ dataDir, maxConnections: 1 });
  const pool = new pg.Pool({ host: embedded.socketDir, user: "postgres", database: "postgres", max: 1 });
  return {
    pool,
    close: async () => {
      await pool.end();
      await embedded.stop();
    },
  };
}

interface Measured {
  workload: Workload;
  http: LatencyStats;
  byKind: Map<string, LatencyStats>;
  floor?: LatencyStats;
  floorByKind?: Map<string, LatencyStats>;
  explain?: string;
  cpu?: CpuSplit;
}

async function sessions(url: string) {
  return {
    admin: await login(url, "admin@demo.accord", DEMO_PASSWORD),
    manager: await login(url, "manager1@demo.accord", DEMO_PASSWORD),
  };
}

/** Latencies of one workload grouped by sub-kind (search), plus the whole. */
async function measure(
  workload: Workload,
  op: (i: number) => Promise<unknown>,
  conc: number,
): Promise<{ all: LatencyStats; byKind: Map<string, LatencyStats> }> {
  const grouped = new Map<string, number[]>();
  const all = await closedLoop({
    concurrency: conc,
    count,
    maxMs,
    warmup: warmupOf(workload),
    op,
    record: (i, t) => {
      const k = workload.kinds?.[i % workload.paths.length];
      if (k) grouped.set(k, [...(grouped.get(k) ?? []), t]);
    },
  });
  const byKind = new Map([...grouped].map(([k, xs]) => [k, summarize(xs, 0, all.seconds)]));
  return { all, byKind };
}

async function runHttp(): Promise<{ measured: Measured[]; counts: { companies: number; contacts: number } }> {
  const direct = await directPool(1);
  const samples = await sampleCompanies(direct.pool, count);
  const counts = (
    await direct.pool.query<{ companies: string; contacts: string }>(
      "select (select count(*) from companies) as companies, (select count(*) from contacts) as contacts",
    )
  ).rows[0]!;
  await direct.close();
  const server = await startServer({ env: serverEnv, timeoutMs: 600_000 });
  try {
    const cookies = await sessions(server.url);
    const clients = {
      admin: httpClient(server.url, cookies.admin, concurrency),
      manager: httpClient(server.url, cookies.manager, concurrency),
    };
    const workloads = [
      ...(await listWorkloads((p) => clients.admin.get(p), 20)),
      searchWorkload(samples, count),
      cardWorkload(samples, count),
    ].filter((w) => !values.only || w.name.includes(values.only));
    const measured: Measured[] = [];
    for (const w of workloads) {
      const client = clients[w.session];
      const meter = await cpuMeter(server.pid, kind === "postgres" ? values.database! : null);
      const { all, byKind } = await measure(
        w,
        (i) => client.get(w.paths[Math.abs(i) % w.paths.length]!),
        concurrency,
      );
      const cpu = await meter.stop(all.count + all.errors + warmupOf(w));
      console.log(
        `  HTTP ${w.name}: p50 ${ms(all.p50)}, p95 ${ms(all.p95)}, ${num(all.rps)} req/s, errors ${all.errors}`,
      );
      measured.push({ workload: w, http: all, byKind, cpu });
    }
    clients.admin.close();
    clients.manager.close();
    return { measured, counts: { companies: Number(counts.companies), contacts: Number(counts.contacts) } };
  } finally {
    await server.stop();
  }
}

/** Runs each workload's first requests once on a capturing server and keeps their statements. */
async function capture(measured: Measured[]): Promise<Map<Workload, CapturedQuery[][]>> {
  const perRun = await captureStatements({
    env: serverEnv,
    sessions,
    runs: measured.map(({ workload }) => ({
      session: workload.session,
      paths: workload.paths.slice(0, CAPTURE_PER_WORKLOAD),
    })),
  });
  return new Map(measured.map((m, i) => [m.workload, perRun[i]!]));
}

async function runFloor(measured: Measured[], captured: Map<Workload, CapturedQuery[][]>): Promise<void> {
  const { pool, close } = await directPool(floorConcurrency);
  try {
    for (const m of measured) {
      const requests = captured.get(m.workload) ?? [];
      if (!requests.length) continue;
      const n = requests.length;
      const kinds = m.workload.kinds;
      const w: Workload = { ...m.workload, kinds: kinds ? requests.map((_, i) => kinds[i]!) : undefined };
      const { all, byKind } = await measure(
        { ...w, paths: requests.map(() => "") },
        (i) => runStatements(pool, requests[Math.abs(i) % n]!),
        floorConcurrency,
      );
      m.floor = all;
      m.floorByKind = byKind;
      m.explain = await explainSlowest(pool, requests.slice(0, 20));
      console.log(`  SQL  ${m.workload.name}: p50 ${ms(all.p50)}, p95 ${ms(all.p95)}`);
    }
  } finally {
    await close();
  }
}

function report(measured: Measured[], counts: { companies: number; contacts: number }): void {
  const rows: string[][] = [];
  for (const m of measured) {
    const target = m.workload.target;
    rows.push([
      m.workload.name,
      ms(m.http.p50),
      `**${ms(m.http.p95)}**`,
      ms(m.http.p99),
      num(m.http.rps),
      m.http.errors ? String(m.http.errors) : "0",
      ms(m.floor?.p50 ?? Number.NaN),
      ms(m.floor?.p95 ?? Number.NaN),
      m.cpu
        ? `${m.cpu.serverMs.toFixed(1)} / ${kind === "pglite" ? "(in server)" : m.cpu.postgresMs.toFixed(1)}`
        : "—",
      target ? `p95 ≤ ${target} ms` : "—",
      target ? verdict(m.http.p95 <= target) : "—",
    ]);
    for (const [k, s] of m.byKind) {
      const f = m.floorByKind?.get(k);
      rows.push([
        `  · ${k}`,
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        "",
        "",
        ms(f?.p50 ?? Number.NaN),
        ms(f?.p95 ?? Number.NaN),
        "",
        "",
      ]);
    }
  }
  const explains = measured
    .filter((m) => m.explain)
    .map(
      (m) =>
        `<details><summary>${m.workload.name}: the slowest statement, EXPLAIN ANALYZE</summary>\n\n\`\`\`\n${m.explain}\n\`\`\`\n</details>`,
    )
    .join("\n\n");
  const label = kind === "pglite" ? "PGlite" : "PostgreSQL";
  writeSection(
    `clients-${kind}${values.suffix}`,
    `Client database on ${label}: ${num(counts.companies)} companies, ${num(counts.contacts)} contacts`,
    `Through HTTP: the built server, keep-alive, concurrency ${concurrency}, ${num(count)} requests per row (bounded
at ${maxMs / 1000} s), after a warm-up; the load generator shares the 2-core machine with the server and the database.
SQL floor: the statements each request ran, captured from the server and replayed on ${floorConcurrency} direct
connection(s) in the same order (session lookup included; the once-a-minute session touch left out).
Data: \`accord seed --demo\` (seed 2026); as admin unless the row says manager (manager1 owns ~10% of the base).
Server pool: ${values["pool-size"] ? `ACCORD_DB_POOL_SIZE=${values["pool-size"]}` : "default (10 connections)"}.

CPU: milliseconds of CPU per request spent by the server process and by its PostgreSQL backends (from /proc).

${table(["request", "p50", "p95", "p99", "req/s", "errors", "SQL p50", "SQL p95", "CPU ms/req server / db", "target", "verdict"], rows)}

${explains}`,
  );
}

async function main() {
  if (kind === "pglite") statSync(path.join(dataDir, "pg", "PG_VERSION"));
  console.log(`Client database benchmark on ${kind}…`);
  const { measured, counts } = await runHttp();
  const captured = await capture(measured);
  await runFloor(measured, captured);
  report(measured, counts);
}

await main();
