import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app";
import { jobHandlers, scheduleRecurring } from "./jobs/index";
import { countUsers } from "./modules/users/users.repo";
import { createUser } from "./modules/users/users.service";
import { systemActor } from "./platform/actor";
import type { Config } from "./platform/config";
import type { AppContext } from "./platform/context";
import { type Database, openDatabase, runMigrations } from "./platform/db/client";
import { createLogger } from "./platform/logger";
import { startWorker, type Worker } from "./platform/queue";
import { ensureDefaultWorkspace } from "./platform/workspace";

export type Running = { app: FastifyInstance; ctx: AppContext; url: string; stop(): Promise<void> };

/** Opens the database, applies migrations and returns what the app and the CLI need. */
export async function prepare(
  config: Config,
  logger: Logger = createLogger(config),
  loadDataDir?: Uint8Array,
): Promise<AppContext> {
  const database: Database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    statementTimeoutMs: config.statementTimeoutMs,
    pgliteSharedBuffers: config.pgliteSharedBuffers,
    pgliteDurable: config.pgliteDurable,
    logger,
    loadDataDir,
  });
  try {
    await runMigrations(database, logger);
    const workspaceId = await ensureDefaultWorkspace(database.db);
    return { config, database, db: database.db, logger, workspaceId };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** ACCORD_ADMIN_EMAIL / ACCORD_ADMIN_PASSWORD create the first admin when no user exists. */
async function bootstrapAdmin(ctx: AppContext): Promise<void> {
  const { adminEmail, adminPassword } = ctx.config;
  if (!adminEmail || !adminPassword || (await countUsers(ctx.db)) > 0) return;
  await createUser(ctx.db, systemActor(ctx.workspaceId), {
    email: adminEmail.trim().toLowerCase(),
    password: adminPassword,
    fullName: "Administrator",
    role: "admin",
  });
  ctx.logger.info({ email: adminEmail }, "first admin created from the environment");
}

export async function startServer(config: Config): Promise<Running> {
  const started = Date.now();
  const logger = createLogger(config);
  const ctx = await prepare(config, logger);
  let app: FastifyInstance | undefined;
  try {
    await bootstrapAdmin(ctx);
    app = await buildApp(ctx);
    const url = await app.listen({ port: config.port, host: config.host });
    await scheduleRecurring(ctx);
    // Jobs run in-process by default; ACCORD_WORKER=off leaves them to other processes.
    const worker: Worker | undefined = config.runWorker ? startWorker(ctx, jobHandlers) : undefined;
    logger.info({ url, db: ctx.database.kind, ms: Date.now() - started }, "Accord is ready");
    let stopping: Promise<void> | undefined;
    const running: Running = {
      app,
      ctx,
      url,
      stop() {
        stopping ??= (async () => {
          await app!.close();
          await worker?.stop();
          await ctx.database.close();
        })();
        return stopping;
      },
    };
    return running;
  } catch (error) {
    await app?.close();
    await ctx.database.close();
    throw error;
  }
}
