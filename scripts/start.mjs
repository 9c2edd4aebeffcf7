#!/usr/bin/env node
// `npm start`: builds when dist/ is missing or older than the sources, then runs the server.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { root, sourceFingerprint } from "./fingerprint.mjs";

const stamp = path.join(root, "dist/.build-stamp");
const fresh = existsSync(stamp) && readFileSync(stamp, "utf8") === sourceFingerprint();
if (!fresh) {
  console.log("Building Accord (first start or sources changed)…");
  const built = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs")], {
    stdio: "inherit",
    cwd: root,
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(path.join(root, "dist/server/main.js"));
