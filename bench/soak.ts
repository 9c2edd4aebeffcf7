/**
 * Load and soak (issue 7, part 9): mixed read/write traffic on loopback at the highest rate this
 * machine sustains with p95 ≤ 100 ms, then 10 minutes at 70 % of it; errors, p50/p95/p99 and
 * the server's RSS at the start and end of the soak (growth ≤ 10 %).
 *
 *   npm run bench -- soak [--db postgres|pglite] [--minutes 10]
 *
 * The same scenario runs in `npm run test:stress` (stress/soak.stress.ts), which asserts no
 * errors and the RSS bound; this bench keeps the figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabase, databaseUrl, dropDatabase } from "./lib/postgres";
import { mb, ms, num, table, verdict, writeSection } from "./lib/report";
import { runSoak } from "./lib/soak-run";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    minutes: { type: "string", default: "10" },
  },
});
const kind = values.db === "pglite" ? "pglite" : "postgres";
const minutes = Math.min(60, Math.max(1, Number(values.minutes)));

async function main() {
  const name = "accord_bench_soak";
  const dir = mkdtempSync(path.join(os.tmpdir(), "accord-soak-"));
  if (kind === "postgres") {
    await dropDatabase(name);
    await createDatabase(name);
  }
  const env: Record<string, string> =
    kind === "postgres" ? { DATABASE_URL: databaseUrl(name) } : { ACCORD_DATA_DIR: dir };
  try {
    const run = await runSoak({ env, minutes, log: (l) => console.log(l) });
    const s = run.soak;
    const growth = (s.rssEndMb / s.rssStartMb - 1) * 100;
    writeSection(
      `soak-${kind}`,
      `Load and soak on ${kind === "postgres" ? "PostgreSQL" : "PGlite"}`,
      `Demo base of ${num(run.base.companies)} companies, ${num(run.base.deals)} deals and ${num(run.base.activities)} activities;
autocannon on loopback at a fixed overall rate, a manager's loop (clients list, search, card, timeline, board, My day),
a head's team list, and a note and a completed call written on the manager's clients (a quarter of the requests write).

Calibration (${run.calibration[0]?.stats.seconds.toFixed(0) ?? "?"} s steps after a warm-up; the highest rate with p95 ≤ 100 ms, no error, and the rate reached):

${table(
  ["asked", "served", "p50", "p95", "p99", "errors"],
  run.calibration.map((r) => [
    `${r.rate} req/s`,
    `${r.stats.rps.toFixed(0)} req/s`,
    ms(r.stats.p50),
    ms(r.stats.p95),
    ms(r.stats.p99),
    r.stats.errors,
  ]),
)}

Soak: ${minutes} min at ${s.rate} req/s (70 % of the calibrated rate).

${table(
  [
    "requests",
    "errors",
    "p50",
    "p95",
    "p99",
    "RSS, first minute",
    "RSS, last minute",
    "growth (≤ 10 %)",
    "p95 ≤ 100 ms",
  ],
  [
    [
      num(s.stats.count),
      s.stats.errors,
      ms(s.stats.p50),
      ms(s.stats.p95),
      ms(s.stats.p99),
      mb(s.rssStartMb),
      mb(s.rssEndMb),
      `${growth.toFixed(1)} % — ${verdict(growth <= 10)}`,
      verdict(s.stats.p95 <= 100),
    ],
  ],
)}

RSS of each minute, lowest / highest of a reading every 2 s: ${s.rssByMinute.map((r, i) => `${mb(r)} / ${mb(s.rssPeakByMinute[i] ?? Number.NaN)}`).join(", ")}.
p95 of each minute: ${s.p95ByMinute.map((p) => ms(p)).join(", ")}.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (kind === "postgres") await dropDatabase(name);
  }
}

await main();
