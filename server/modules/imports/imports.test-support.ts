import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { uuidv7 } from "../../../core/uuid";
import { companies, jobs } from "../../db/schema/index";
import { jobHandlers } from "../../jobs/index";
import { startWorker } from "../../platform/queue";
import { createHarness, type Harness, type Session } from "../../test/harness";

/** Test helpers of the import and export tests (files are generated, never checked in). */

/** A valid 10-digit INN (legal entity) from a number: the check digit is computed. */
export function inn10(seed: number): string {
  const base = String(7_700_000_00 + seed)
    .padStart(9, "0")
    .slice(-9);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const sum = weights.reduce((s, w, i) => s + w * Number(base[i]), 0);
  return `${base}${(sum % 11) % 10}`;
}

/** The same INN with a wrong check digit. */
export function badInn(seed: number): string {
  const inn = inn10(seed);
  return `${inn.slice(0, 9)}${(Number(inn[9]) + 1) % 10}`;
}

export function csv(rows: readonly (readonly string[])[], delimiter = ";"): string {
  const cell = (v: string) => (/[";\n,]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${rows.map((r) => r.map(cell).join(delimiter)).join("\r\n")}\r\n`;
}

export const cp1251 = (text: string) => iconv.encode(text, "win1251");

export async function xlsx(rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Лист1");
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body, as a browser sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = `----accord${Math.random().toString(36).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** A harness whose storage is a fresh temporary directory, with an admin to import as. */
export async function openImportHarness(): Promise<{ h: Harness; admin: Session }> {
  const h = await createHarness();
  setTempDataDir(h);
  return { h, admin: await h.userWith("admin", { email: "admin@example.ru" }) };
}

/** Points the app's storage at a fresh temporary directory. */
export function setTempDataDir(h: Harness): string {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-imports-"));
  h.ctx.config.dataDir = dir;
  return dir;
}

export async function upload(
  h: Harness,
  url: string,
  session: Session,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string },
) {
  const { body, headers } = multipart(fields, file);
  return h.request("POST", url, { body, headers, cookie: session.cookie });
}

/** Runs queued jobs in this process until none is due (failed attempts are left to the caller). */
export async function runJobs(h: Harness): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const worker = startWorker(h.ctx, jobHandlers, { autostart: false, concurrency: 1 });
    const claimed = await worker.runOnce();
    await worker.stop();
    if (!claimed) return;
  }
}

/** Makes retried jobs due now (a failed attempt is otherwise retried after a back-off). */
export async function makeJobsDue(h: Harness): Promise<void> {
  await h.ctx.db.update(jobs).set({ runAt: sql`now()` }).where(eq(jobs.kind, "import"));
}

export async function seedCompany(
  h: Harness,
  ownerId: string,
  values: Partial<typeof companies.$inferInsert> & { name: string },
) {
  const workspaceId = h.ctx.workspaceId;
  const [row] = await h.ctx.db
    .insert(companies)
    .values({ id: uuidv7(), workspaceId, ownerId, createdBy: ownerId, ...values })
    .returning();
  return row!;
}

export async function companyCount(h: Harness): Promise<number> {
  const [row] = await h.ctx.db.select({ n: sql<number>`count(*)::int` }).from(companies);
  return row!.n;
}

/** Headers as a Bitrix24/Excel export names them: the auto-mapping is tested against these. */
export const importHeader = [
  "Наименование",
  "ИНН",
  "КПП",
  "Эл. почта",
  "Рабочий телефон",
  "Город",
  "Ответственный",
  "Теги",
];
