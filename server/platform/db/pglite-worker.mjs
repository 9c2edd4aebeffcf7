// Runs PGlite in a worker thread and serves it over the PostgreSQL wire protocol on a unix
// socket, so a slow query never blocks the HTTP event loop and the app uses node-postgres
// exactly as it does against a real server. Plain JavaScript: Node starts worker files as is.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const { dataDir, socketPath, maxConnections, loadDataDir, sharedBuffers } = workerData;

let db;
let server;

async function start() {
  const started = Date.now();
  const options = { extensions: { pg_trgm }, relaxedDurability: false };
  // PGlite keeps shared buffers inside its WebAssembly memory, so they count in the process's RSS.
  if (sharedBuffers) options.postgresqlconf = [`shared_buffers = ${sharedBuffers}`];
  if (loadDataDir) options.loadDataDir = new Blob([loadDataDir]);
  db = await PGlite.create(dataDir, options);
  parentPort.postMessage({ type: "opened", ms: Date.now() - started });
  server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  parentPort.postMessage({ type: "ready", ms: Date.now() - started });
}

parentPort.on("message", async (msg) => {
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
