import { readFileSync } from "node:fs";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import type { Role } from "../../contracts/common";
import { buildApp } from "../app";
import { createUser } from "../modules/users/users.service";
import { systemActor } from "../platform/actor";
import { loadConfig } from "../platform/config";
import type { AppContext } from "../platform/context";
import { openDatabase, runMigrations } from "../platform/db/client";
import { createLogger } from "../platform/logger";
import { ensureDefaultWorkspace } from "../platform/workspace";
import { withDatabase } from "./global-setup";

export const ORIGIN = "http://localhost:80";
export const PASSWORD = "correct horse battery";

let counter = 0;

/** A fresh database (from the run's migrated template) for one test file. */
async function freshDatabase() {
  const kind = process.env.ACCORD_TEST_DB ?? "pglite";
  const common = { poolSize: 5, statementTimeoutMs: 0 };
  if (kind === "pglite") {
    const template = new Uint8Array(readFileSync(inject("pgliteTemplate")));
    return openDatabase({ ...common, dataDir: `memory://test${counter++}`, loadDataDir: template });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `accord_t${counter++}_${process.pid}_${inject("postgresRunId")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${inject("postgresTemplate")}`);
  await admin.end();
  return openDatabase({ ...common, databaseUrl: withDatabase(url, name), dataDir: "" });
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export type Session = { cookie: string; user: { id: string; email: string; role: Role; version: number } };

/** Builds the real app on a fresh database and gives tests a small HTTP client around inject. */
export async function createHarness() {
  const config = loadConfig({ NODE_ENV: "test", ACCORD_LOG_LEVEL: "silent" });
  const database = await freshDatabase();
  await runMigrations(database);
  const workspaceId = await ensureDefaultWorkspace(database.db);
  const ctx: AppContext = { config, database, db: database.db, logger: createLogger(config), workspaceId };
  const app: FastifyInstance = await buildApp(ctx);
  await app.ready();

  type Req = { body?: unknown; cookie?: string; headers?: Record<string, string>; token?: string };
  const request = (
    method: InjectOptions["method"],
    url: string,
    opts: Req = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      payload: opts.body as InjectOptions["payload"],
      headers: {
        origin: ORIGIN,
        host: "localhost:80",
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
    });

  async function signIn(email: string, password = PASSWORD): Promise<Session> {
    const res = await request("POST", "/api/v1/auth/login", { body: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return { cookie, user: res.json() };
  }

  /** Creates a user directly through the service (as the system) and signs them in. */
  async function userWith(
    role: Role,
    extra: { headId?: string | null; email?: string } = {},
  ): Promise<Session> {
    const email = extra.email ?? `${role}-${counter++}-${Math.random().toString(36).slice(2, 8)}@example.ru`;
    await createUser(ctx.db, systemActor(workspaceId), {
      email,
      password: PASSWORD,
      fullName: `${role} ${email.split("@")[0]}`,
      role,
      headId: extra.headId ?? null,
    });
    return signIn(email);
  }

  return {
    app,
    ctx,
    request,
    signIn,
    userWith,
    get: (url: string, s?: Session | Req) => request("GET", url, asReq(s)),
    post: (url: string, body: unknown, s?: Session | Req) => request("POST", url, { ...asReq(s), body }),
    patch: (url: string, body: unknown, s?: Session | Req) => request("PATCH", url, { ...asReq(s), body }),
    del: (url: string, s?: Session | Req) => request("DELETE", url, asReq(s)),
    async close() {
      await app.close();
      await database.close();
    },
  };
}

function asReq(
  s: Session | { cookie?: string; token?: string; headers?: Record<string, string> } | undefined,
) {
  if (!s) return {};
  return s;
}
