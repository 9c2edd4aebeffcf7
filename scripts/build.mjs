#!/usr/bin/env node
// Builds the server bundle (esbuild) and the web app (Vite) into dist/, and stamps the build
// with a fingerprint of the sources so `npm start` rebuilds only when something changed.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { root, sourceFingerprint } from "./fingerprint.mjs";

const only = process.argv[2]; // "server" | "web" | undefined (both)
const started = Date.now();

if (!only || only === "server") {
  await build({
    entryPoints: { main: "server/main.ts", cli: "server/cli.ts" },
    outdir: path.join(root, "dist/server"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    sourcemap: true,
    packages: "external",
    logLevel: "warning",
  });
  // Worker threads load their file as is: ship it beside the bundle.
  copyFileSync(
    path.join(root, "server/platform/db/pglite-worker.mjs"),
    path.join(root, "dist/server/pglite-worker.mjs"),
  );
  copyFileSync(
    path.join(root, "server/modules/documents/pdf-worker.mjs"),
    path.join(root, "dist/server/pdf-worker.mjs"),
  );
  mkdirSync(path.join(root, "dist/server/templates"), { recursive: true });
  copyFileSync(
    path.join(root, "server/modules/documents/templates/proposal.docx"),
    path.join(root, "dist/server/templates/proposal.docx"),
  );
}
if (!only || only === "web") {
  execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--config",
      "web/vite.config.ts",
      "--logLevel",
      "warn",
    ],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}
mkdirSync(path.join(root, "dist"), { recursive: true });
if (!only) writeFileSync(path.join(root, "dist/.build-stamp"), sourceFingerprint());
console.log(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
