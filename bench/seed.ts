/**
 * Data generator driver: fills a dedicated database with the demo client base through the
 * real CLI (`accord seed --demo`, from the built bundle) and reports rows/s and sizes.
 *
 *   npm run bench -- seed [--companies 1000000] [--contacts-per-company 2] [--managers 200] [--deals 500000]
 *                         [--activities 5000000] [--seed 2026]
 *                         [--db postgres --database accord_bench | --db pglite --data-dir DIR] [--force]
 *
 * An already seeded target is left alone unless --force (which drops and re-creates it).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDatabase, databaseExists, databaseUrl, dropDatabase } from "./lib/postgres";
import { num, table, writeSection } from "./lib/report";
import { ensureBuilt, root } from "./lib/server";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "postgres" },
    database: { type: "string", default: "accord_bench" },
    "data-dir": { type: "string", default: ".tmp/bench/pglite-100k" },
    companies: { type: "string", default: "1000000" },
    "contacts-per-company": { type: "string", default: "2" },
    deals: { type: "string", default: "0" },
    activities: { type: "string", default: "0" },
    managers: { type: "string", default: "8" },
    seed: { type: "string", default: "2026" },
    force: { type: "boolean", default: false },
  },
});
const kind = values.db === "pglite" ? "pglite" : "postgres";
const dataDir = path.resolve(root, values["data-dir"]!);
const name = values.database!;

function du(dir: string): string {
  return execFileSync("du", ["-sh", dir], { encoding: "utf8" }).split("\t")[0] ?? "?";
}

async function pgCounts(): Promise<{ companies: number; contacts: number; size: string } | null> {
  if (!(await databaseExists(name))) return null;
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    const exists = await client.query("select to_regclass('companies') is not null as ok");
    if (!exists.rows[0].ok) return { companies: 0, contacts: 0, size: "—" };
    const { rows } = await client.query(
      `select (select count(*) from companies) as companies, (select count(*) from contacts) as contacts,
              pg_size_pretty(pg_database_size(current_database())) as size`,
    );
    return { companies: Number(rows[0].companies), contacts: Number(rows[0].contacts), size: rows[0].size };
  } finally {
    await client.end();
  }
}

function runCli(env: Record<string, string>): Promise<{ ms: number; output: string }> {
  const args = [
    "dist/server/cli.js",
    "seed",
    "--demo",
    "--companies",
    values.companies!,
    "--contacts-per-company",
    values["contacts-per-company"]!,
    "--seed",
    values.seed!,
    "--deals",
    values.deals!,
    "--activities",
    values.activities!,
    "--managers",
    values.managers!,
  ];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const base = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("ACCORD_") && k !== "DATABASE_URL"),
    );
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...base, ACCORD_LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
      process.stdout.write(c);
    });
    child.once("exit", (code) =>
      code === 0
        ? resolve({ ms: performance.now() - started, output })
        : reject(new Error(`seed exited ${code}`)),
    );
  });
}

async function main() {
  ensureBuilt();
  const env: Record<string, string> =
    kind === "pglite" ? { ACCORD_DATA_DIR: dataDir } : { DATABASE_URL: databaseUrl(name) };
  if (kind === "postgres") {
    const before = await pgCounts();
    if (before && before.companies > 0 && !values.force) {
      console.log(`${name} already has ${num(before.companies)} companies (use --force to re-create it).`);
      return;
    }
    await dropDatabase(name);
    await createDatabase(name);
  } else {
    if (existsSync(path.join(dataDir, "pg", "PG_VERSION")) && !values.force) {
      console.log(`${dataDir} already exists (use --force to re-create it).`);
      return;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  const { ms: took, output } = await runCli(env);
  const done = /Done: ([\d,]+) companies, ([\d,]+) contacts/.exec(output);
  const companies = Number(done?.[1]?.replace(/,/g, "") ?? Number.NaN);
  const contacts = Number(done?.[2]?.replace(/,/g, "") ?? Number.NaN);
  const size = kind === "postgres" ? ((await pgCounts())?.size ?? "?") : du(dataDir);
  writeSection(
    `seed-${kind}`,
    `Demo data generator on ${kind === "pglite" ? "PGlite" : "PostgreSQL"}`,
    `\`accord seed --demo --companies ${values.companies} --contacts-per-company ${values["contacts-per-company"]} --managers ${values.managers} --deals ${values.deals} --activities ${values.activities} --seed ${values.seed}\`
from the built bundle into ${kind === "postgres" ? `database \`${name}\`` : `\`${path.relative(root, dataDir)}\``}, with every index of the schema
in place (batches of 5 000 rows, \`insert … select … from unnest(…)\`, generation overlapped with writing).

${table(
  ["companies", "contacts", "time (incl. migrations and users)", "rows/s", "size on disk"],
  [
    [
      num(companies),
      num(contacts),
      `${(took / 1000).toFixed(0)} s`,
      num((companies + contacts) / (took / 1000)),
      size,
    ],
  ],
)}`,
  );
}

await main();
