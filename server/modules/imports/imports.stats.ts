import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";

/**
 * Keeps the planner's statistics in step with a table an import is filling. On a table that
 * was never analysed (a fresh database; PGlite has no autovacuum at all) the planner picked an
 * unrelated partial index for the per-key match probes and read the whole table per key
 * (38 s per 1000-row batch at 30,000 companies, see BENCHMARKS.md). So the table is analysed
 * before the first batch when it is small or never analysed, and again whenever the import has
 * doubled it: log2(growth) ANALYZEs, each sampling at most 30,000 rows. Without the right to
 * analyse (not the owner) PostgreSQL only warns; the import goes on.
 */
export class TableStats {
  private rows = 0;
  private added = 0;

  constructor(
    private readonly db: Db,
    private readonly table: string,
  ) {}

  async start(): Promise<void> {
    const rows = await this.reltuples();
    if (rows < 100_000) await this.analyze();
    else this.rows = rows;
  }

  /** After a committed batch that inserted `inserted` rows into the table. */
  async grew(inserted: number): Promise<void> {
    this.added += inserted;
    if (this.added >= Math.max(1000, this.rows)) await this.analyze();
  }

  private async analyze(): Promise<void> {
    await this.db.execute(sql`analyze ${sql.identifier(this.table)}`).catch(() => {});
    this.rows = Math.max(0, await this.reltuples());
    this.added = 0;
  }

  /** The planner's row estimate; -1 when never analysed (PostgreSQL 14+). */
  private async reltuples(): Promise<number> {
    const result = await this.db.execute<{ n: number }>(
      sql`select reltuples::float8 as n from pg_class where oid = ${this.table}::regclass`,
    );
    return Number(result.rows[0]?.n ?? -1);
  }
}
