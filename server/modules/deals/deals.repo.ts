import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgUpdateSetSource } from "drizzle-orm/pg-core";
import { type DealListQuery, DealSortKeys } from "../../../contracts/deals";
import {
  companies,
  competitors,
  contacts,
  dealLog,
  dealNeeds,
  dealStageChanges,
  deals,
  lostReasons,
  users,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";
import type { Reach } from "../../platform/permissions";
import { visibleOwnerIds } from "../../platform/policy";
import { escapeLike } from "../companies/companies.filters";

export type DealInsert = typeof deals.$inferInsert;
export type DealSet = PgUpdateSetSource<typeof deals>;

/** A deal with the names shown beside it, read in one query (no N+1). */
export const dealColumns = {
  id: deals.id,
  workspaceId: deals.workspaceId,
  pipelineId: deals.pipelineId,
  stage: deals.stage,
  status: deals.status,
  title: deals.title,
  companyId: deals.companyId,
  companyName: companies.name,
  contactId: deals.contactId,
  contactName: sql<string | null>`nullif(concat_ws(' ', ${contacts.lastName}, ${contacts.firstName}), '')`,
  amount: deals.amount,
  currency: deals.currency,
  probability: deals.probability,
  expectedCloseDate: deals.expectedCloseDate,
  source: deals.source,
  needs: deals.needs,
  nextStep: deals.nextStep,
  nextStepDate: deals.nextStepDate,
  lostReasonId: deals.lostReasonId,
  lostReason: lostReasons.name,
  lostNote: deals.lostNote,
  competitorId: deals.competitorId,
  competitorName: competitors.name,
  ownerId: deals.ownerId,
  ownerName: users.fullName,
  stageChangedAt: deals.stageChangedAt,
  topStage: deals.topStage,
  closedAt: deals.closedAt,
  createdAt: deals.createdAt,
  updatedAt: deals.updatedAt,
  deletedAt: deals.deletedAt,
  version: deals.version,
};

/** The deals table with the joins for the names; each join is on a primary key. */
function selectDeals(db: Db) {
  return db
    .select(dealColumns)
    .from(deals)
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(lostReasons, eq(lostReasons.id, deals.lostReasonId))
    .leftJoin(competitors, eq(competitors.id, deals.competitorId));
}

export type DealRow = Awaited<ReturnType<ReturnType<typeof selectDeals>["execute"]>>[number];

export async function findDeal(db: Db, workspaceId: string, id: string): Promise<DealRow | undefined> {
  const [row] = await selectDeals(db)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)))
    .limit(1);
  return row;
}

/** Locks the deal row for a write (the joins are read after the lock, from the same snapshot). */
export async function lockDeal(db: Db, workspaceId: string, id: string): Promise<DealRow | undefined> {
  const [locked] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)))
    .for("update");
  return locked ? findDeal(db, workspaceId, id) : undefined;
}

export async function insertDeal(db: Db, values: DealInsert): Promise<void> {
  await db.insert(deals).values(values);
}

export async function updateDeal(db: Db, id: string, set: DealSet): Promise<void> {
  await db
    .update(deals)
    .set({ ...set, updatedAt: sql`now()` })
    .where(eq(deals.id, id));
}

export type NeedRowValue = { need: string; level: string | null; direction: string | null };

export async function needsOf(db: Db, dealIds: readonly string[]): Promise<Map<string, NeedRowValue[]>> {
  const out = new Map<string, NeedRowValue[]>();
  if (!dealIds.length) return out;
  const rows = await db
    .select()
    .from(dealNeeds)
    .where(inArray(dealNeeds.dealId, [...dealIds]))
    .orderBy(asc(dealNeeds.dealId), asc(dealNeeds.position));
  for (const r of rows) {
    const list = out.get(r.dealId) ?? [];
    list.push({ need: r.need, level: r.level, direction: r.direction });
    out.set(r.dealId, list);
  }
  return out;
}

export async function replaceNeeds(
  db: Db,
  workspaceId: string,
  dealId: string,
  rows: { need: string; level?: string | null; direction?: string | null }[],
  newId: () => string,
): Promise<void> {
  await db.delete(dealNeeds).where(eq(dealNeeds.dealId, dealId));
  if (!rows.length) return;
  await db.insert(dealNeeds).values(
    rows.map((r, position) => ({
      id: newId(),
      workspaceId,
      dealId,
      need: r.need,
      level: r.level || null,
      direction: r.direction || null,
      position,
    })),
  );
}

export async function insertStageChange(db: Db, values: typeof dealStageChanges.$inferInsert): Promise<void> {
  await db.insert(dealStageChanges).values(values);
}

/** Recomputes the furthest funnel stage of a pipeline's deals from their history (stages reordered). */
export async function recomputeTopStages(
  db: Db,
  pipelineId: string,
  funnel: readonly string[],
): Promise<void> {
  const keys = sql`array[${sql.join(
    funnel.map((k) => sql`${k}::text`),
    sql`, `,
  )}]::text[]`;
  await db.execute(sql`update deals d set top_stage = (
      select c.to_stage from deal_stage_changes c
      where c.deal_id = d.id and array_position(${keys}, c.to_stage) is not null
      order by array_position(${keys}, c.to_stage) desc limit 1)
    where d.pipeline_id = ${pipelineId}`);
}

export async function stageChangesOf(db: Db, dealId: string) {
  return db
    .select({
      id: dealStageChanges.id,
      fromStage: dealStageChanges.fromStage,
      toStage: dealStageChanges.toStage,
      at: dealStageChanges.at,
      userId: dealStageChanges.userId,
      userName: users.fullName,
    })
    .from(dealStageChanges)
    .leftJoin(users, eq(users.id, dealStageChanges.userId))
    .where(eq(dealStageChanges.dealId, dealId))
    .orderBy(asc(dealStageChanges.at), asc(dealStageChanges.id));
}

export async function logOf(db: Db, dealId: string) {
  return db
    .select({
      id: dealLog.id,
      on: dealLog.on,
      text: dealLog.text,
      userId: dealLog.userId,
      userName: users.fullName,
      createdAt: dealLog.createdAt,
    })
    .from(dealLog)
    .leftJoin(users, eq(users.id, dealLog.userId))
    .where(eq(dealLog.dealId, dealId))
    .orderBy(sql`${dealLog.on} desc`, sql`${dealLog.id} desc`);
}

export async function insertLog(db: Db, values: typeof dealLog.$inferInsert): Promise<void> {
  await db.insert(dealLog).values(values);
}

/** Visibility (the deal's own owner) first, then the filters of the list. */
export function dealFilterWhere(actor: Actor, reach: Reach, query: Partial<DealListQuery>): SQL {
  const owners = visibleOwnerIds(actor, reach);
  const text = query.q?.trim().toLowerCase();
  const where: (SQL | undefined)[] = [
    eq(deals.workspaceId, actor.workspaceId),
    query.deleted === "only"
      ? isNotNull(deals.deletedAt)
      : query.deleted === "include"
        ? undefined
        : isNull(deals.deletedAt),
    owners ? inArray(deals.ownerId, [...owners]) : undefined,
    query.ownerId ? eq(deals.ownerId, query.ownerId) : undefined,
    query.pipelineId ? eq(deals.pipelineId, query.pipelineId) : undefined,
    query.stage ? eq(deals.stage, query.stage) : undefined,
    query.status ? eq(deals.status, query.status) : undefined,
    query.companyId ? eq(deals.companyId, query.companyId) : undefined,
    query.createdFrom ? sql`${deals.createdAt} >= ${query.createdFrom}::date` : undefined,
    query.createdTo ? sql`${deals.createdAt} < ${query.createdTo}::date + 1` : undefined,
    query.closeFrom ? gte(deals.expectedCloseDate, query.closeFrom) : undefined,
    query.closeTo ? lte(deals.expectedCloseDate, query.closeTo) : undefined,
    // The same expression as deals_title_trgm_idx, so the trigram index serves it.
    text ? sql`lower(${deals.title}) like ${`%${escapeLike(text)}%`}` : undefined,
  ];
  return and(...where) ?? sql`true`;
}

const sortable: Record<(typeof DealSortKeys)[number], SQL | AnyPgColumn> = {
  createdAt: deals.createdAt,
  updatedAt: deals.updatedAt,
  amount: deals.amount,
  expectedCloseDate: deals.expectedCloseDate,
  title: sql`${deals.title} collate ru_icu`,
};

export async function listDeals(
  db: Db,
  where: SQL,
  paging: { limit: number; cursor?: string; sort?: string },
): Promise<{ items: DealRow[]; nextCursor: string | null }> {
  const sort = parseSort(paging.sort, DealSortKeys, "-createdAt");
  const key = sort.key as (typeof DealSortKeys)[number];
  const expr = sortable[key];
  const rows = await selectDeals(db)
    .where(and(where, afterCursor(expr, deals.id, sort.desc, paging.cursor)))
    .orderBy(...orderBy(expr, deals.id, sort.desc))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (row) => encodeCursor(row[key], row.id));
}

/**
 * The first cards of every column in two statements: the ids per stage by one lateral query
 * (each arm an index range on deals_board_idx / deals_pipeline_stage_idx with its own LIMIT),
 * then those deals with their names.
 */
export async function boardColumns(
  db: Db,
  where: SQL,
  stages: readonly string[],
  limit: number,
  cursor?: string,
): Promise<Map<string, { items: DealRow[]; nextCursor: string | null }>> {
  const keys = sql.join(
    stages.map((s) => sql`(${s}::text)`),
    sql`, `,
  );
  const after = afterCursor(deals.id, deals.id, true, cursor);
  const found = await db.execute<{ id: string; stage: string }>(sql`
    select c.id, v.stage from (values ${keys}) as v(stage)
    cross join lateral (
      select ${deals.id} as id from ${deals}
      where ${where} and ${deals.stage} = v.stage ${after ? sql`and ${after}` : sql``}
      order by ${deals.id} desc limit ${limit + 1}
    ) c`);
  const ids = found.rows.map((r) => r.id);
  const rows = ids.length ? await selectDeals(db).where(inArray(deals.id, ids)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, { items: DealRow[]; nextCursor: string | null }>();
  for (const stage of stages) {
    const column = found.rows
      .filter((r) => r.stage === stage)
      .map((r) => byId.get(r.id)!)
      .sort((a, b) => (a.id < b.id ? 1 : -1));
    out.set(
      stage,
      page(column, limit, (row) => encodeCursor(row.id, row.id)),
    );
  }
  return out;
}

/** Per stage: how many, the sum and the weighted sum (amount × probability), exact in numeric. */
export async function columnTotals(db: Db, where: SQL) {
  return db
    .select({
      stage: deals.stage,
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      sum: sql<string>`coalesce(sum(${deals.amount}), 0)::numeric(18,2)::text`,
      weighted: sql<string>`coalesce(round(sum(${deals.amount} * ${deals.probability}) / 100, 2), 0)::numeric(18,2)::text`,
    })
    .from(deals)
    .where(where)
    .groupBy(deals.stage, deals.currency)
    .orderBy(deals.stage, deals.currency);
}

/** Deals of these companies, deleted ones too (deals_company_idx covers the live ones). */
export async function dealsOfCompanies(db: Db, workspaceId: string, companyIds: readonly string[]) {
  if (!companyIds.length) return [];
  return db
    .select({ id: deals.id, companyId: deals.companyId, ownerId: deals.ownerId, status: deals.status })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.companyId, [...companyIds])));
}

export async function moveDeals(db: Db, workspaceId: string, from: readonly string[], companyId: string) {
  if (!from.length) return [];
  return db
    .update(deals)
    .set({ companyId, contactId: null, version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.companyId, [...from])))
    .returning({ id: deals.id, companyId: deals.companyId });
}

/** Open deals go to the company's new owner; closed ones stay with who won or lost them. */
export async function setOpenDealsOwner(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
  ownerId: string,
): Promise<void> {
  if (!companyIds.length) return;
  await db
    .update(deals)
    .set({ ownerId })
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        inArray(deals.companyId, [...companyIds]),
        eq(deals.status, "open"),
      ),
    );
}

export async function deleteDealsOf(
  db: Db,
  workspaceId: string,
  companyId: string,
  stamp: { deletedAt: string; deletedBy: string | null },
) {
  return db
    .update(deals)
    .set({ ...stamp, version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.companyId, companyId), isNull(deals.deletedAt)))
    .returning({ id: deals.id, deletedAt: deals.deletedAt });
}

export async function restoreDealsOf(db: Db, workspaceId: string, companyId: string, deletedAt: string) {
  return db
    .update(deals)
    .set({ deletedAt: null, deletedBy: null, version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(eq(deals.workspaceId, workspaceId), eq(deals.companyId, companyId), eq(deals.deletedAt, deletedAt)),
    )
    .returning({ id: deals.id });
}
