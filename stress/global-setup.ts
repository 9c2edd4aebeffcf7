import { execFileSync } from "node:child_process";
import path from "node:path";

/** Builds the server bundle once; every stress test starts `dist/server/main.js` children. */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(process.execPath, ["scripts/build.mjs", "server"], { cwd: root, stdio: "inherit" });
}
