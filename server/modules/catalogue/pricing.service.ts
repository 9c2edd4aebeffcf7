import { sql } from "drizzle-orm";
import { Id } from "../../../contracts/common";
import type {
  PriceList,
  PriceListCreate,
  PriceListQuery,
  PriceListUpdate,
  PricesPut,
  SegmentPriceListPut,
} from "../../../contracts/pricing";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { assertVersion, RuleCheck, stampOf } from "./catalogue.common";
import {
  clearDefaultPriceList,
  currentPrices,
  findPriceList,
  insertPriceList,
  listPriceLists,
  listPrices,
  listSegmentPriceLists,
  type PriceListRow,
  removePrices,
  setSegmentPriceList,
  updatePriceList,
  upsertPrices,
} from "./pricing.repo";
import { liveProductIds } from "./products.repo";

export function presentPriceList(row: PriceListRow): PriceList {
  return {
    id: row.id,
    name: row.name,
    vatIncluded: row.vatIncluded,
    validFrom: row.validFrom,
    validTo: row.validTo,
    currency: row.currency,
    isDefault: row.isDefault,
    active: row.active,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    version: row.version,
  };
}

function checkDates(validFrom: string | null | undefined, validTo: string | null | undefined) {
  new RuleCheck()
    .when(Boolean(validFrom && validTo && validFrom > validTo), "validTo", "dates_order")
    .throwIfAny();
}

export async function listAllPriceLists(db: Db, actor: Actor, query: PriceListQuery) {
  authorize(actor, "priceLists", "read");
  const result = await listPriceLists(db, actor.workspaceId, query);
  return { items: result.items.map(presentPriceList), nextCursor: result.nextCursor };
}

export async function getPriceList(db: Db, actor: Actor, id: string): Promise<PriceList> {
  authorize(actor, "priceLists", "read");
  const row = await findPriceList(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentPriceList(row);
}

export async function createPriceList(db: Db, actor: Actor, input: PriceListCreate): Promise<PriceList> {
  authorize(actor, "priceLists", "create");
  checkDates(input.validFrom, input.validTo);
  return withTx(db, async (tx) => {
    const id = uuidv7();
    if (input.isDefault) await clearDefaultPriceList(tx, actor.workspaceId, id);
    const row = await insertPriceList(tx, {
      id,
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      vatIncluded: input.vatIncluded,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      currency: input.currency,
      isDefault: input.isDefault,
      active: input.active,
    });
    const list = presentPriceList(row);
    await recordChange(tx, actor, { action: "create", entity: "price_list", entityId: id, after: list });
    return list;
  });
}

export async function updatePriceListCard(
  db: Db,
  actor: Actor,
  id: string,
  input: PriceListUpdate,
): Promise<PriceList> {
  authorize(actor, "priceLists", "update");
  return withTx(db, async (tx) => {
    const before = await findPriceList(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    const { version: _version, ...set } = input;
    checkDates(
      set.validFrom === undefined ? before.validFrom : set.validFrom,
      set.validTo === undefined ? before.validTo : set.validTo,
    );
    if (set.isDefault) await clearDefaultPriceList(tx, actor.workspaceId, id);
    const row = await updatePriceList(tx, id, set);
    const list = presentPriceList(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "price_list",
      entityId: id,
      before: presentPriceList(before),
      after: list,
    });
    return list;
  });
}

export async function deletePriceList(db: Db, actor: Actor, id: string): Promise<PriceList> {
  authorize(actor, "priceLists", "delete");
  return withTx(db, async (tx) => {
    const before = await findPriceList(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    const row = await updatePriceList(tx, id, { deletedAt: sql`now()`, isDefault: false });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "price_list",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentPriceList(row);
  });
}

export async function pricesOf(
  db: Db,
  actor: Actor,
  id: string,
  query: { limit: number; cursor?: string; q?: string },
) {
  authorize(actor, "priceLists", "read");
  if (!(await findPriceList(db, actor.workspaceId, id))) throw AppError.notFound();
  if (query.cursor && !Id.safeParse(query.cursor).success)
    throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
  return listPrices(db, actor.workspaceId, id, query);
}

/** Bulk upsert of a list's prices in one transaction; every product must be a live one. */
export async function putPrices(db: Db, actor: Actor, id: string, input: PricesPut) {
  authorize(actor, "priceLists", "update");
  return withTx(db, async (tx) => {
    const list = await findPriceList(tx, actor.workspaceId, id, true);
    if (!list) throw AppError.notFound();
    const ids = [...new Set(input.items.map((i) => i.productId))];
    const live = new Set(await liveProductIds(tx, actor.workspaceId, ids));
    const check = new RuleCheck();
    input.items.forEach((item, i) => {
      check.when(!live.has(item.productId), `items.${i}.productId`, "not_found_ref");
    });
    check.throwIfAny();
    // The last entry for a product wins, as a spreadsheet paste would expect.
    const last = new Map(input.items.map((i) => [i.productId, i.price]));
    const before = await currentPrices(tx, id, ids);
    const upserts = [...last].flatMap(([productId, price]) =>
      price === null ? [] : [{ id: uuidv7(), productId, price }],
    );
    const removals = [...last].flatMap(([productId, price]) => (price === null ? [productId] : []));
    await upsertPrices(tx, actor.workspaceId, id, upserts);
    const removed = await removePrices(tx, id, removals);
    const changes = Object.fromEntries(
      [...last]
        .filter(([productId, price]) => (before.get(productId) ?? null) !== price)
        .map(([productId, price]) => [productId, { from: before.get(productId) ?? null, to: price }]),
    );
    await recordChange(tx, actor, { action: "prices", entity: "price_list", entityId: id, changes });
    return { upserted: upserts.length, removed };
  });
}

export async function segmentAssignments(db: Db, actor: Actor) {
  authorize(actor, "priceLists", "read");
  return { items: await listSegmentPriceLists(db, actor.workspaceId) };
}

export async function assignSegment(db: Db, actor: Actor, input: SegmentPriceListPut) {
  authorize(actor, "priceLists", "update");
  return withTx(db, async (tx) => {
    if (input.priceListId && !(await findPriceList(tx, actor.workspaceId, input.priceListId)))
      throw AppError.rule("catalogue_rule", {}, [{ path: "priceListId", message: "not_found_ref" }]);
    await setSegmentPriceList(tx, actor.workspaceId, input.segment, input.priceListId);
    await recordChange(tx, actor, {
      action: "assign",
      entity: "segment_price_list",
      entityId: actor.workspaceId,
      changes: { [input.segment]: { from: null, to: input.priceListId } },
    });
    return { items: await listSegmentPriceLists(tx, actor.workspaceId) };
  });
}
