/**
 * Embedded durability (issue 7, part 5): what a commit costs when it is flushed to disk (the
 * default) and when it is not (ACCORD_PGLITE_FSYNC=off), and how long the kernel may hold an
 * unflushed write — the window an OS crash or power loss could take in the second case.
 *
 *   npm run bench -- durability [--commits 500]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { probeCommits } from "../server/platform/db/durability-probe";
import { summarize } from "./lib/load";
import { ms, num, table, writeSection } from "./lib/report";

const { values } = parseArgs({ options: { commits: { type: "string", default: "500" } } });
const commits = Math.min(20_000, Math.max(50, Number(values.commits)));

async function run(durable: boolean) {
  const r = await probeCommits(durable, commits);
  return { durable, stats: summarize(r.latencies, 0, r.seconds), flushes: r.flushes };
}

const sysctl = (name: string) => {
  try {
    return readFileSync(`/proc/sys/vm/${name}`, "utf8").trim();
  } catch {
    return "?";
  }
};

async function main() {
  const results = [await run(true), await run(false), await run(true), await run(false)];
  const expire = Number(sysctl("dirty_expire_centisecs")) / 100;
  const writeback = Number(sysctl("dirty_writeback_centisecs")) / 100;
  writeSection(
    "durability",
    "Embedded durability: a commit flushed to disk, and not",
    `${num(commits)} single-row commits, one after another, on a fresh embedded database in the temp directory
(ext4 on a virtual disk), each mode twice.

${table(
  ["mode", "commit p50", "commit p95", "commits/s", "flushes to disk", "flushes per commit"],
  results.map((r) => [
    r.durable ? "durable (default)" : "ACCORD_PGLITE_FSYNC=off",
    ms(r.stats.p50),
    ms(r.stats.p95),
    num(r.stats.rps),
    num(r.flushes),
    (r.flushes / commits).toFixed(2),
  ]),
)}

What a crash could lose: a process kill (SIGKILL, an out-of-memory kill) loses no acknowledged commit in either
mode — the write has reached the kernel before the answer leaves (20 kills per run in stress/crash.stress.ts).
An OS crash or power loss loses nothing acknowledged in durable mode (every commit flushed, as counted above);
with fsync off it may lose every commit the kernel had not yet written back: on this machine dirty pages are
written back after ${expire} s (vm.dirty_expire_centisecs) by a flusher that wakes every ${writeback} s, so up to
about ${expire + writeback} s of work — and, since the write-back order is the kernel's, possibly a data file ahead of its WAL.`,
  );
}

await main();
