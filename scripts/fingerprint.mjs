// A cheap fingerprint of everything that goes into dist/: paths, sizes and mtimes of sources.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const inputs = ["core", "contracts", "server", "web", "package-lock.json"];
const skip = new Set(["node_modules", "dist", "migrations"]);

function walk(p, out) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort())
      if (!skip.has(name) && !name.endsWith(".test.ts")) walk(path.join(p, name), out);
  } else {
    out.push(`${path.relative(root, p)}:${st.size}:${Math.floor(st.mtimeMs)}`);
  }
}

export function sourceFingerprint() {
  const out = [];
  for (const input of inputs) walk(path.join(root, input), out);
  let h = 0x811c9dc5;
  for (const ch of out.join("\n")) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${out.length}-${h.toString(16)}`;
}
