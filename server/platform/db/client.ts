import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Logger } from "pino";
import * as schema from "../../db/schema/index";
import { projectRoot } from "../version";
import { type EmbeddedDatabase, startEmbedded } from "./embedded";

export type Db = NodePgDatabase<typeof schema>;
export type DbKind = "pglite" | "postgres";

export type Database = {
  kind: DbKind;
  db: Db;
  pool: pg.Pool;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
};

// numeric and bigint columns come back as strings; money stays exact that way.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** The transaction a piece of code runs in, with what is to happen once it commits. */
type TransactionScope = { afterCommit: (() => void)[] };

/**
 * Marks the async context of an open transaction. PGlite serialises all connections, so a
 * query on the pool while a transaction is open waits for that very transaction: a deadlock.
 * The guard turns that mistake into an immediate error on both databases.
 */
const insideTransaction = new AsyncLocalStorage<TransactionScope>();

export class QueryOutsideTransactionError extends Error {
  constructor() {
    super("A query used the pool inside a transaction; use the transaction's handle (tx) instead.");
  }
}

function guardPool(pool: pg.Pool): void {
  const query = pool.query.bind(pool);
  const connect = pool.connect.bind(pool);
  pool.query = ((...args: Parameters<typeof query>) => {
    if (insideTransaction.getStore()) throw new QueryOutsideTransactionError();
    return query(...args);
  }) as typeof pool.query;
  pool.connect = ((...args: Parameters<typeof connect>) => {
    if (insideTransaction.getStore()) throw new QueryOutsideTransactionError();
    return connect(...args);
  }) as typeof pool.connect;
}

/**
 * Runs `fn` in one transaction; `fn` must use only `tx`. Nested calls become savepoints, and
 * their after-commit callbacks wait for the outermost commit.
 */
export async function withTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const outer = insideTransaction.getStore();
  const scope: TransactionScope = outer ?? { afterCommit: [] };
  const result = await db.transaction((tx) => insideTransaction.run(scope, () => fn(tx as unknown as Db)));
  if (!outer) for (const callback of scope.afterCommit) callback();
  return result;
}

/**
 * Calls `callback` once the current transaction has committed (never if it rolls back), or at
 * once outside a transaction. For signals to this process about committed data, e.g. waking the
 * job worker; never for writes (they would not be part of the transaction).
 */
export function afterCommit(callback: () => void): void {
  const scope = insideTransaction.getStore();
  if (scope) scope.afterCommit.push(callback);
  else callback();
}

export const migrationsFolder = path.join(projectRoot, "server/db/migrations");

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize: number;
  statementTimeoutMs: number;
  logger?: Logger;
  loadDataDir?: Uint8Array;
  /** Embedded mode: PostgreSQL's shared_buffers inside PGlite (default 64MB). */
  pgliteSharedBuffers?: string;
  /** Embedded mode: flush every commit to disk (default true). */
  pgliteDurable?: boolean;
}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let poolConfig: pg.PoolConfig;
  if (options.databaseUrl) {
    // JIT compilation pays off for long analytical queries, not for a CRM's: on the forecast's
    // aggregates it added more time (tens of ms per statement) than it saved.
    poolConfig = { connectionString: options.databaseUrl, max: options.poolSize, options: "-c jit=off" };
  } else {
    embedded = await startEmbedded({
      dataDir: options.dataDir,
      logger: options.logger,
      // Only the pool's one connection: a second client would interleave with it (see below).
      maxConnections: 1,
      loadDataDir: options.loadDataDir,
      sharedBuffers: options.pgliteSharedBuffers ?? "64MB",
      durable: options.pgliteDurable ?? true,
    });
    // One connection: PGlite has a single backend session anyway, and the socket server can
    // interleave the extended-protocol messages of concurrent connections (seen here as wrong
    // rows under load). Requests queue in the pool instead, which is what PGlite did internally.
    poolConfig = { host: embedded.socketDir, user: "postgres", database: "postgres", max: 1 };
  }
  const timeout = Math.floor(options.statementTimeoutMs);
  const pool = new pg.Pool({
    ...poolConfig,
    idleTimeoutMillis: 30_000,
    ...(timeout > 0 ? { statement_timeout: timeout } : {}),
  });
  pool.on("error", (error) => options.logger?.error({ err: error }, "idle database client failed"));
  // PGlite ignores startup parameters, and all its connections share one backend session.
  if (embedded && timeout > 0) await pool.query(`SET statement_timeout = ${timeout}`);
  guardPool(pool);
  const db = drizzle(pool, { schema });
  return {
    kind: embedded ? "pglite" : "postgres",
    db,
    pool,
    embedded,
    async close() {
      await pool.end().catch(() => {});
      await embedded?.stop();
    },
  };
}

/**
 * Applies the pending migrations without the per-statement time limit: a backfill over a large
 * table may run for minutes, and cutting it off would stop every upgrade of a big database.
 */
export async function runMigrations(database: Database, logger?: Logger): Promise<void> {
  const started = Date.now();
  if (database.kind === "pglite") {
    // One shared session, reached through the pool's only connection.
    const { rows } = await database.pool.query<{ statement_timeout: string }>("show statement_timeout");
    await database.pool.query("set statement_timeout = 0");
    try {
      await migrate(database.db, { migrationsFolder });
    } finally {
      await database.pool.query(`set statement_timeout = '${rows[0]?.statement_timeout ?? "0"}'`);
    }
  } else {
    const { statement_timeout: _limit, ...options } = database.pool.options as pg.PoolConfig;
    const client = new pg.Client(options);
    await client.connect();
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.end();
    }
  }
  logger?.info({ ms: Date.now() - started }, "database migrations applied");
}
