import http from "node:http";
import autocannon from "autocannon";
import type pg from "pg";

/**
 * Load drivers. autocannon measures raw throughput; the latency benchmarks use a small closed
 * loop of their own because autocannon reports p90 and p97.5 but not the p95 the targets name.
 * Every loop is bounded by a request count and a time limit.
 */

export interface LatencyStats {
  count: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function summarize(latencies: number[], errors: number, seconds: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

export interface LoopOptions<T> {
  concurrency: number;
  /** Total operations (after warm-up). */
  count: number;
  /** Stop early when this much time has passed. */
  maxMs: number;
  warmup?: number;
  /** The i-th operation; resolves when it is done, throws on failure. */
  op: (i: number) => Promise<T>;
  /** Called with each result, e.g. to group latencies by kind. */
  record?: (i: number, ms: number, result: T) => void;
}

/** A closed loop: `concurrency` workers, each starting its next operation when the last ends. */
export async function closedLoop<T>(options: LoopOptions<T>): Promise<LatencyStats> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await options.op(-1 - i).catch(() => undefined);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxMs;
  let firstError: unknown;
  const worker = async () => {
    while (next < options.count && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      try {
        const result = await options.op(i);
        const ms = performance.now() - t;
        latencies.push(ms);
        options.record?.(i, ms, result);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  if (firstError) console.error(`  first error: ${String(firstError)}`);
  return summarize(latencies, errors, (performance.now() - started) / 1000);
}

/** A keep-alive HTTP client for the closed loop; fails on any non-2xx answer. */
export function httpClient(base: string, cookie: string, concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL(base);
  return {
    get(path: string): Promise<string> {
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method: "GET",
            agent,
            headers: { cookie, accept: "application/json" },
            timeout: 30_000,
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              const body = Buffer.concat(chunks).toString();
              if ((res.statusCode ?? 0) >= 300)
                reject(new Error(`GET ${path} → ${res.statusCode} ${body.slice(0, 200)}`));
              else resolve(body);
            });
          },
        );
        req.on("timeout", () => req.destroy(new Error(`GET ${path} timed out`)));
        req.on("error", reject);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

export interface CapturedQuery {
  text: string;
  values: unknown[];
}

/** Runs a request's SQL statements in order on one pooled connection: the database floor. */
export async function runStatements(pool: pg.Pool, statements: readonly CapturedQuery[]): Promise<void> {
  const client = await pool.connect();
  try {
    for (const s of statements) await client.query(s.text, s.values);
  } finally {
    client.release();
  }
}

export interface CannonResult {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
}

/** autocannon against one URL (loopback only), `seconds` long with `connections` sockets. */
export async function cannon(
  url: string,
  options: { seconds: number; connections: number; headers?: Record<string, string> },
): Promise<CannonResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}
