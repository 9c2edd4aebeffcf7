import { sql } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { teamOf } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { withTx } from "../../platform/db/client";
import { authorize } from "../../platform/policy";
import { companiesImporter } from "../companies/companies.import";
import { SearchVocabularyWriter } from "../search/search.words";
import { contactsImporter } from "./contacts.import";
import { auditImport } from "./imports.audit";
import {
  type BatchOutcome,
  type EntityImporter,
  type ImportContext,
  OwnerDirectory,
} from "./imports.importer";
import { columnsOf } from "./imports.mapping";
import { countDataRows, readRows, type SourceRow, type StoredFile, uniqueHeader } from "./imports.reader";
import {
  advanceImport,
  deletePlannedKeys,
  findUser,
  type ImportRow,
  insertNotes,
  lockImport,
  startImport,
  updateImport,
  workspaceUsers,
} from "./imports.repo";
import { TableStats } from "./imports.stats";

/**
 * Runs one import: streams the file, and commits it batch by batch. Each batch — its company
 * rows, its error-report rows, the import's counters and `position` — commits in ONE
 * transaction, so a crash loses no committed batch and leaves no half batch; a restarted job
 * skips the first `position` data rows and carries on. See docs/imports.md.
 */

/** Rows per batch; tests and benchmarks may change it. */
export const importSettings = { batchSize: 1000 };

/**
 * Test hook, called inside each batch's transaction after its writes and before its commit.
 * Throwing from it simulates a crash in the middle of an import; waiting in it holds the
 * commit back. Never set in production.
 */
export const importHooks: { afterBatchWrite?: (batch: number) => void | Promise<void> } = {};

const YIELD_EVERY = 50;

/** The file could not be read to the end (broken CSV quoting, a damaged XLSX): retrying will not help. */
class FileReadError extends Error {}

type Heartbeat = (progress?: Record<string, unknown>) => Promise<void>;

/** The actor of a job: the import's author with their current role and team. */
async function actorOf(ctx: AppContext, imp: ImportRow): Promise<Actor | null> {
  const user = await findUser(ctx.db, imp.workspaceId, imp.userId);
  if (!user || user.deletedAt) return null;
  return {
    id: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    email: user.email,
    teamIds: user.role === "head" ? await teamOf(ctx.db, user.workspaceId, user.id) : [user.id],
    tokenScope: null,
    sessionId: null,
    locale: user.locale,
  };
}

export async function runImport(ctx: AppContext, imp: ImportRow, heartbeat: Heartbeat): Promise<void> {
  if (imp.status !== "queued" && imp.status !== "running") return;
  const actor = await actorOf(ctx, imp);
  if (!actor) return failImport(ctx, imp.id, null, "the import's author is no longer active");
  let reach: ReturnType<typeof authorize>;
  try {
    reach = authorize(actor, imp.entity, "import");
  } catch {
    return failImport(ctx, imp.id, actor, "the import's author may no longer import");
  }
  const file: StoredFile = {
    key: imp.filePath,
    format: imp.format,
    encoding: imp.encoding as StoredFile["encoding"],
    delimiter: imp.delimiter as StoredFile["delimiter"],
  };
  try {
    // Only a queued import starts: a cancel that came first wins.
    if (imp.status === "queued" && !(await startImport(ctx.db, imp.id))) return;
    const total = imp.total ?? (await countDataRows(ctx.config, file, () => heartbeat()));
    if (imp.total === null) await updateImport(ctx.db, imp.id, { total });
    const owners = new OwnerDirectory(actor, reach, await workspaceUsers(ctx.db, actor.workspaceId));
    const vocabulary = new SearchVocabularyWriter(actor.workspaceId);
    const base = {
      importId: imp.id,
      actor,
      reach,
      dryRun: imp.dryRun,
      locale: actor.locale,
      owners,
      vocabulary,
    };
    const go = <P>(importer: EntityImporter<P>) =>
      runBatches(ctx, imp, file, base, importer, heartbeat, total);
    const finished = imp.entity === "companies" ? await go(companiesImporter) : await go(contactsImporter);
    if (finished) await finishImport(ctx, imp.id, actor);
  } catch (error) {
    if (error instanceof FileReadError) return failImport(ctx, imp.id, actor, error.message);
    throw error;
  }
}

async function* rowsOf(ctx: AppContext, file: StoredFile): AsyncGenerator<SourceRow> {
  const rows = readRows(ctx.config, file);
  while (true) {
    let next: IteratorResult<SourceRow>;
    try {
      next = await rows.next();
    } catch (error) {
      throw new FileReadError(error instanceof Error ? error.message : String(error));
    }
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Returns false when the import was cancelled or taken over by another worker. Batch N+1 is
 * read, parsed and validated while batch N is being written: the CPU work here overlaps the
 * database's work (another process, or PGlite's worker thread). Commits stay strictly in order.
 */
async function runBatches<P>(
  ctx: AppContext,
  imp: ImportRow,
  file: StoredFile,
  base: Omit<ImportContext, "header" | "columns">,
  importer: EntityImporter<P>,
  heartbeat: Heartbeat,
  total: number,
): Promise<boolean> {
  let ictx: ImportContext | null = null;
  let position = 0;
  let cut = imp.position;
  let batch: P[] = [];
  let batchNo = 0;
  let inFlight: Promise<boolean> = Promise.resolve(true);
  let previous: Promise<boolean> = inFlight;
  let lastCommitted: Promise<boolean> = inFlight;
  let lastKeys = new Set<string>();
  // PGlite has one connection: a second transaction would only queue behind the first.
  const sideBySide = ctx.database.kind === "postgres" && !imp.dryRun;
  /**
   * Opens when the batch in flight has been matched and its rows are being written. Reading
   * waits for it: the next batch is read and validated during the long bulk write, not during
   * the short round trips before it (locks, lookups), which would each wait for the reader.
   */
  let readGate: Promise<void> = Promise.resolve();
  let beatAt = 0;
  const stats = new TableStats(ctx.db, importer.table);
  await stats.start();

  /**
   * Writes one batch in its own transaction and commits it after `after`, the commit of the
   * batch before it: positions advance in file order, and a failure there rolls this one back
   * too. Resolves to the batch's outcome, or null when nothing was written.
   */
  const commitBatch = (
    prepared: P[],
    range: { from: number; to: number; n: number },
    matched: () => void,
    after: Promise<boolean>,
  ) =>
    withTx(ctx.db, async (tx) => {
      // The commit need not wait for its WAL flush: a batch lost in a crash is lost together
      // with its `position`, so the resumed job redoes it; any later synchronous commit (the
      // heartbeat, the job's end) makes it durable. (JIT, which would compile each 1000-key
      // statement for ~300 ms, is off for the whole pool: see openDatabase.)
      await tx.execute(sql`set local synchronous_commit = off`);
      const result = await importer.apply(tx, ictx!, prepared, matched);
      if (!(await after)) return null;
      const current = await lockImport(tx, imp.id);
      // Cancelled, or another worker got here first: roll back, write nothing.
      if (current?.status !== "running" || current.position !== range.from) return null;
      await insertNotes(tx, imp.id, result.notes);
      await advanceImport(tx, imp.id, range.to, result);
      await importHooks.afterBatchWrite?.(range.n);
      return result;
    });

  /** After a commit, outside any transaction: planner statistics and the job's lease. */
  const afterCommit = async (outcome: BatchOutcome | null, to: number): Promise<boolean> => {
    if (!outcome) return false;
    if (!imp.dryRun) await stats.grew(outcome.created);
    // The lease is a minute long; progress for the page is in the import row itself.
    if (Date.now() - beatAt > 5000) {
      beatAt = Date.now();
      await heartbeat({ importId: imp.id, processed: to, total });
    }
    return true;
  };

  /**
   * Starts writing the batch read so far. Two batches are in flight at most, in two
   * transactions: while the database writes the rows of one, it already looks up the next
   * one's matches — unless that is a dry run (it reads what the batch before planned) or the
   * two share an INN or e-mail (the next must see the rows of the one before to match them);
   * then it waits for the one before, as every batch does on PGlite (one connection).
   */
  const flush = async (): Promise<boolean> => {
    const prepared = batch;
    const range = { from: cut, to: position, n: ++batchNo };
    batch = [];
    cut = position;
    const keys = new Set(prepared.flatMap((p) => importer.keys(p)));
    // Stopping (a cancel, a failure): first let the batch still in flight settle.
    const ready = await previous.catch(async (error) => {
      await inFlight.catch(() => {});
      throw error;
    });
    if (!ready) {
      await inFlight.catch(() => {});
      return false;
    }
    const alone = !sideBySide || [...keys].some((k) => lastKeys.has(k));
    if (alone && !(await inFlight)) return false;
    previous = inFlight;
    lastKeys = keys;
    let open = () => {};
    readGate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const outcome = commitBatch(prepared, range, open, lastCommitted);
    lastCommitted = outcome.then((o) => o !== null);
    inFlight = outcome.then((o) => {
      open();
      return afterCommit(o, range.to);
    });
    // Observed later by `await inFlight` or the next batch; this only keeps a failure from
    // being "unhandled".
    inFlight.catch(() => open());
    lastCommitted.catch(() => {});
    return true;
  };

  try {
    for await (const record of rowsOf(ctx, file)) {
      if (!ictx) {
        const header = uniqueHeader(record.values);
        ictx = { ...base, header, columns: columnsOf(header, imp.mapping) };
        continue;
      }
      position++;
      if (position <= cut) continue;
      const prepared = importer.prepare(ictx, record);
      if (prepared) batch.push(prepared);
      // Rows already parsed are handed over as microtasks, which never let the event loop
      // answer the database: give it a turn every few dozen rows, so the batch being written
      // does not wait for this one's validation.
      if (position % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (position - cut >= importSettings.batchSize) {
        if (!(await flush())) return false;
        await readGate;
      }
    }
  } catch (error) {
    // Let the batch being written finish (or fail) before the job reports the error.
    await inFlight.catch(() => {});
    throw error;
  }
  if (!ictx) ictx = { ...base, header: [], columns: [] };
  // The last (possibly empty) batch also confirms the final position and that it was not cancelled.
  return (await flush()) && (await inFlight);
}

async function finishImport(ctx: AppContext, id: string, actor: Actor): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const current = await lockImport(tx, id);
    if (current?.status !== "running") return;
    await updateImport(tx, id, { status: "done", total: current.position });
    if (current.dryRun) await deletePlannedKeys(tx, id);
    else await auditImport(tx, actor, { ...current, status: "done" });
  });
}

/** Marks an import failed for good (what it committed stays; the audit entry says how much). */
export async function failImport(
  ctx: AppContext,
  id: string,
  actor: Actor | null,
  message: string,
): Promise<void> {
  await withTx(ctx.db, async (tx) => {
    const current = await lockImport(tx, id);
    if (!current || (current.status !== "running" && current.status !== "queued")) return;
    await updateImport(tx, id, { status: "failed", error: message.slice(0, 2000) });
    if (current.dryRun) await deletePlannedKeys(tx, id);
    else if (actor) await auditImport(tx, actor, { ...current, status: "failed" });
  });
}
