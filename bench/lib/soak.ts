import autocannon from "autocannon";
import { type LatencyStats, summarize } from "./load";

/**
 * Mixed read/write traffic for the load and soak test: a manager's working loop (clients list,
 * search, a card, its timeline, the board, My day), a head's team list, and writes — a note and a
 * completed call on the manager's own clients (the call moves the client's last contact, an
 * UPDATE of companies). A quarter of the requests write. autocannon drives the traffic at a fixed
 * overall rate; latencies are collected from its per-response events, since its summary has no p95.
 */
export interface SoakTraffic {
  url: string;
  managerCookie: string;
  headCookie: string;
  /** The manager's own companies: cards, timelines and writes pick one at random. */
  companyIds: string[];
  searchTerms: string[];
}

type Req = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: (req: Req) => Req;
};

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

function requests(t: SoakTraffic): Req[] {
  const as = (cookie: string) => ({ cookie, origin: t.url, "content-type": "application/json" });
  const manager = as(t.managerCookie);
  const get = (path: string | (() => string), headers = manager): Req => ({
    method: "GET",
    path: typeof path === "string" ? path : path(),
    headers,
    ...(typeof path === "function" ? { setupRequest: (r: Req) => ({ ...r, path: path() }) } : {}),
  });
  const write = (body: () => Record<string, unknown>): Req => ({
    method: "POST",
    path: "/api/v1/activities",
    headers: manager,
    setupRequest: (r) => ({ ...r, body: JSON.stringify(body()) }),
  });
  return [
    get("/api/v1/companies?limit=50"),
    get(() => `/api/v1/search?q=${encodeURIComponent(pick(t.searchTerms))}`),
    get(() => `/api/v1/companies/${pick(t.companyIds)}`),
    write(() => ({ type: "note", subject: "Заметка под нагрузкой", companyId: pick(t.companyIds) })),
    get(() => `/api/v1/activities?companyId=${pick(t.companyIds)}&limit=50`),
    get("/api/v1/deals/board?limit=20"),
    write(() => ({
      type: "call",
      subject: "Звонок под нагрузкой",
      direction: "out",
      companyId: pick(t.companyIds),
      doneAt: new Date().toISOString(),
    })),
    get("/api/v1/activities/my-day"),
    get("/api/v1/companies?limit=50", as(t.headCookie)),
  ];
}

export interface RateResult {
  rate: number;
  stats: LatencyStats;
  latencies: number[];
}

/** Traffic at `rate` requests/s for `seconds` (bounded: autocannon stops itself). */
export async function atRate(t: SoakTraffic, rate: number, seconds: number): Promise<RateResult> {
  const latencies: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const instance = autocannon({
    url: t.url,
    connections: Math.min(64, Math.max(4, Math.ceil(rate / 20))),
    overallRate: rate,
    duration: seconds,
    requests: requests(t),
    timeout: 10,
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const result = await instance;
  const stats = summarize(
    latencies,
    result.errors + result.timeouts + non2xx,
    (performance.now() - started) / 1000,
  );
  return { rate, stats, latencies };
}

/**
 * The highest rate whose p95 stays within `p95Ms`: after a warm-up, doubling from `start` until a
 * step misses (or halving until one fits), then halving the gap twice. Each step runs `stepSeconds`.
 */
export async function calibrate(
  t: SoakTraffic,
  options: { p95Ms: number; start: number; max: number; stepSeconds: number; log?: (line: string) => void },
): Promise<{ rate: number; steps: RateResult[] }> {
  const steps: RateResult[] = [];
  const fits = async (rate: number) => {
    const r = await atRate(t, rate, options.stepSeconds);
    steps.push(r);
    options.log?.(
      `  ${rate} req/s → ${r.stats.rps.toFixed(0)} req/s, p95 ${r.stats.p95.toFixed(1)} ms, errors ${r.stats.errors}`,
    );
    // A step that cannot even reach 95 % of its rate is past what the machine sustains.
    return r.stats.p95 <= options.p95Ms && r.stats.errors === 0 && r.stats.rps >= rate * 0.95;
  };
  // Warm-up (caches, JIT, connection pools): not a step.
  await atRate(t, options.start, options.stepSeconds);
  let good = 0;
  let bad = 0;
  if (await fits(options.start)) {
    good = options.start;
    for (let rate = options.start * 2; rate <= options.max; rate *= 2) {
      if (!(await fits(rate))) {
        bad = rate;
        break;
      }
      good = rate;
    }
  } else {
    bad = options.start;
    for (let rate = Math.floor(options.start / 2); rate >= 1; rate = Math.floor(rate / 2)) {
      if (await fits(rate)) {
        good = rate;
        break;
      }
      bad = rate;
    }
  }
  if (!good) return { rate: 0, steps };
  for (let i = 0; i < 2 && bad - good > 1; i++) {
    const mid = Math.round((good + bad) / 2);
    if (await fits(mid)) good = mid;
    else bad = mid;
  }
  return { rate: good, steps };
}

export interface SoakResult {
  rate: number;
  stats: LatencyStats;
  /** Median RSS of the first minute and of the last. */
  rssStartMb: number;
  rssEndMb: number;
  /** Median RSS of each minute. */
  /** Each minute's lowest RSS (after collections), MB. */
  rssByMinute: number[];
  /** Each minute's highest RSS, MB. */
  rssPeakByMinute: number[];
  /** p95 of each minute, to show the latency did not creep. */
  p95ByMinute: number[];
}

/** `minutes` of traffic at `rate`, one minute at a time, with the server's RSS after each. */
export async function soak(
  t: SoakTraffic,
  rate: number,
  minutes: number,
  rssMb: () => number,
): Promise<SoakResult> {
  const rssByMinute: number[] = [];
  const rssPeakByMinute: number[] = [];
  const p95ByMinute: number[] = [];
  const all: number[] = [];
  let errors = 0;
  let seconds = 0;
  for (let m = 0; m < minutes; m++) {
    // RSS saws up and down with each garbage collection — at 175 req/s from ~177 to ~320 MB and
    // back in under a minute — so one reading, or even a minute's median, mostly tells where in
    // the saw it was taken (a median once read 170 then 222 MB with nothing retained). What a
    // leak raises is the floor the collector comes back to: each minute's figure is the lowest
    // of a reading every two seconds, and the highest is kept beside it.
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb()), 2000);
    const minute = await atRate(t, rate, 60).finally(() => clearInterval(sampler));
    seconds += minute.stats.seconds;
    errors += minute.stats.errors;
    for (const l of minute.latencies) all.push(l);
    p95ByMinute.push(minute.stats.p95);
    rssByMinute.push(Math.min(...samples));
    rssPeakByMinute.push(Math.max(...samples));
  }
  return {
    rate,
    stats: summarize(all, errors, seconds),
    rssStartMb: rssByMinute[0] ?? Number.NaN,
    rssEndMb: rssByMinute[rssByMinute.length - 1] ?? Number.NaN,
    rssByMinute,
    rssPeakByMinute,
    p95ByMinute,
  };
}
