import type { SavedView, SavedViewBody } from "../../../contracts/views";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow } from "../../platform/policy";
import { deleteView, findView, insertView, listViews, type SavedViewRow } from "./views.repo";

/** The list's query string is kept as typed in the address bar ("status=client&sort=-updatedAt"). */
function presentView(row: SavedViewRow): SavedView {
  return {
    id: row.id,
    entity: row.entity as SavedView["entity"],
    name: row.name,
    query: Object.fromEntries(new URLSearchParams(row.query)),
    columns: row.columns,
    createdAt: row.createdAt,
  };
}

export async function listOwnViews(db: Db, actor: Actor, entity: SavedView["entity"] | undefined) {
  authorize(actor, "savedViews", "read");
  const rows = await listViews(db, actor.workspaceId, actor.id, entity);
  return { items: rows.map(presentView) };
}

export async function createView(db: Db, actor: Actor, input: SavedViewBody): Promise<SavedView> {
  authorize(actor, "savedViews", "create");
  return withTx(db, async (tx) => {
    const row = await insertView(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: actor.id,
      userId: actor.id,
      entity: input.entity,
      name: input.name,
      query: new URLSearchParams(input.query).toString(),
      columns: input.columns,
    });
    const view = presentView(row);
    await recordChange(tx, actor, { action: "create", entity: "savedView", entityId: row.id, after: view });
    return view;
  });
}

/**
 * A saved view is a personal preference, not business data: it is removed for good (the audit
 * entry keeps what it was), and there is nothing for an admin to restore.
 */
export async function removeView(db: Db, actor: Actor, id: string): Promise<{ ok: true }> {
  authorize(actor, "savedViews", "delete");
  return withTx(db, async (tx) => {
    const row = await findView(tx, actor.workspaceId, id);
    if (!row) throw AppError.notFound();
    authorizeRow(actor, "savedViews", "delete", row.userId);
    await deleteView(tx, id);
    await recordChange(tx, actor, {
      action: "delete",
      entity: "savedView",
      entityId: id,
      before: presentView(row),
    });
    return { ok: true as const };
  });
}
