import { systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Database, withTx } from "../../platform/db/client";
import type { SeedContact } from "./contacts";
import { createDemoGenerator, type SeedCompany } from "./generate";
import { type DemoTeam, ensureDemoTeam, ownerWeights } from "./users";
import { insertCompanies, insertContacts } from "./writer";

export interface DemoSeedOptions {
  companies: number;
  contactsPerCompany: number;
  /** Same seed, same data (names, requisites, ids). */
  seed: number;
  /** Rows per insert statement; 5 000 keeps a statement around 2–4 MB. */
  batchSize?: number;
  /** Add to a base that already has companies (use another seed, or ids collide). */
  append?: boolean;
  /** Managers in the demo team (default 8); a big base wants more, as a real sales floor has. */
  managers?: number;
  /** Fixed "now" for reproducible dates (tests); defaults to the current time. */
  now?: Date;
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  companies: number;
  contacts: number;
  total: number;
  elapsedMs: number;
}

export interface DemoSeedResult {
  team: DemoTeam;
  companies: number;
  contacts: number;
  elapsedMs: number;
}

export class SeedRefusedError extends Error {}

/**
 * Fills the workspace with a believable Russian B2B client base: the demo team, then
 * `companies` companies with about `contactsPerCompany` contacts each, written in batches
 * straight through the pool, then one audit entry for the whole run.
 */
export async function seedDemo(
  database: Database,
  workspaceId: string,
  options: DemoSeedOptions,
): Promise<DemoSeedResult> {
  const started = Date.now();
  const { db, pool } = database;
  if (!options.append) {
    const existing = await pool.query<{ found: boolean }>(
      "select exists (select 1 from companies where workspace_id = $1) as found",
      [workspaceId],
    );
    if (existing.rows[0]?.found) {
      throw new SeedRefusedError(
        "The workspace already has companies; pass --append with another --seed to add more.",
      );
    }
  }
  const team = await ensureDemoTeam(db, workspaceId, { seed: options.seed, managers: options.managers });
  const generator = createDemoGenerator({
    seed: options.seed,
    owners: { owners: ownerWeights(team) },
    total: options.companies,
    contactsPerCompany: options.contactsPerCompany,
    now: options.now,
  });
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const progress = { companies: 0, contacts: 0 };
  const report = () =>
    options.onProgress?.({ ...progress, total: options.companies, elapsedMs: Date.now() - started });
  const writer = await pool.connect();
  try {
    // Bulk-load settings for this session only. PGlite shares one session between all of its
    // connections, so there they would leak into the app's queries: PostgreSQL only.
    if (database.kind === "postgres") {
      await writer.query("set synchronous_commit = off");
      await writer.query("set gin_pending_list_limit = '64MB'");
    }
    let pending: Promise<void> | undefined;
    // Generating a batch (CPU in Node) overlaps with writing the previous one (CPU in the database).
    for (let offset = 0; offset < options.companies; offset += batchSize) {
      const size = Math.min(batchSize, options.companies - offset);
      const batch: SeedCompany[] = new Array(size);
      const people: SeedContact[] = [];
      for (let i = 0; i < size; i++) {
        const company = generator.next();
        batch[i] = company;
        for (const contact of company.contacts) people.push(contact);
      }
      await pending;
      report();
      pending = (async () => {
        await insertCompanies(writer, workspaceId, batch);
        // Contacts go in statements of at most twice the batch size.
        for (let i = 0; i < people.length; i += batchSize * 2) {
          await insertContacts(writer, workspaceId, people.slice(i, i + batchSize * 2));
        }
        progress.companies += batch.length;
        progress.contacts += people.length;
      })();
    }
    await pending;
    report();
  } finally {
    writer.release();
  }
  const companiesDone = progress.companies;
  const contactsDone = progress.contacts;
  await withTx(db, (tx) =>
    recordChange(tx, systemActor(workspaceId), {
      action: "seed",
      entity: "workspace",
      entityId: workspaceId,
      changes: {
        companies: { from: null, to: companiesDone },
        contacts: { from: null, to: contactsDone },
        seed: { from: null, to: options.seed },
      },
    }),
  );
  // Fresh statistics, so the first queries after a big seed get sensible plans; and VACUUM,
  // because the writer's 64 MB GIN pending lists would otherwise be scanned by every search
  // until autovacuum gets round to them (measured at 1M companies: search p50 496 ms → see
  // BENCHMARKS.md). It also fills the visibility map for index-only scans.
  await pool.query("vacuum (analyze) companies");
  await pool.query("vacuum (analyze) contacts");
  await pool.query("vacuum (analyze) search_words");
  return { team, companies: companiesDone, contacts: contactsDone, elapsedMs: Date.now() - started };
}
