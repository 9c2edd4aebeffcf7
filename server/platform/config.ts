import path from "node:path";
import { z } from "zod";

/** Everything the process reads from its environment, parsed once at start. */
const Env = z.object({
  NODE_ENV: z.string().default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  ACCORD_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  ACCORD_PUBLIC_URL: z.string().url().optional(),
  ACCORD_SMTP_URL: z.string().optional(),
  ACCORD_REGISTRY_URL: z.string().url().optional(),
  ACCORD_REGISTRY_TOKEN: z.string().optional(),
  ACCORD_ADMIN_EMAIL: z.string().optional(),
  ACCORD_ADMIN_PASSWORD: z.string().optional(),
  ACCORD_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ACCORD_SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
  ACCORD_SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  ACCORD_UPLOAD_LIMIT_MB: z.coerce.number().positive().default(200),
  ACCORD_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  ACCORD_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** The embedded database's buffer cache, held in the server's own memory (PostgreSQL's default is 128MB). */
  ACCORD_PGLITE_SHARED_BUFFERS: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/)
    .default("64MB"),
  /** on: every embedded commit is on disk before it is acknowledged; off: faster writes, may lose the last seconds on power loss. */
  ACCORD_PGLITE_FSYNC: z.enum(["on", "off"]).default("on"),
  ACCORD_WORKER: z.enum(["on", "off"]).default("on"),
});

export type Config = {
  env: string;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  smtpUrl: string | undefined;
  registryUrl: string | undefined;
  registryToken: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: z.infer<typeof Env>["ACCORD_LOG_LEVEL"];
  sessionIdleMs: number;
  sessionMaxMs: number;
  uploadLimitBytes: number;
  statementTimeoutMs: number;
  poolSize: number;
  pgliteSharedBuffers: string;
  pgliteDurable: boolean;
  runWorker: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration in the environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ACCORD_DATA_DIR),
    databaseUrl: e.DATABASE_URL || undefined,
    publicUrl: e.ACCORD_PUBLIC_URL,
    smtpUrl: e.ACCORD_SMTP_URL,
    registryUrl: e.ACCORD_REGISTRY_URL,
    registryToken: e.ACCORD_REGISTRY_TOKEN,
    adminEmail: e.ACCORD_ADMIN_EMAIL,
    adminPassword: e.ACCORD_ADMIN_PASSWORD,
    logLevel: e.ACCORD_LOG_LEVEL,
    sessionIdleMs: e.ACCORD_SESSION_IDLE_HOURS * 3600_000,
    sessionMaxMs: e.ACCORD_SESSION_MAX_DAYS * 86400_000,
    uploadLimitBytes: e.ACCORD_UPLOAD_LIMIT_MB * 1024 * 1024,
    statementTimeoutMs: e.ACCORD_STATEMENT_TIMEOUT_MS,
    poolSize: e.ACCORD_DB_POOL_SIZE,
    pgliteSharedBuffers: e.ACCORD_PGLITE_SHARED_BUFFERS,
    pgliteDurable: e.ACCORD_PGLITE_FSYNC === "on",
    runWorker: e.ACCORD_WORKER === "on",
    ...overrides,
  };
}
