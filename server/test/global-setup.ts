import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, runMigrations } from "../platform/db/client";
import { projectRoot } from "../platform/version";

/**
 * Prepares one migrated template per run: a PGlite data-directory dump, or a PostgreSQL
 * template database. Each test file then starts from a copy of it in milliseconds.
 */
export default async function setup(project: TestProject) {
  // The project's `env` applies to test workers only; the project name tells this process.
  const kind = project.name === "api-postgres" ? "postgres" : "pglite";
  const runId = `${Date.now().toString(36)}${process.pid}`;
  if (kind === "pglite") {
    const database = await openDatabase({ dataDir: "memory://template", poolSize: 2, statementTimeoutMs: 0 });
    await runMigrations(database);
    const dump = await database.embedded!.dump();
    await database.close();
    const dir = path.join(projectRoot, ".tmp");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-template-${runId}.tar`);
    writeFileSync(file, dump);
    project.provide("pgliteTemplate", file);
    return;
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL project");
  const template = `accord_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const database = await openDatabase({
    databaseUrl: withDatabase(url, template),
    dataDir: "",
    poolSize: 2,
    statementTimeoutMs: 0,
  });
  await runMigrations(database);
  await database.close();
  project.provide("postgresTemplate", template);
  project.provide("postgresRunId", runId);
  return async () => {
    const dbs = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`accord_%${runId}%`],
    );
    for (const { datname } of dbs.rows) await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    postgresRunId: string;
  }
}
