import type pg from "pg";
import type { CapturedQuery } from "./load";

/** Statements that are bookkeeping, not the endpoint's data access. */
const skip = /^(begin|commit|rollback|set |select .*from "sessions")/is;

/**
 * Times every data statement of the given requests once and returns EXPLAIN (ANALYZE, BUFFERS)
 * of the slowest, with its parameters: the first thing to read when a target is missed.
 */
export async function explainSlowest(pool: pg.Pool, requests: readonly CapturedQuery[][]): Promise<string> {
  let slowest: { q: CapturedQuery; ms: number } | undefined;
  for (const statements of requests) {
    for (const q of statements) {
      if (skip.test(q.text.trim())) continue;
      const t = performance.now();
      await pool.query(q.text, q.values);
      const took = performance.now() - t;
      if (!slowest || took > slowest.ms) slowest = { q, ms: took };
    }
  }
  if (!slowest) return "";
  const plan = await pool.query<{ "QUERY PLAN": string }>(
    `explain (analyze, buffers) ${slowest.q.text}`,
    slowest.q.values,
  );
  const params = slowest.q.values.map((v, i) => `$${i + 1} = ${JSON.stringify(v)}`).join(", ");
  return `${slowest.q.text}\n-- ${params}\n\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`;
}
