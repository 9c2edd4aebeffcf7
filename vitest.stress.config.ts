import { defineConfig } from "vitest/config";

/**
 * Stress tests: the built server as child processes, killed with SIGKILL mid-work, on PGlite
 * and (when TEST_DATABASE_URL is set) PostgreSQL. One file at a time: they share two cores.
 */
export default defineConfig({
  test: {
    name: "stress",
    include: ["stress/**/*.stress.ts"],
    globalSetup: ["stress/global-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
