/**
 * Documents benchmark (issue 5): a 200-line proposal rendered to PDF, and 50 concurrent PDF
 * requests while GET /api/health is timed (its p95 must stay ≤ 50 ms: rendering runs in worker
 * threads, not on the event loop).
 *
 *   npm run bench -- documents [--lines 200] [--concurrent 50] [--runs 5]
 *
 * It prepares a fresh embedded database in .tmp/bench/documents (the admin, a client and a
 * 200-line proposal written directly: the embedded database takes one connection, so this
 * happens before the server starts), then builds and starts the server on it.
 */
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { uuidv7 } from "../core/uuid";
import { longProposal } from "../server/modules/documents/documents.samples";
import { renderPdf } from "../server/modules/documents/pdf";
import { createUser } from "../server/modules/users/users.service";
import { systemActor } from "../server/platform/actor";
import { openDatabase, runMigrations } from "../server/platform/db/client";
import { ensureDefaultWorkspace } from "../server/platform/workspace";
import { percentile, summarize } from "./lib/load";
import { ms, table, verdict, writeSection } from "./lib/report";
import { login, root, startServer } from "./lib/server";

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "200" },
    concurrent: { type: "string", default: "50" },
    runs: { type: "string", default: "5" },
  },
});
const lines = Math.min(2000, Math.max(1, Number(values.lines)));
const concurrent = Math.min(200, Math.max(1, Number(values.concurrent)));
const runs = Math.min(50, Math.max(1, Number(values.runs)));

// 1. Rendering alone, in this process (the worker pool the server uses).
const doc = longProposal(lines);
await renderPdf(doc); // warm-up: the worker starts and loads the fonts
const renderTimes: number[] = [];
let size = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  size = (await renderPdf(doc)).length;
  renderTimes.push(performance.now() - t);
}
renderTimes.sort((a, b) => a - b);
const renderMedian = percentile(renderTimes, 50);

// 2. The server under 50 concurrent PDF requests, GET /api/health timed meanwhile.
const dataDir = path.join(root, ".tmp/bench/documents");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const email = "bench-admin@example.ru";
const password = "bench password 2026";
const proposalId = uuidv7();
{
  const database = await openDatabase({ dataDir, poolSize: 1, statementTimeoutMs: 0 });
  await runMigrations(database);
  const workspaceId = await ensureDefaultWorkspace(database.db);
  const admin = await createUser(database.db, systemActor(workspaceId), {
    email,
    password,
    fullName: "Bench Admin",
    role: "admin",
    headId: null,
  });
  const pool = database.pool;
  const companyId = uuidv7();
  await pool.query(
    "insert into companies (id, workspace_id, name, inn, owner_id) values ($1, $2, $3, $4, $5)",
    [companyId, workspaceId, "ООО «Бенчмарк»", "5024002119", admin.id],
  );
  const orgId = uuidv7();
  await pool.query(
    `insert into organisations (id, workspace_id, name, inn, kpp, bank_name, bik, account, corr_account, director)
     values ($1, $2, 'ООО «Северный Ветер»', '7707083893', '773601001', 'ПАО СБЕРБАНК', '044525225',
             '40702810938000012345', '30101810400000000225', 'Журавлёв И. П.')`,
    [orgId, workspaceId],
  );
  await pool.query(
    `insert into proposals (id, workspace_id, group_id, number, organisation_id, company_id, owner_id, status,
       net, vat, gross, issue_date, valid_until)
     values ($1, $2, $1, 'КП-2026-000200', $3, $4, $5, 'approved', $6, $7, $8, '2026-11-27', '2026-12-11')`,
    [proposalId, workspaceId, orgId, companyId, admin.id, doc.totals.net, doc.totals.vat, doc.totals.gross],
  );
  for (const l of doc.lines)
    await pool.query(
      `insert into proposal_lines (id, workspace_id, proposal_id, position, sku, name, unit_code, quantity,
         list_price, price, vat_rate, net, vat, gross)
       values ($1, $2, $3, $4, $5, $6, '796', $7, $8, $8, $9, $10, $11, $12)`,
      [
        uuidv7(),
        workspaceId,
        proposalId,
        l.position,
        l.sku,
        l.name,
        l.quantity,
        l.price,
        l.vatRate,
        l.net,
        l.vat,
        l.gross,
      ],
    );
  await database.close();
}

const server = await startServer({ env: { ACCORD_DATA_DIR: dataDir, ACCORD_WORKER: "off" } });
let concurrentResult = "";
let healthP95 = Number.NaN;
try {
  const cookie = await login(server.url, email, password);
  const pdfUrl = `${server.url}/api/v1/proposals/${proposalId}/pdf`;
  const first = await fetch(pdfUrl, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`PDF: ${first.status} ${await first.text()}`);
  await first.arrayBuffer();

  let done = false;
  const health: number[] = [];
  let healthErrors = 0;
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      const res = await fetch(`${server.url}/api/health`).catch(() => null);
      if (res?.status !== 200) healthErrors++;
      await res?.arrayBuffer();
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  const pdfTimes = await Promise.all(
    Array.from({ length: concurrent }, async () => {
      const t = performance.now();
      const res = await fetch(pdfUrl, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`PDF under load: ${res.status}`);
      return performance.now() - t;
    }),
  );
  const wall = performance.now() - started;
  done = true;
  await probe;
  const h = summarize(health, healthErrors, wall / 1000);
  const p = summarize(pdfTimes, 0, wall / 1000);
  healthP95 = h.p95;
  concurrentResult = table(
    ["measure", "count", "p50", "p95", "max"],
    [
      [
        `GET /proposals/:id/pdf (${lines} lines), ${concurrent} at once`,
        p.count,
        ms(p.p50),
        ms(p.p95),
        ms(p.max),
      ],
      ["GET /api/health meanwhile", h.count, ms(h.p50), ms(h.p95), ms(h.max)],
    ],
  );
  concurrentResult += `\n\nAll ${concurrent} PDFs in ${ms(wall)}; health errors: ${healthErrors}.`;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

writeSection(
  "documents",
  "Documents: proposal PDF",
  `
${table(
  ["measure", "result", "target", "verdict"],
  [
    [
      `${lines}-line proposal → PDF (median of ${runs}, ${Math.round(size / 1024)} KB)`,
      ms(renderMedian),
      "≤ 1 s",
      verdict(renderMedian <= 1000),
    ],
    [
      `p95 of GET /api/health during ${concurrent} concurrent PDFs`,
      ms(healthP95),
      "≤ 50 ms",
      verdict(healthP95 <= 50),
    ],
  ],
)}

${concurrentResult}

PDFs render in a pool of worker threads (server/modules/documents/pdf.ts), so the event loop
keeps answering while they queue.
`,
);
process.exit(0);
