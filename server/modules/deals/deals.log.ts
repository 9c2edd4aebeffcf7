import type { DealLogEntry, StageChange } from "../../../contracts/deals";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { findDeal, insertLog, lockDeal, logOf, stageChangesOf, updateDeal } from "./deals.repo";
import { authorizeDeal } from "./deals.service";

/** The negotiation log of a deal, newest first: whoever may read the deal reads it. */
export async function dealLogList(db: Db, actor: Actor, id: string): Promise<{ items: DealLogEntry[] }> {
  authorizeDeal(actor, "read", await findDeal(db, actor.workspaceId, id));
  return { items: await logOf(db, id) };
}

/**
 * Adds a dated entry (what was discussed and agreed). A closed deal keeps taking entries: the
 * log records what happened after a loss too, and it changes none of the deal's fields.
 */
export async function addDealLog(
  db: Db,
  actor: Actor,
  id: string,
  input: { on: string; text: string },
): Promise<DealLogEntry> {
  return withTx(db, async (tx) => {
    const deal = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "update", deal);
    const entryId = uuidv7();
    await insertLog(tx, {
      id: entryId,
      workspaceId: actor.workspaceId,
      dealId: id,
      on: input.on,
      text: input.text,
      userId: isSystem(actor) ? null : actor.id,
    });
    // The card's "updated" moves with its log, and a concurrent edit sees a new version.
    await updateDeal(tx, id, { version: deal!.version + 1 });
    await recordChange(tx, actor, {
      action: "log",
      entity: "deal",
      entityId: id,
      changes: { log: { from: null, to: { on: input.on, text: input.text } } },
    });
    return (await logOf(tx, id)).find((e) => e.id === entryId)!;
  });
}

/** Every stage move of the deal, oldest first. */
export async function dealStageHistory(db: Db, actor: Actor, id: string): Promise<{ items: StageChange[] }> {
  authorizeDeal(actor, "read", await findDeal(db, actor.workspaceId, id));
  return { items: await stageChangesOf(db, id) };
}
