import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { machineLine } from "./machine";
import { root } from "./server";

/** Markdown helpers: each bench prints its section and saves it under bench/results/. */

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(v < 10 ? 1 : 0)} ms` : "—");
export const num = (v: number) =>
  Number.isFinite(v) ? Math.round(v).toLocaleString("en").replace(/,/g, " ") : "—";
export const mb = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} MB` : "—");

export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function verdict(ok: boolean | null): string {
  return ok === null ? "—" : ok ? "met" : "**missed**";
}

/** The machine is shared (other engineers' test runs): the load says how quiet it was. */
const loadAtStart = os.loadavg()[0]!;

export function writeSection(name: string, title: string, body: string): string {
  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`;
  const text = `## ${title}\n\n_${machineLine()} · ${load}_\n\n${body.trim()}\n`;
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.md`), text);
  console.log(`\n${text}`);
  return text;
}
