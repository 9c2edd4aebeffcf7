import { and, asc, count, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { competitors, deals, lostReasons, type PipelineStage, pipelines } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page } from "../../platform/pagination";

export type PipelineRow = typeof pipelines.$inferSelect;
export type LostReasonRow = typeof lostReasons.$inferSelect;
export type CompetitorRow = typeof competitors.$inferSelect;

export async function listPipelines(db: Db, workspaceId: string): Promise<PipelineRow[]> {
  return db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), isNull(pipelines.deletedAt)))
    .orderBy(sql`${pipelines.isDefault} desc`, asc(pipelines.createdAt), asc(pipelines.id));
}

export async function findPipeline(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<PipelineRow | undefined> {
  const q = db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id), isNull(pipelines.deletedAt)));
  const [row] = lock ? await q.for("update") : await q.limit(1);
  return row;
}

export async function findDefaultPipeline(db: Db, workspaceId: string): Promise<PipelineRow | undefined> {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(
      and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.isDefault, true), isNull(pipelines.deletedAt)),
    )
    .limit(1);
  return row;
}

/** Inserts a pipeline; a second default of the workspace (a concurrent first use) inserts nothing. */
export async function insertPipeline(
  db: Db,
  values: typeof pipelines.$inferInsert,
): Promise<PipelineRow | undefined> {
  const [row] = await db.insert(pipelines).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updatePipeline(
  db: Db,
  id: string,
  set: PgUpdateSetSource<typeof pipelines>,
): Promise<PipelineRow> {
  const [row] = await db
    .update(pipelines)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(pipelines.id, id))
    .returning();
  return row!;
}

export async function clearDefaultPipeline(db: Db, workspaceId: string): Promise<void> {
  await db
    .update(pipelines)
    .set({ isDefault: false, version: sql`${pipelines.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.isDefault, true)));
}

/** Live deals per stage of a pipeline (deals_pipeline_stage_idx). */
export async function dealsPerStage(
  db: Db,
  workspaceId: string,
  pipelineId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ stage: deals.stage, n: count() })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.pipelineId, pipelineId), isNull(deals.deletedAt)))
    .groupBy(deals.stage);
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/** Deals follow their stage's probability when an admin changes it. */
export async function setStageProbability(
  db: Db,
  workspaceId: string,
  pipelineId: string,
  stage: PipelineStage,
): Promise<void> {
  await db
    .update(deals)
    .set({ probability: stage.probability })
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        eq(deals.pipelineId, pipelineId),
        eq(deals.stage, stage.key),
        isNull(deals.deletedAt),
      ),
    );
}

export async function listLostReasons(db: Db, workspaceId: string, activeOnly: boolean) {
  return db
    .select()
    .from(lostReasons)
    .where(
      and(eq(lostReasons.workspaceId, workspaceId), activeOnly ? eq(lostReasons.active, true) : undefined),
    )
    .orderBy(asc(lostReasons.position), asc(lostReasons.id));
}

export async function findLostReason(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<LostReasonRow | undefined> {
  const [row] = await db
    .select()
    .from(lostReasons)
    .where(and(eq(lostReasons.workspaceId, workspaceId), eq(lostReasons.id, id)))
    .limit(1);
  return row;
}

export async function insertLostReasons(db: Db, values: (typeof lostReasons.$inferInsert)[]) {
  return db.insert(lostReasons).values(values).returning();
}

export async function updateLostReason(db: Db, id: string, set: PgUpdateSetSource<typeof lostReasons>) {
  const [row] = await db
    .update(lostReasons)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(lostReasons.id, id))
    .returning();
  return row!;
}

const competitorName = sql`${competitors.name} collate ru_icu`;

export async function listCompetitors(
  db: Db,
  workspaceId: string,
  q: { limit: number; cursor?: string; q?: string; deleted?: "only" | "include" },
) {
  const text = q.q?.trim().toLowerCase();
  const where: (SQL | undefined)[] = [
    eq(competitors.workspaceId, workspaceId),
    q.deleted === "only"
      ? sql`${competitors.deletedAt} is not null`
      : q.deleted === "include"
        ? undefined
        : isNull(competitors.deletedAt),
    text ? sql`(lower(${competitors.name}) like ${`%${text}%`} or ${competitors.inn} = ${text})` : undefined,
    afterCursor(competitorName, competitors.id, false, q.cursor),
  ];
  const rows = await db
    .select()
    .from(competitors)
    .where(and(...where))
    .orderBy(...orderBy(competitorName, competitors.id, false))
    .limit(q.limit + 1);
  return page(rows, q.limit, (row) => encodeCursor(row.name, row.id));
}

export async function findCompetitor(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<CompetitorRow | undefined> {
  const q = db
    .select()
    .from(competitors)
    .where(and(eq(competitors.workspaceId, workspaceId), eq(competitors.id, id)));
  const [row] = lock ? await q.for("update") : await q.limit(1);
  return row;
}

export async function insertCompetitor(db: Db, values: typeof competitors.$inferInsert) {
  const [row] = await db.insert(competitors).values(values).returning();
  return row!;
}

export async function updateCompetitor(db: Db, id: string, set: PgUpdateSetSource<typeof competitors>) {
  const [row] = await db
    .update(competitors)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(competitors.id, id))
    .returning();
  return row!;
}

/** Names for presenting deals: one query per kind for a whole page. */
export async function namesOf(
  db: Db,
  table: typeof lostReasons | typeof competitors,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
