import { afterAll, expect, test } from "vitest";
import { runSoak, type SoakRun } from "../bench/lib/soak-run";
import { freshPostgres, postgresAvailable, removeDir, tempDataDir } from "./support";

/**
 * Load and soak: mixed read/write traffic at the highest rate this machine sustains with p95 ≤
 * 100 ms (found by calibration), then ACCORD_SOAK_MINUTES (default 10) at 70 % of it — on
 * PostgreSQL when TEST_DATABASE_URL is set, else PGlite. No request may fail and the server's RSS
 * may grow by at most 10 % from the start of the soak to its end. The latency figures are printed
 * and kept in BENCHMARKS.md by `npm run bench -- soak`, not asserted here.
 */
const MINUTES = Number(process.env.ACCORD_SOAK_MINUTES ?? 10);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

test(`${MINUTES} minutes of mixed traffic: no errors, RSS growth ≤ 10 %`, {
  timeout: (MINUTES + 6) * 60_000,
}, async () => {
  let env: Record<string, string>;
  if (postgresAvailable) {
    const db = await freshPostgres("soak");
    cleanups.push(db.drop);
    env = { DATABASE_URL: db.url };
  } else {
    const dir = tempDataDir();
    cleanups.push(async () => removeDir(dir));
    env = { ACCORD_DATA_DIR: dir };
  }
  const run: SoakRun = await runSoak({ env, minutes: MINUTES, log: (l) => console.log(l) });
  const s = run.soak;
  console.log(
    `soak: ${s.rate} req/s for ${MINUTES} min, ${s.stats.count} requests, errors ${s.stats.errors}, ` +
      `p50 ${s.stats.p50.toFixed(1)} ms, p95 ${s.stats.p95.toFixed(1)} ms, p99 ${s.stats.p99.toFixed(1)} ms, ` +
      `RSS ${s.rssStartMb.toFixed(0)} → ${s.rssEndMb.toFixed(0)} MB (lowest per minute: ${s.rssByMinute.map((r) => r.toFixed(0)).join(", ")}; highest: ${s.rssPeakByMinute.map((r) => r.toFixed(0)).join(", ")})`,
  );
  expect(s.stats.errors).toBe(0);
  expect(s.stats.count).toBeGreaterThan(s.rate * MINUTES * 60 * 0.9);
  expect(s.rssEndMb).toBeLessThanOrEqual(s.rssStartMb * 1.1);
});
