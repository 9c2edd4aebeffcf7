#!/usr/bin/env node
// Runs before `npm test`: the document tests read PDFs with poppler's pdftotext, as a client's
// reader would. On a fresh Debian machine (as root) it is installed here; elsewhere the message
// says what to install. Everything else the tests need comes from npm.
import { spawnSync } from "node:child_process";

const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

if (!has("pdftotext")) {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && has("apt-get")) {
    console.log("Installing poppler-utils (pdftotext) for the document tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync(
      "apt-get",
      ["install", "-y", "-qq", "--no-install-recommends", "poppler-utils"],
      {
        stdio: "inherit",
        env,
      },
    );
    if (install.status !== 0 || !has("pdftotext")) process.exit(1);
  } else {
    console.error(
      "The document tests need pdftotext: install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler).",
    );
    process.exit(1);
  }
}
