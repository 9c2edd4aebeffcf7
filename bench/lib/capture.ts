import { appendFileSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { type CapturedQuery, httpClient } from "./load";
import { root, startServer } from "./server";

/**
 * The SQL floor's input: each request's statements, captured from a server started with
 * lib/sql-capture.mjs (no background jobs, so nothing else lands among a request's statements).
 * Returns, per run, the statements of each of its paths in order.
 */
export async function captureStatements<K extends string>(options: {
  env: Record<string, string>;
  sessions: (url: string) => Promise<Record<K, string>>;
  runs: { session: K; paths: string[] }[];
}): Promise<CapturedQuery[][][]> {
  const dir = path.join(root, ".tmp/bench");
  mkdirSync(dir, { recursive: true });
  const log = path.join(dir, `sql-capture-${process.pid}.jsonl`);
  rmSync(log, { force: true });
  appendFileSync(log, "");
  const server = await startServer({
    env: { ...options.env, ACCORD_WORKER: "off", BENCH_SQL_LOG: log },
    preload: ["./bench/lib/sql-capture.mjs"],
    timeoutMs: 600_000,
  });
  try {
    const cookies = await options.sessions(server.url);
    const out: CapturedQuery[][][] = [];
    for (const run of options.runs) {
      const client = httpClient(server.url, cookies[run.session], 1);
      const perRequest: CapturedQuery[][] = [];
      for (const p of run.paths) {
        const before = statSync(log).size;
        await client.get(p);
        const text = readFileSync(log).subarray(before).toString("utf8");
        // The session touch runs once a minute per session, not per request: left out.
        perRequest.push(
          text
            .split("\n")
            .filter(Boolean)
            .map((l) => JSON.parse(l) as CapturedQuery)
            .filter((q) => !/^update "sessions"/i.test(q.text)),
        );
      }
      client.close();
      out.push(perRequest);
    }
    return out;
  } finally {
    await server.stop();
    rmSync(log, { force: true });
  }
}
