/**
 * Deals benchmark (issue 4): the board of one pipeline for one manager and the forecast of the
 * whole company (admin), through HTTP one request at a time, each beside its SQL: EXPLAIN
 * (ANALYZE, BUFFERS) of the board's column query and of the forecast's costliest statement.
 *
 *   npm run bench -- seed --companies 1000000 --deals 500000          (once: database accord_bench)
 *   npm run bench -- deals [--database accord_bench] [--count 200]
 *
 * Targets: board p95 ≤ 50 ms, forecast ≤ 300 ms.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { DEMO_PASSWORD } from "../server/db/seed/users";
import { closedLoop, httpClient, type LatencyStats } from "./lib/load";
import { databaseUrl } from "./lib/postgres";
import { ms, num, table, verdict, writeSection } from "./lib/report";
import { login, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    database: { type: "string", default: "accord_bench" },
    count: { type: "string", default: "200" },
    seconds: { type: "string", default: "60" },
    suffix: { type: "string", default: "" },
  },
});
const count = Math.min(5000, Math.max(20, Number(values.count)));
const maxMs = Math.min(300, Math.max(5, Number(values.seconds))) * 1000;
const url = databaseUrl(values.database!);

async function main() {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const { rows: sizes } = await pool.query<{ deals: string; changes: string }>(
    "select (select count(*) from deals) as deals, (select count(*) from deal_stage_changes) as changes",
  );
  // The manager with the most deals: the heaviest one-owner board.
  const { rows: owners } = await pool.query<{ email: string; id: string; n: string }>(
    `select u.email, u.id, count(*) as n from deals d join users u on u.id = d.owner_id
     where u.role = 'manager' group by u.email, u.id order by n desc limit 1`,
  );
  const { rows: admins } = await pool.query<{ email: string }>(
    "select email from users where role = 'admin' and email like '%demo%' order by created_at limit 1",
  );
  const manager = owners[0];
  if (!manager || !admins[0])
    throw new Error("Seed the demo base with deals first (npm run bench -- seed --deals N).");
  const server = await startServer({ env: { DATABASE_URL: url, ACCORD_WORKER: "off" } });
  const results: { name: string; stats: LatencyStats; target: number }[] = [];
  try {
    const year = new Date().getUTCFullYear();
    const forecastPath = `/api/v1/deals/forecast?from=${year}-01-01&to=${year}-12-31`;
    const runs = [
      {
        name: "board, one manager (own deals)",
        email: manager.email,
        path: "/api/v1/deals/board?limit=20",
        target: 50,
      },
      { name: "forecast, whole company (admin)", email: admins[0].email, path: forecastPath, target: 300 },
    ];
    for (const run of runs) {
      const client = httpClient(server.url, await login(server.url, run.email, DEMO_PASSWORD), 1);
      const stats = await closedLoop({
        concurrency: 1,
        count,
        maxMs,
        warmup: 10,
        op: () => client.get(run.path),
      });
      client.close();
      results.push({ name: run.name, stats, target: run.target });
    }
    const explain = async (text: string, params: unknown[]) =>
      (await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${text}`, params)).rows
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    const boardPlan = await explain(
      `select d.id, d.title, d.amount from deals d
       where d.workspace_id = (select workspace_id from users where id = $1) and d.owner_id = $1
         and d.pipeline_id = (select id from pipelines where is_default and deleted_at is null limit 1)
         and d.deleted_at is null and d.stage = 'negotiation'
       order by d.id desc limit 21`,
      [manager.id],
    );
    const totalsPlan = await explain(
      `select stage, count(*), sum(amount) from deals d
       where d.workspace_id = (select workspace_id from users where id = $1) and d.owner_id = $1
         and d.pipeline_id = (select id from pipelines where is_default and deleted_at is null limit 1)
         and d.deleted_at is null group by stage`,
      [manager.id],
    );
    writeSection(
      `deals${values.suffix}`,
      "Deals: board and forecast on PostgreSQL",
      `${num(Number(sizes[0]!.deals))} deals, ${num(Number(sizes[0]!.changes))} stage changes; the busiest manager owns ${num(Number(manager.n))}.
One request at a time over HTTP (keep-alive), ${count} requests after 10 warm-up ones.

${table(
  ["workload", "p50", "p95", "p99", "target (p95)", "verdict", "errors"],
  results.map((r) => [
    r.name,
    ms(r.stats.p50),
    ms(r.stats.p95),
    ms(r.stats.p99),
    ms(r.target),
    verdict(r.stats.p95 <= r.target),
    r.stats.errors,
  ]),
)}

Board column (one owner, one stage, newest first):
\`\`\`
${boardPlan}
\`\`\`

Board totals (one owner):
\`\`\`
${totalsPlan}
\`\`\``,
    );
  } finally {
    await server.stop();
    await pool.end();
  }
}

await main();
