#!/usr/bin/env node
// `npm run dev`: the server with reload (tsx watch) and Vite's dev server with hot reload.
import { spawn } from "node:child_process";
import path from "node:path";
import { root } from "./fingerprint.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const children = [
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "server/main.ts"], {
    stdio: "inherit",
    cwd: root,
    env: { NODE_ENV: "development", ...process.env },
  }),
  spawn(bin("vite"), ["--config", "web/vite.config.ts"], { stdio: "inherit", cwd: root }),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children) child.on("exit", (code) => code && code !== 0 && stop());
