import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

/** What the numbers were measured on; every results section starts with this. */
export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memory: string;
  node: string;
  postgres: string;
  pglite: string;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", timeout: 10_000 }).trim();
  } catch {
    return "unknown";
  }
}

export function machine(): Machine {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? "unknown";
  const free = run("free", ["-h"]).split("\n")[1]?.split(/\s+/)[1] ?? "unknown";
  const pglite = JSON.parse(readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")) as {
    version: string;
  };
  return {
    date: new Date().toISOString().slice(0, 16).replace("T", " "),
    cpus: Number(run("nproc", [])) || os.cpus().length,
    cpuModel: model,
    memory: free,
    node: process.version,
    postgres: run("psql", ["-h", "127.0.0.1", "-U", "postgres", "-Atc", "show server_version"]),
    pglite: `PGlite ${pglite.version}`,
  };
}

export function machineLine(m: Machine = machine()): string {
  return `${m.date} UTC · ${m.cpus} × ${m.cpuModel} · ${m.memory} RAM · Node ${m.node} · PostgreSQL ${m.postgres} · ${m.pglite}`;
}
