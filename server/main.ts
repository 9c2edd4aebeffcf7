import { loadConfig } from "./platform/config";
import { DataDirInUseError } from "./platform/db/data-dir-lock";
import { startServer } from "./runtime";

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
