import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { lockDataDir } from "./data-dir-lock";

export type EmbeddedDatabase = {
  /** Directory holding the `.s.PGSQL.5432` socket: node-postgres takes it as `host`. */
  socketDir: string;
  /** Snapshot of the whole data directory as a tarball (used for test templates and backups). */
  dump(): Promise<Uint8Array>;
  /** How many flushes to disk the database has made (durable mode); 0 when flushing is off. */
  syncCount(): Promise<number>;
  stop(): Promise<void>;
};

type WorkerMessage =
  | { type: "opened"; ms: number }
  | { type: "ready"; ms: number }
  | { type: "error"; message: string }
  | { type: "dumped"; data: Uint8Array }
  | { type: "syncs"; count: number }
  | { type: "stopped" };

/** Unix socket paths are limited to ~107 bytes; long data-dir paths get a private temp folder. */
function pickSocketDir(dataDir: string): { dir: string; temporary: boolean } {
  if (dataDir && path.join(dataDir, ".s.PGSQL.5432").length < 100) return { dir: dataDir, temporary: false };
  return { dir: mkdtempSync(path.join(os.tmpdir(), "accord-pg-")), temporary: true };
}

/**
 * Starts PGlite in a worker thread on `dataDir` (or in memory when `dataDir` is "memory://…"),
 * after taking the directory lock. `loadDataDir` seeds a fresh database from a dump.
 */
export async function startEmbedded(options: {
  dataDir: string;
  logger?: Logger;
  maxConnections?: number;
  loadDataDir?: Uint8Array;
  /** PostgreSQL's shared_buffers inside PGlite, e.g. "64MB". */
  sharedBuffers?: string;
  /** Flush every commit to disk (default); off trades power-loss safety for faster writes. */
  durable?: boolean;
}): Promise<EmbeddedDatabase> {
  const inMemory = options.dataDir.startsWith("memory://");
  const pgDir = inMemory ? options.dataDir : path.join(options.dataDir, "pg");
  const release = inMemory ? () => {} : lockDataDir(options.dataDir);
  const firstRun = !inMemory && !existsSync(path.join(pgDir, "PG_VERSION"));
  if (!inMemory) mkdirSync(pgDir, { recursive: true });
  const socket = pickSocketDir(inMemory ? "" : options.dataDir);
  const socketPath = path.join(socket.dir, ".s.PGSQL.5432");
  rmSync(socketPath, { force: true });
  if (firstRun)
    options.logger?.info(
      { dataDir: options.dataDir },
      "initialising the embedded database (first run takes a few seconds)",
    );

  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), {
    workerData: {
      dataDir: pgDir,
      socketPath,
      maxConnections: options.maxConnections ?? 20,
      loadDataDir: options.loadDataDir,
      sharedBuffers: options.sharedBuffers,
      durable: options.durable ?? true,
    },
  });
  const waiters = new Set<(m: WorkerMessage) => void>();
  worker.on("message", (m: WorkerMessage) => {
    for (const w of [...waiters]) w(m);
  });
  const next = (type: WorkerMessage["type"]) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      const onMsg = (m: WorkerMessage) => {
        if (m.type === type || m.type === "error") {
          waiters.delete(onMsg);
          worker.off("exit", onExit);
          if (m.type === "error") reject(new Error(`Embedded database failed: ${m.message}`));
          else resolve(m);
        }
      };
      const onExit = (code: number) => {
        waiters.delete(onMsg);
        reject(new Error(`Embedded database worker exited with code ${code}`));
      };
      waiters.add(onMsg);
      worker.once("exit", onExit);
    });

  try {
    const opened = await next("opened");
    if (opened.type === "opened") options.logger?.info({ ms: opened.ms }, "embedded database opened");
    await next("ready");
  } catch (error) {
    await worker.terminate();
    release();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    socketDir: socket.dir,
    async dump() {
      const done = next("dumped");
      worker.postMessage({ type: "dump" });
      const m = await done;
      return m.type === "dumped" ? m.data : new Uint8Array();
    },
    async syncCount() {
      const done = next("syncs");
      worker.postMessage({ type: "syncs" });
      const m = await done;
      return m.type === "syncs" ? m.count : 0;
    },
    stop() {
      stopping ??= (async () => {
        const done = next("stopped").catch(() => undefined);
        worker.postMessage({ type: "stop" });
        await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
        await worker.terminate();
        if (socket.temporary) rmSync(socket.dir, { recursive: true, force: true });
        release();
      })();
      return stopping;
    },
  };
}
