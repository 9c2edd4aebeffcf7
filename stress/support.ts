import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { checkInn } from "../core/requisites";

const root = path.resolve(import.meta.dirname, "..");

export const ADMIN = { email: "admin@stress.accord", password: "stress-admin-password" };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Where a server keeps its data: a PGlite data directory or a PostgreSQL URL. */
export type Store = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; dataDir: string };

export type Child = {
  url: string;
  log(): string;
  /** Sends the signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited(): boolean;
};

/** Starts `dist/server/main.js` on a free loopback port and waits (bounded) for /api/health. */
export async function startServer(store: Store, env: Record<string, string> = {}): Promise<Child> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "dist/server/main.js")], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      ACCORD_DATA_DIR: store.dataDir,
      DATABASE_URL: store.kind === "postgres" ? store.url : "",
      ACCORD_ADMIN_EMAIL: ADMIN.email,
      ACCORD_ADMIN_PASSWORD: ADMIN.password,
      ACCORD_LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exit = new Promise<void>((r) => child.once("exit", () => r()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server did not start: ${output}`);
    }
    await sleep(100);
  }
  return {
    url,
    log: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exit;
    },
  };
}

/** A client of one server: a session cookie and the Origin that cookie-authenticated writes need. */
export class Api {
  constructor(
    readonly url: string,
    public cookie = "",
  ) {}

  async request(method: string, route: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: this.url };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    return fetch(`${this.url}${route}`, { method, headers, body: payload });
  }

  async json<T = Record<string, unknown>>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await this.request(method, route, body);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  /** Signs in and keeps the session cookie. */
  async login(email = ADMIN.email, password = ADMIN.password): Promise<this> {
    const res = await this.request("POST", "/api/v1/auth/login", { email, password });
    if (res.status !== 200) throw new Error(`login ${email} → ${res.status}: ${await res.text()}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("accord_session="));
    if (!cookie) throw new Error("login set no session cookie");
    this.cookie = cookie.split(";")[0]!;
    return this;
  }

  /** The same session against another server. */
  on(url: string): Api {
    return new Api(url, this.cookie);
  }
}

export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "accord-stress-"));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL's server; `drop()` removes it (forcefully). */
export async function freshPostgres(tag: string): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is not set");
  const name = `accord_stress_${tag}_${Date.now()}_${process.pid}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Runs one query against a server's database (PGlite through the socket it serves in its data dir). */
export async function query<T extends pg.QueryResultRow>(store: Store, text: string): Promise<T[]> {
  const client =
    store.kind === "postgres"
      ? new pg.Client({ connectionString: store.url })
      : new pg.Client({ host: store.dataDir, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** `count` distinct valid 10-digit ИНН: a 9-digit stem plus the check digit that `checkInn` accepts. */
export function generateInns(count: number, seed: number): string[] {
  const inns: string[] = [];
  // Stems 100000000+ keep the leading digit non-zero; the seed separates runs in one database.
  for (let stem = 100_000_000 + seed * 1_000_000; inns.length < count; stem++) {
    for (let digit = 0; digit <= 9; digit++) {
      const inn = `${stem}${digit}`;
      if (checkInn(inn).ok) {
        inns.push(inn);
        break;
      }
    }
  }
  return inns;
}

export function companiesCsv(rows: number, seed: number): string {
  const lines = ["name;inn"];
  for (const [i, inn] of generateInns(rows, seed).entries()) lines.push(`Stress company ${seed}-${i};${inn}`);
  return `${lines.join("\n")}\n`;
}

export function importForm(csv: string, fileName = "companies.csv"): FormData {
  const form = new FormData();
  form.append("entity", "companies");
  form.append("dryRun", "false");
  form.append("file", new Blob([csv], { type: "text/csv" }), fileName);
  return form;
}

export type ImportState = {
  id: string;
  status: string;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  error: string | null;
};

/** Polls (bounded) until `done` says so; returns the last state. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
    await sleep(everyMs);
  }
}

export const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL);

/** Two Accord processes on one fresh PostgreSQL database, sharing one data directory. */
export type Pair = { a: Child; b: Child; store: Store };

/**
 * Starts the pair before the enclosing describe's tests and stops it after; the returned object
 * is filled in by then. One data directory is shared: an upload must be readable by whichever
 * worker takes its job.
 */
export function twoProcesses(name: string): Pair {
  const pair = {} as Pair;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await freshPostgres(name);
    drop = db.drop;
    pair.store = { kind: "postgres", url: db.url, dataDir: tempDataDir() };
    pair.a = await startServer(pair.store);
    pair.b = await startServer(pair.store);
  });
  afterAll(async () => {
    await pair.a?.kill("SIGTERM");
    await pair.b?.kill("SIGTERM");
    await drop?.();
    if (pair.store) removeDir(pair.store.dataDir);
  });
  return pair;
}
