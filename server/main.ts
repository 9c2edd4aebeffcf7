import { setFlagsFromString } from "node:v8";
import { loadConfig } from "./platform/config";
import { DataDirInUseError } from "./platform/db/data-dir-lock";
import { startServer } from "./runtime";

/**
 * The old generation may grow to twice what survived the last full collection, not V8's up to
 * four times: under an import, rows promoted in batches then dead grew the heap to ~300 MB
 * before it was collected (RSS 410–450 MB); with this, 260 MB, for a few more collections
 * (~15 ms each). Read by V8 whenever it sets the next limit, so setting it here takes effect.
 */
setFlagsFromString("--heap-growing-percent=100");

/** HTTP entry: starts Accord and shuts it down cleanly on SIGINT/SIGTERM. */
async function main() {
  const config = loadConfig();
  const running = await startServer(config);
  let signals = 0;
  const shutdown = (signal: string) => {
    signals++;
    if (signals > 1) process.exit(1);
    running.ctx.logger.info({ signal }, "shutting down");
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        running.ctx.logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    console.error(`\n  ${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
