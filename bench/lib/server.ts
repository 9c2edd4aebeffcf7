import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * Starts the built server bundle (dist/server/main.js) as a separate process, exactly as
 * `npm start` runs it, and measures it from outside: time to the first healthy answer and its
 * resident memory from /proc. Only loopback addresses are used.
 */

export const root = path.resolve(import.meta.dirname, "../..");
export const HOST = "127.0.0.1";

let built = false;

/** Builds the server bundle once per bench run (a few seconds), so results match the sources. */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "server"], {
    cwd: root,
    stdio: "inherit",
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error("node scripts/build.mjs server failed");
  built = true;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, HOST, () => {
      const address = s.address();
      s.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface RunningServer {
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 from GET /api/health. */
  readyMs: number;
  rssMb(): number;
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** DATABASE_URL, ACCORD_DATA_DIR, ACCORD_ADMIN_EMAIL … */
  env: Record<string, string>;
  /** Modules loaded with --import before the server (e.g. the SQL capture hook). */
  preload?: string[];
  timeoutMs?: number;
}

/** VmRSS of a process in MB (from /proc/<pid>/status), or NaN once it has gone. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(options: StartOptions): Promise<RunningServer> {
  ensureBuilt();
  const port = await freePort();
  // The bench's own environment must not leak a DATABASE_URL or data dir into the server.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k, v]) => v !== undefined && !k.startsWith("ACCORD_") && k !== "DATABASE_URL",
    ),
  ) as Record<string, string>;
  const env = {
    ...base,
    NODE_ENV: "production",
    PORT: String(port),
    HOST,
    ACCORD_LOG_LEVEL: "warn",
    ...options.env,
  };
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const args = [
    ...nodeArgs,
    ...(options.preload ?? []).flatMap((p) => ["--import", p]),
    "dist/server/main.js",
  ];
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", () => {
      exited = true;
      resolve();
    }),
  );
  const url = `http://${HOST}:${port}`;
  const deadline = started + (options.timeoutMs ?? 180_000);
  let readyMs = Number.NaN;
  while (performance.now() < deadline && !exited) {
    if (await healthy(url)) {
      readyMs = performance.now() - started;
      break;
    }
    await sleep(25);
  }
  const stop = async () => {
    if (exited) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exit;
    clearTimeout(timer);
  };
  if (Number.isNaN(readyMs)) {
    await stop();
    throw new Error(`The server did not become healthy:\n${log}`);
  }
  return { pid: child.pid!, url, readyMs, rssMb: () => rssOf(child.pid!), output: () => log, stop };
}

/** Signs in and returns the session cookie header. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${body}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]);
  return cookies.join("; ");
}
