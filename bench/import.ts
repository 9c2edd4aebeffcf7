/**
 * Import benchmark (issue 3): a generated CSV of companies through POST /api/v1/imports
 * (multipart, dryRun false), polled until done; rows/s and the server's RSS sampled every
 * 200 ms from /proc/<pid>/status.
 *
 *   npm run bench -- import [--rows 100000] [--db postgres|pglite]
 *                           [--database NAME]   (default: a fresh database, dropped afterwards)
 *
 * Rows carry requisites and e-mails the demo base never uses (serialOffset), so on a seeded
 * base every row is a create, as on an empty one. Into an existing database, the companies the
 * run created are removed afterwards (and the table vacuumed), so that the next run meets the
 * same base and creates again instead of matching.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "csv-stringify/sync";
import pg from "pg";
import { createDemoGenerator } from "../server/db/seed/generate";
import { cpuMeter } from "./lib/cpu";
import { createDatabase, databaseUrl, dropDatabase } from "./lib/postgres";
import { mb, num, table, verdict, writeSection } from "./lib/report";
import { login, root, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    db: { type: "string", default: "postgres" },
    database: { type: "string" },
    "max-minutes": { type: "string", default: "30" },
    /** ACCORD_DB_POOL_SIZE of the server (default: the server's own default, 10). */
    "pool-size": { type: "string" },
    /** Names the results file bench/results/import-<db><suffix>.md. */
    suffix: { type: "string", default: "" },
  },
});
const rows = Math.min(1_000_000, Math.max(100, Number(values.rows)));
const kind = values.db === "pglite" ? "pglite" : "postgres";
const maxMs = Math.min(120, Math.max(1, Number(values["max-minutes"]))) * 60_000;
const ADMIN = { email: "bench@example.ru", password: "bench-password-2026" };
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

const kindLabel = { legal: "ЮЛ", entrepreneur: "ИП", person: "ФЛ" } as const;
const statusLabel = { prospect: "Потенциальный", client: "Клиент", former: "Бывший" } as const;

/** A 1C/Excel-style export: Russian headers, «;» separated, several phones in one cell. */
export function generateCsv(file: string, count: number): number {
  const owners = { owners: [{ id: "01900000-0000-7000-8000-0000000000aa", weight: 1 }] };
  const g = createDemoGenerator({
    seed: 77,
    owners,
    total: count,
    contactsPerCompany: 0,
    serialOffset: 50_000,
  });
  const header = [
    "Наименование",
    "Полное наименование",
    "Тип",
    "Статус",
    "ИНН",
    "КПП",
    "ОГРН",
    "БИК",
    "Расчетный счет",
    "Корр. счет",
    "Банк",
    "Отрасль",
    "Регион",
    "Город",
    "Сегмент",
    "Источник",
    "Теги",
    "Телефон",
    "Email",
    "Сайт",
    "Адрес",
  ];
  const lines: string[] = [stringify([header], { delimiter: ";" })];
  for (let i = 0; i < count; i++) {
    const c = g.next();
    // Demo brands repeat (ООО «Импульс» …); an import matches by e-mail after INN, so the
    // mailboxes get a unique domain to keep every row a create.
    const emails = c.emails.map((e) => e.replace("@", `@i${i}.`));
    const row = [
      c.name,
      c.fullName ?? "",
      kindLabel[c.kind],
      statusLabel[c.status],
      c.inn ?? "",
      c.kpp ?? "",
      c.ogrn ?? "",
      c.bik ?? "",
      c.account ?? "",
      c.corrAccount ?? "",
      c.bankName ?? "",
      c.industry ?? "",
      c.region,
      c.city,
      c.segment ?? "",
      c.source,
      c.tags.join(", "),
      c.phones.join(", "),
      emails.join(", "),
      c.website ?? "",
      c.address,
    ];
    lines.push(stringify([row], { delimiter: ";" }));
  }
  const text = lines.join("");
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

type ImportState = {
  id: string;
  status: string;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  error?: string | null;
  errors: { row: number; path: string; message: string }[];
};

async function main() {
  const dir = path.join(root, ".tmp/bench");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `import-${rows}.csv`);
  const bytes = generateCsv(file, rows);
  console.log(`Generated ${file}: ${num(rows)} rows, ${(bytes / 1048576).toFixed(1)} MB`);

  const fresh = !values.database;
  const dbName = values.database ?? `accord_bench_import_${Date.now().toString(36)}`;
  const tmp = kind === "pglite" ? path.join(os.tmpdir(), `accord-bench-import-${process.pid}`) : "";
  const env: Record<string, string> =
    kind === "pglite"
      ? { ACCORD_DATA_DIR: tmp }
      : { DATABASE_URL: fresh ? await createDatabase(dbName) : databaseUrl(dbName) };
  const server = await startServer({
    env: {
      ...env,
      ...(values["pool-size"] ? { ACCORD_DB_POOL_SIZE: values["pool-size"] } : {}),
      ACCORD_ADMIN_EMAIL: ADMIN.email,
      ACCORD_ADMIN_PASSWORD: ADMIN.password,
    },
    timeoutMs: 600_000,
  });
  const samples: { t: number; rss: number }[] = [];
  let startedAt: string | null = null;
  try {
    const email = fresh ? ADMIN.email : "admin@demo.accord";
    const password = fresh ? ADMIN.password : "demo-password-2026";
    const cookie = await login(server.url, email, password);
    await sleep(3000);
    const idle = server.rssMb();
    startedAt = await serverClock(env.DATABASE_URL);
    const meter = await cpuMeter(server.pid, kind === "postgres" ? dbName : null);
    const started = performance.now();
    const sampler = setInterval(
      () => samples.push({ t: performance.now() - started, rss: server.rssMb() }),
      200,
    );
    const form = new FormData();
    form.set("entity", "companies");
    form.set("dryRun", "false");
    form.set("file", new Blob([readFileSync(file)], { type: "text/csv" }), path.basename(file));
    const res = await fetch(`${server.url}/api/v1/imports`, {
      method: "POST",
      headers: { cookie, origin: server.url },
      body: form,
    });
    const accepted = (await res.json()) as ImportState;
    if (res.status !== 202) throw new Error(`POST /imports → ${res.status} ${JSON.stringify(accepted)}`);
    const uploadedMs = performance.now() - started;
    let state = accepted;
    let lastLog = 0;
    while (performance.now() - started < maxMs) {
      await sleep(250);
      const r = await fetch(`${server.url}/api/v1/imports/${accepted.id}`, { headers: { cookie } });
      state = (await r.json()) as ImportState;
      if (performance.now() - lastLog > 5000) {
        lastLog = performance.now();
        console.log(
          `  ${state.status}: ${num(state.processed)}/${num(state.total ?? rows)}, RSS ${mb(server.rssMb())}`,
        );
      }
      if (["done", "failed", "cancelled"].includes(state.status)) break;
    }
    clearInterval(sampler);
    const totalMs = performance.now() - started;
    // CPU per thousand rows: what caps the rate on two cores, whatever else the machine runs.
    const cpu = await meter.stop(Math.max(1, state.processed / 1000));
    const peak = Math.max(...samples.map((s) => s.rss));
    const peakAt = samples.find((s) => s.rss === peak)?.t ?? 0;
    const rate = state.processed / (totalMs / 1000);
    console.log(JSON.stringify({ ...state, errors: state.errors.slice(0, 5) }, null, 2));
    writeSection(
      `import-${kind}${values.suffix}`,
      `Import of ${num(rows)} companies on ${kind === "pglite" ? "PGlite" : "PostgreSQL"}${fresh ? " (empty database)" : ` (into \`${dbName}\`)`}`,
      `A generated CSV (${(bytes / 1048576).toFixed(1)} MB, «;», Russian headers, 21 columns: requisites, bank, phones,
e-mails, tags, address) uploaded as multipart to \`POST /api/v1/imports\` {entity: companies, dryRun: false} and polled
every 250 ms until done. Time runs from the start of the upload to the poll that saw "${state.status}".
RSS: VmRSS of the server process every 200 ms (${samples.length} samples). Server pool: ${values["pool-size"] ?? "default (10)"}.
CPU per 1 000 rows: server ${cpu.serverMs.toFixed(0)} ms${kind === "postgres" ? `, PostgreSQL backends ${cpu.postgresMs.toFixed(0)} ms` : " (PGlite included)"}.

${table(
  [
    "rows",
    "status",
    "created",
    "updated",
    "failed",
    "upload",
    "total time",
    "rows/s",
    "idle RSS",
    "peak RSS",
    "target ≥ 10 000 rows/s",
  ],
  [
    [
      num(state.total ?? rows),
      state.status,
      num(state.created),
      num(state.updated),
      num(state.failed),
      `${(uploadedMs / 1000).toFixed(1)} s`,
      `${(totalMs / 1000).toFixed(1)} s`,
      num(rate),
      mb(idle),
      `${mb(peak)} (at ${(peakAt / 1000).toFixed(1)} s)`,
      verdict(state.status === "done" && rate >= 10_000),
    ],
  ],
)}
${state.error ? `\nError: ${state.error}\n` : ""}`,
    );
  } finally {
    await server.stop();
    if (kind === "pglite") rmSync(tmp, { recursive: true, force: true });
    else if (fresh) await dropDatabase(dbName);
    else if (startedAt) await removeImported(env.DATABASE_URL!, startedAt);
  }
}

/** The database's clock (the import's rows are stamped by it), or null on PGlite. */
async function serverClock(url: string | undefined): Promise<string | null> {
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ now: string }>("select now()::text as now")).rows[0]!.now;
  } finally {
    await client.end();
  }
}

/** Hard-deletes what the run created in a kept bench base; nothing else writes there meanwhile. */
async function removeImported(url: string, since: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      "delete from companies where created_at >= $1 and created_by = (select id from users where email = 'admin@demo.accord')",
      [since],
    );
    await client.query("vacuum (analyze) companies");
    console.log(`Removed the ${num(rowCount ?? 0)} companies the run created, vacuumed companies.`);
  } finally {
    await client.end();
  }
}

await main();
