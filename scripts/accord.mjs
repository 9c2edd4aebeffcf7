#!/usr/bin/env node
// The `accord` command: runs the bundled CLI, building it first when needed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { root } from "./fingerprint.mjs";

const cli = path.join(root, "dist/server/cli.js");
if (!existsSync(cli)) {
  const built = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs"), "server"], {
    stdio: "inherit",
    cwd: root,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(cli);
