/**
 * Pipeline and activities benchmark (issue 4): the board of one pipeline for one owner, a company
 * timeline page, "Needs attention" for a manager with about 5 000 clients and the forecast of the
 * whole company, through HTTP, each beside its SQL floor — the statements the endpoint ran,
 * captured from the server (lib/sql-capture.mjs) and replayed straight against PostgreSQL.
 *
 *   npm run bench -- seed --companies 1000000 --managers 200 --deals 500000 --activities 5000000
 *   npm run bench -- deals [--database accord_bench] [--count 300] [--concurrency 1]
 *
 * Targets (p95): board ≤ 50 ms, timeline ≤ 25 ms, attention ≤ 100 ms, forecast ≤ 300 ms.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_PASSWORD } from "../server/db/seed/users";
import { captureStatements } from "./lib/capture";
import { explainSlowest } from "./lib/explain";
import { type CapturedQuery, closedLoop, httpClient, type LatencyStats, runStatements } from "./lib/load";
import { databaseUrl } from "./lib/postgres";
import { ms, num, table, verdict, writeSection } from "./lib/report";
import { login, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "accord_bench" },
    count: { type: "string", default: "300" },
    concurrency: { type: "string", default: "1" },
    seconds: { type: "string", default: "60" },
    suffix: { type: "string", default: "" },
  },
});
const count = Math.min(5000, Math.max(20, Number(values.count)));
const concurrency = Math.min(16, Math.max(1, Number(values.concurrency)));
const maxMs = Math.min(300, Math.max(5, Number(values.seconds))) * 1000;
const url = databaseUrl(values.database!);
const env = { DATABASE_URL: url };

type Workload = { name: string; session: string; paths: string[]; target: number };
type Measured = { workload: Workload; http: LatencyStats; floor?: LatencyStats; explain?: string };

/** Who and what the workloads use, picked from the seeded base. */
async function plan(pool: pg.Pool) {
  const one = async <T extends pg.QueryResultRow>(text: string): Promise<T> => {
    const { rows } = await pool.query<T>(text);
    if (!rows[0]) throw new Error(`Seed the demo base first (see the header of bench/deals.ts): ${text}`);
    return rows[0];
  };
  const sizes = await one<{ companies: string; deals: string; activities: string }>(
    `select (select count(*) from companies) as companies, (select count(*) from deals) as deals,
            (select count(*) from activities) as activities`,
  );
  const boardOwner = await one<{ email: string; n: string }>(
    `select u.email, count(*) as n from deals d join users u on u.id = d.owner_id
     where u.role = 'manager' and d.deleted_at is null group by u.email order by n desc limit 1`,
  );
  const attentionOwner = await one<{ email: string; n: string }>(
    `select u.email, count(*) as n from companies c join users u on u.id = c.owner_id
     where u.role = 'manager' and c.deleted_at is null group by u.email order by abs(count(*) - 5000) limit 1`,
  );
  const admin = await one<{ email: string }>(
    "select email from users where role = 'admin' and email like '%demo%' order by created_at limit 1",
  );
  // The longest timelines: the key accounts of the generator, 0.5 % of the activities scanned.
  const { rows: busy } = await pool.query<{ company_id: string; n: string }>(
    `select company_id, count(*) as n from activities tablesample system (1)
     where company_id is not null group by company_id order by n desc limit 50`,
  );
  const { rows: timelineSize } = await pool.query<{ n: string }>(
    "select count(*) as n from activities where company_id = $1 and deleted_at is null",
    [busy[0]?.company_id],
  );
  return { sizes, boardOwner, attentionOwner, admin, busy, timelineSize: Number(timelineSize[0]?.n ?? 0) };
}

async function main() {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const p = await plan(pool);
  const year = new Date().getUTCFullYear();
  const workloads: Workload[] = [
    {
      name: `board, one owner (${num(Number(p.boardOwner.n))} deals)`,
      session: p.boardOwner.email,
      paths: ["/api/v1/deals/board?limit=20"],
      target: 50,
    },
    {
      name: `company timeline page (50 of ~${num(p.timelineSize)} entries)`,
      session: p.admin.email,
      paths: p.busy.map((b) => `/api/v1/activities?companyId=${b.company_id}&limit=50`),
      target: 25,
    },
    {
      name: `needs attention, manager with ${num(Number(p.attentionOwner.n))} clients`,
      session: p.attentionOwner.email,
      paths: ["/api/v1/attention?limit=50"],
      target: 100,
    },
    {
      name: "forecast, whole company (admin)",
      session: p.admin.email,
      paths: [`/api/v1/deals/forecast?from=${year}-01-01&to=${year}-12-31`],
      target: 300,
    },
  ];
  const sessions = async (base: string) => {
    const out: Record<string, string> = {};
    for (const w of workloads) out[w.session] ??= await login(base, w.session, DEMO_PASSWORD);
    return out;
  };

  const measured: Measured[] = [];
  const server = await startServer({ env: { ...env, ACCORD_WORKER: "off" } });
  try {
    const cookies = await sessions(server.url);
    for (const w of workloads) {
      const client = httpClient(server.url, cookies[w.session]!, concurrency);
      const http = await closedLoop({
        concurrency,
        count,
        maxMs,
        warmup: 10,
        op: (i) => client.get(w.paths[Math.abs(i) % w.paths.length]!),
      });
      client.close();
      console.log(`  HTTP ${w.name}: p50 ${ms(http.p50)}, p95 ${ms(http.p95)}`);
      measured.push({ workload: w, http });
    }
  } finally {
    await server.stop();
  }

  const captured = await captureStatements({
    env,
    sessions,
    runs: workloads.map((w) => ({ session: w.session, paths: w.paths.slice(0, 20) })),
  });
  for (const [i, m] of measured.entries()) {
    const requests: CapturedQuery[][] = captured[i]!;
    m.floor = await closedLoop({
      concurrency,
      count,
      maxMs,
      warmup: 10,
      op: (k) => runStatements(pool, requests[Math.abs(k) % requests.length]!),
    });
    m.explain = await explainSlowest(pool, requests.slice(0, 5));
    console.log(`  SQL  ${m.workload.name}: p50 ${ms(m.floor.p50)}, p95 ${ms(m.floor.p95)}`);
  }
  await pool.end();

  writeSection(
    `deals${values.suffix}`,
    "Pipeline and activities on PostgreSQL",
    `${num(Number(p.sizes.companies))} companies, ${num(Number(p.sizes.deals))} deals, ${num(Number(p.sizes.activities))} activities
(\`npm run bench -- seed --companies 1000000 --managers 200 --deals 500000 --activities 5000000\`).
HTTP over keep-alive at concurrency ${concurrency}, ${count} requests per workload after 10 warm-up ones, no background jobs;
SQL floor: the statements each request ran, captured from the server and replayed on ${concurrency} direct connection(s).

${table(
  ["workload", "p50", "p95", "p99", "SQL p50", "SQL p95", "target (p95)", "verdict", "errors"],
  measured.map((m) => [
    m.workload.name,
    ms(m.http.p50),
    ms(m.http.p95),
    ms(m.http.p99),
    ms(m.floor?.p50 ?? Number.NaN),
    ms(m.floor?.p95 ?? Number.NaN),
    ms(m.workload.target),
    verdict(m.http.p95 <= m.workload.target),
    m.http.errors,
  ]),
)}

${measured.map((m) => `The slowest statement of "${m.workload.name}":\n\n\`\`\`\n${m.explain ?? "—"}\n\`\`\``).join("\n\n")}`,
  );
}

await main();
