// Runs PGlite in a worker thread and serves it over the PostgreSQL wire protocol on a unix
// socket, so a slow query never blocks the HTTP event loop and the app uses node-postgres
// exactly as it does against a real server. Plain JavaScript: Node starts worker files as is.
import { fsyncSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, maxConnections, loadDataDir, sharedBuffers, durable } = workerData;

let db;
let server;
/** Data and WAL flushes made to disk: the durability test counts them against commits. */
let syncs = 0;

/**
 * PGlite starts PostgreSQL with fsync off (-F), and the Emscripten file system under it has no
 * fsync of its own, so a commit reached the operating system's cache but not the disk: safe from a
 * process kill, not from a power loss or a kernel crash. Durable mode turns fsync back on, makes
 * the WAL flush with fsync() (Emscripten's fdatasync does nothing) and gives the Node file system
 * the missing operation, so every commit is on disk before it is acknowledged.
 */
function durableStartParams() {
  return [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=fsync"];
}

function installFsync(pglite) {
  const nodefs = pglite.mod?.FS?.filesystems?.NODEFS;
  if (!nodefs) throw new Error("PGlite's Node file system was not found: cannot make commits durable");
  nodefs.stream_ops.fsync = (stream) => {
    try {
      fsyncSync(stream.nfd);
      syncs++;
      return 0;
    } catch {
      return 29; // EIO: PostgreSQL treats a failed flush as fatal, as it must.
    }
  };
}

async function start() {
  const started = Date.now();
  const options = { extensions: { pg_trgm }, relaxedDurability: false };
  // PGlite keeps shared buffers inside its WebAssembly memory, so they count in the process's RSS.
  if (sharedBuffers) options.postgresqlconf = [`shared_buffers = ${sharedBuffers}`];
  const onDisk = !dataDir.startsWith("memory://");
  if (durable && onDisk) options.startParams = durableStartParams();
  if (loadDataDir) options.loadDataDir = new Blob([loadDataDir]);
  db = await PGlite.create(dataDir, options);
  if (durable && onDisk) installFsync(db);
  parentPort.postMessage({ type: "opened", ms: Date.now() - started });
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  parentPort.postMessage({ type: "ready", ms: Date.now() - started });
}

parentPort.on("message", async (msg) => {
  if (msg?.type === "syncs") parentPort.postMessage({ type: "syncs", count: syncs });
  if (msg?.type === "dump") {
    const blob = await db.dumpDataDir("none");
    parentPort.postMessage({ type: "dumped", data: new Uint8Array(await blob.arrayBuffer()) });
  }
  if (msg?.type === "stop") {
    try {
      await server?.stop();
      // CHECKPOINT flushes the WAL into the data files before the process goes away.
      await db?.exec("CHECKPOINT");
      await db?.close();
    } finally {
      parentPort.postMessage({ type: "stopped" });
    }
  }
});

start().catch((error) => {
  parentPort.postMessage({ type: "error", message: String(error?.stack ?? error) });
});
