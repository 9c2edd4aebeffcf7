import { and, eq, gte, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { DealBoard, DealBoardQuery } from "../../../contracts/deals";
import { groupBy } from "../../../core/group-by";
import { MAIN_CURRENCY } from "../../../core/money";
import { deals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, visibleOwnerIds } from "../../platform/policy";
import { boardColumns, columnTotals } from "./deals.repo";
import { presentMany } from "./deals.service";
import { pipelineFor, presentPipeline } from "./pipelines.service";

/**
 * The board of one pipeline: per stage the count, the sum, the weighted sum (amount ×
 * probability) and the newest cards; `stage` + `cursor` give one column's next cards. Every
 * query stays on deals_board_idx (workspace, pipeline, owner, stage, id) for one owner, or on
 * deals_pipeline_stage_idx for the whole pipeline. Sums are per currency: the roubles, and
 * each other currency apart.
 */
export async function dealBoard(db: Db, actor: Actor, query: DealBoardQuery): Promise<DealBoard> {
  const reach = authorize(actor, "deals", "read");
  const pipeline = await pipelineFor(db, actor.workspaceId, query.pipelineId);
  const owners = visibleOwnerIds(actor, reach);
  // Naming an owner outside one's reach shows an empty board, as a filter that matches nothing.
  const ownerIds = query.ownerId
    ? owners === null || owners.includes(query.ownerId)
      ? [query.ownerId]
      : []
    : owners;
  const where: SQL = and(
    eq(deals.workspaceId, actor.workspaceId),
    eq(deals.pipelineId, pipeline.id),
    isNull(deals.deletedAt),
    ownerIds === null ? undefined : ownerIds.length ? inArray(deals.ownerId, [...ownerIds]) : sql`false`,
    query.from ? gte(deals.expectedCloseDate, query.from) : undefined,
    query.to ? lte(deals.expectedCloseDate, query.to) : undefined,
  )!;
  if (query.cursor && !query.stage) throw AppError.validation([{ path: "stage", message: "required" }]);
  const stages = query.stage ? pipeline.stages.filter((s) => s.key === query.stage) : pipeline.stages;
  if (query.stage && !stages.length) throw AppError.validation([{ path: "stage", message: "required" }]);
  const totals = groupBy(await columnTotals(db, where), (t) => t.stage);
  const found = await boardColumns(
    db,
    where,
    stages.map((s) => s.key),
    query.limit,
    query.cursor,
  );
  const pages = stages.map((s) => found.get(s.key)!);
  // The names and needs of every card on the board in two queries.
  const cards = await presentMany(
    db,
    actor.workspaceId,
    pages.flatMap((p) => p.items),
  );
  const byId = new Map(cards.map((c) => [c.id, c]));
  const columns: DealBoard["columns"] = stages.map((stage, i) => {
    const total = totals.get(stage.key) ?? [];
    const rub = total.find((t) => t.currency === MAIN_CURRENCY);
    return {
      stage: stage.key,
      name: stage.name,
      kind: stage.kind,
      probability: stage.probability,
      count: total.reduce((n, t) => n + t.count, 0),
      sum: rub?.sum ?? "0.00",
      weighted: rub?.weighted ?? "0.00",
      otherCurrencies: total
        .filter((t) => t.currency !== MAIN_CURRENCY)
        .map(({ currency, sum, weighted }) => ({ currency, sum, weighted })),
      items: pages[i]!.items.map((row) => byId.get(row.id)!),
      nextCursor: pages[i]!.nextCursor,
    };
  });
  return { pipeline: presentPipeline(pipeline), columns };
}
