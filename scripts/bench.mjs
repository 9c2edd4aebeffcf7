#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>.ts with tsx. Each bench prints a
// markdown section and saves it to bench/results/<name>.md; BENCHMARKS.md collects them.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { root } from "./fingerprint.mjs";

const benches = readdirSync(path.join(root, "bench"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => f.slice(0, -3))
  .sort();
const [name, ...args] = process.argv.slice(2);
if (!name || !benches.includes(name)) {
  console.log(
    `Usage: npm run bench -- <name> [options]\n\nBenchmarks: ${benches.join(", ")}\nSee BENCHMARKS.md.`,
  );
  process.exit(name ? 2 : 0);
}
const file = path.join(root, "bench", `${name}.ts`);
if (!existsSync(file)) process.exit(2);
const run = spawnSync(process.execPath, ["--import", "tsx", file, ...args], { cwd: root, stdio: "inherit" });
process.exit(run.status ?? 1);
