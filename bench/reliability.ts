/**
 * Counterparty reliability (issue 6):
 * 1. scoring one company with five years of statements (seven models per year, the grade and the
 *    limit) — target ≤ 5 ms;
 * 2. the scheduled registry re-check against a local findById/party server that answers 429
 *    above 10 requests per second: a few hundred companies through the real batch code on an
 *    in-memory PGlite database, the measured pace, and the plan for 100 000 companies.
 *
 *   npm run bench -- reliability [--companies 200] [--iterations 2000]
 */
import { parseArgs } from "node:util";
import { paymentDiscipline } from "../core/reliability/discipline";
import { creditLimit, DEFAULT_GRADE_SETTINGS, gradeCompany } from "../core/reliability/grade";
import { scoreAllModels } from "../core/scoring";
import { SYNTHETIC_BALANCE } from "../core/scoring/synthetic-balance";
import { uuidv7 } from "../core/uuid";
import { companies } from "../server/db/schema/index";
import { inn10 } from "../server/modules/imports/imports.test-support";
import {
  fixtureData,
  SBERBANK_INN,
  startRegistryServer,
  TOKEN,
} from "../server/modules/reliability/registry.fixtures";
import { recheckPlan, runRecheckBatch } from "../server/modules/reliability/registry.recheck";
import { DEFAULT_RELIABILITY_SETTINGS } from "../server/modules/reliability/reliability.settings";
import { loadConfig } from "../server/platform/config";
import { openDatabase, runMigrations } from "../server/platform/db/client";
import { writeSetting } from "../server/platform/settings";
import { ensureDefaultWorkspace } from "../server/platform/workspace";
import { ms, num, table, verdict, writeSection } from "./lib/report";

const { values } = parseArgs({
  options: {
    companies: { type: "string", default: "200" },
    iterations: { type: "string", default: "2000" },
  },
});
const N = Number(values.companies);
const ITER = Number(values.iterations);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Five years of a company growing 10 % a year, the synthetic balance as the latest. */
function fiveYears() {
  return [4, 3, 2, 1, 0].map((back) =>
    Object.fromEntries(Object.entries(SYNTHETIC_BALANCE).map(([k, v]) => [k, (v as number) / 1.1 ** back])),
  );
}

function scoreOnce(years: Record<string, number>[]) {
  const models = years.map((current, i) =>
    scoreAllModels({ current, ...(i > 0 ? { previous: years[i - 1] } : {}) }),
  );
  const latest = models.at(-1)!;
  const payment = paymentDiscipline(
    Array.from({ length: 24 }, (_, i) => ({
      issueDate: `2026-${String((i % 11) + 1).padStart(2, "0")}-01`,
      dueDate: `2026-${String((i % 11) + 1).padStart(2, "0")}-15`,
      amount: 100_000_00,
      paid: 100_000_00,
      paidOn: `2026-${String((i % 11) + 1).padStart(2, "0")}-${i % 3 ? "14" : "20"}`,
    })),
    "2026-11-27",
  );
  const result = gradeCompany({
    registry: {
      status: "ACTIVE",
      found: true,
      registeredAt: "2015-02-05",
      massAddress: false,
      massDirector: false,
    },
    models: latest,
    payment,
    today: "2026-11-27",
  });
  const lines = Object.fromEntries(Object.entries(years.at(-1)!).map(([k, v]) => [k, v.toFixed(3)]));
  return creditLimit(
    { grade: result.grade, lines, invoicedLastYear: payment.invoicedLastYear },
    DEFAULT_GRADE_SETTINGS,
  );
}

async function scoringBench() {
  const years = fiveYears();
  for (let i = 0; i < 200; i++) scoreOnce(years);
  const times: number[] = [];
  for (let i = 0; i < ITER; i++) {
    const t0 = performance.now();
    scoreOnce(years);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1)!,
  };
}

async function recheckBench() {
  const reg = await startRegistryServer();
  reg.limitRps = 10;
  reg.fallback = fixtureData()[SBERBANK_INN]!;
  const config = loadConfig({ NODE_ENV: "production", ACCORD_LOG_LEVEL: "silent" });
  const database = await openDatabase({
    dataDir: "memory://bench-reliability",
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  try {
    await runMigrations(database);
    const db = database.db;
    const workspaceId = await ensureDefaultWorkspace(db);
    await writeSetting(db, workspaceId, "registry", { baseUrl: reg.url, token: TOKEN }, null);
    await writeSetting(
      db,
      workspaceId,
      "reliability",
      { ...DEFAULT_RELIABILITY_SETTINGS, registryRps: 10 },
      null,
    );
    const owner = uuidv7();
    for (let i = 0; i < N; i += 100) {
      await db.insert(companies).values(
        Array.from({ length: Math.min(100, N - i) }, (_, k) => ({
          id: uuidv7(),
          workspaceId,
          name: `Бенч ${i + k}`,
          inn: inn10(100_000 + i + k),
          ownerId: owner,
        })),
      );
    }
    const ctx = { db, config };
    const started = performance.now();
    let batches = 0;
    let checked = 0;
    let rateLimited = 0;
    for (;;) {
      const r = await runRecheckBatch(ctx, workspaceId);
      batches++;
      checked += r.checked;
      if (r.stoppedBy === "rate_limited") rateLimited++;
      if (r.stoppedBy === "done" || r.stoppedBy === "bad_token" || r.stoppedBy === "not_configured") break;
      if (r.stoppedBy === "rate_limited") await new Promise((res) => setTimeout(res, r.retryAfterMs ?? 1000));
    }
    const seconds = (performance.now() - started) / 1000;
    const answered429 = reg.rejected;
    return {
      seconds,
      batches,
      checked,
      rateLimited,
      requests: reg.requests.length,
      answered429,
      rps: checked / seconds,
    };
  } finally {
    await database.close();
    await reg.close();
  }
}

const scoring = await scoringBench();
const recheck = await recheckBench();
const plan = recheckPlan(100_000, 10);
const extrapolatedHours = 100_000 / recheck.rps / 3600;

writeSection(
  "reliability",
  "Counterparty reliability (issue 6)",
  `
### Scoring one company with five years of statements

Seven models for each of five years (the trend view), payment discipline over 24 invoices, the grade and the
credit limit — the pure code in \`core/\`; ${num(ITER)} runs after a warm-up of 200.

${table(
  ["p50", "p95", "p99", "max", "target", "verdict"],
  [[ms(scoring.p50), ms(scoring.p95), ms(scoring.p99), ms(scoring.max), "≤ 5 ms", verdict(scoring.p95 <= 5)]],
)}

### Registry re-check, paced

${num(N)} companies on an in-memory PGlite database, checked by the real batch code (\`runRecheckBatch\`,
\`registryRps\` = 10) against a local findById/party server that answers 429 to anything above 10 requests in
any second; each answer is a full company (Sberbank's fixture), so every request stores a record and regrades.

${table(
  ["companies", "batches", "time", "measured pace", "429 answers", "rate-limited batches"],
  [
    [
      num(recheck.checked),
      recheck.batches,
      `${recheck.seconds.toFixed(1)} s`,
      `${recheck.rps.toFixed(2)} req/s`,
      recheck.answered429,
      recheck.rateLimited,
    ],
  ],
)}

**Plan for 100 000 companies at 10 rps** (\`recheckPlan\`): batches of ${plan.batchSize} companies (30 s of one
worker slot each, then the batch re-enqueues itself so other jobs run in between), ${num(plan.batches)} batches,
${plan.hours} h of requests — ${(plan.loadOfPeriod * 100).toFixed(1)} % of the weekly re-check period. At the
measured pace: ${extrapolatedHours.toFixed(2)} h. The daily \`registry-recheck\` job starts the run; a company is
asked again once its last check is older than 7 days, so the load spreads over the week after the first run.
`,
);
