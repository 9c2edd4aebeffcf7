import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { apiTokens, sessions, users } from "../db/schema/index";
import type { Actor } from "./actor";
import type { Config } from "./config";
import type { Db } from "./db/client";
import { AppError } from "./errors";

export const SESSION_COOKIE = "accord_session";

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
    /** The signed-in user's row as read with the session (saves `auth/me` a second query). */
    currentUser: UserRow | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session (setup, sign-in). Every other API route requires one. */
    public?: boolean;
  }
}

/** Ids of everyone reporting to `headId`, directly or through other heads. */
export async function teamOf(db: Db, workspaceId: string, headId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`
    with recursive team(id) as (
      select id from users where workspace_id = ${workspaceId} and head_id = ${headId}
      union
      select u.id from users u join team t on u.head_id = t.id where u.workspace_id = ${workspaceId}
    )
    select id from team`);
  return [headId, ...rows.rows.map((r) => r.id).filter((id) => id !== headId)];
}

type UserRow = typeof users.$inferSelect;

async function toActor(
  db: Db,
  user: UserRow,
  extra: Pick<Actor, "tokenScope" | "sessionId">,
): Promise<Actor> {
  const teamIds = user.role === "head" ? await teamOf(db, user.workspaceId, user.id) : [user.id];
  return {
    id: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    email: user.email,
    teamIds,
    locale: user.locale,
    ...extra,
  };
}

type Resolved = { actor: Actor; user: UserRow } | null;

/**
 * The session lookup runs on every request, so it is built once: Drizzle's query building was a
 * fifth of the CPU of `GET /auth/me`. On PostgreSQL it is also a named prepared statement (parsed
 * and planned once per connection); PGlite's connections share one session, where a name would
 * collide, so there it stays unnamed.
 */
function sessionLookup(db: Db, config: Config) {
  return db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("id")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql.placeholder("idleSince")),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .limit(1)
    .prepare(config.databaseUrl ? "accord_session_actor" : "");
}

async function actorFromSession(
  db: Db,
  config: Config,
  lookup: ReturnType<typeof sessionLookup>,
  secret: string,
): Promise<Resolved> {
  const id = sha256(secret);
  const idleSince = new Date(Date.now() - config.sessionIdleMs).toISOString();
  const [row] = await lookup.execute({ id, idleSince });
  if (!row) return null;
  // Touch at most once a minute: a write per request would cost more than the request.
  if (Date.now() - Date.parse(row.session.lastSeenAt) > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  return { actor: await toActor(db, row.user, { tokenScope: null, sessionId: id }), user: row.user };
}

async function actorFromToken(db: Db, token: string): Promise<Resolved> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (row.token.expiresAt && Date.parse(row.token.expiresAt) <= Date.now()) return null;
  if (!row.token.lastUsedAt || Date.now() - Date.parse(row.token.lastUsedAt) > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    actor: await toActor(db, row.user, { tokenScope: row.token.scope, sessionId: null }),
    user: row.user,
  };
}

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from our own pages: the Origin (or Referer) must name
 * this host or the configured public URL. SameSite cookies are the second line of defence.
 */
function checkOrigin(request: FastifyRequest, config: Config): void {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) throw new AppError("csrf", 403);
  let host: string;
  try {
    host = new URL(source).host;
  } catch {
    throw new AppError("csrf", 403);
  }
  // Normalise the Host header the way URL normalises the origin (default ports dropped).
  const allowed = new Set<string>();
  try {
    allowed.add(new URL(`${request.protocol}://${request.headers.host}`).host);
  } catch {
    throw new AppError("csrf", 403);
  }
  if (config.publicUrl) allowed.add(new URL(config.publicUrl).host);
  if (!allowed.has(host)) throw new AppError("csrf", 403);
}

/** Resolves the actor of every API request from a Bearer token or the session cookie. */
export function installAuth(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("currentUser", null);
  // Built on the first request, not at start-up: the OpenAPI renderer builds the app without a database.
  let lookup: ReturnType<typeof sessionLookup> | undefined;
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/v1/")) return;
    const header = request.headers.authorization;
    if (header?.startsWith("Bearer ")) {
      const resolved = await actorFromToken(db, header.slice(7).trim());
      if (!resolved) throw AppError.unauthenticated();
      request.actor = resolved.actor;
      request.currentUser = resolved.user;
      return;
    }
    if (unsafe.has(request.method)) checkOrigin(request, config);
    const secret = request.cookies[SESSION_COOKIE];
    lookup ??= secret ? sessionLookup(db, config) : undefined;
    const resolved = secret && lookup ? await actorFromSession(db, config, lookup, secret) : null;
    request.actor = resolved?.actor ?? null;
    request.currentUser = resolved?.user ?? null;
    // Authentication comes before validation: an anonymous caller learns nothing from a 400.
    if (
      !request.actor &&
      request.routeOptions.config?.public !== true &&
      request.routeOptions.url?.startsWith("/api/v1/")
    ) {
      throw AppError.unauthenticated();
    }
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw AppError.unauthenticated();
  return request.actor;
}
