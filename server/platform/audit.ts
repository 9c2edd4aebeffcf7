import { uuidv7 } from "../../core/uuid";
import { auditLog, domainEvents } from "../db/schema/index";
import type { Actor } from "./actor";
import { isSystem } from "./actor";
import type { Db } from "./db/client";

/** Fields never written to the audit log, even as "changed". */
const secretFields = new Set(["passwordHash", "tokenHash", "password"]);
/** Bookkeeping fields that change on every write and say nothing. */
const noiseFields = new Set(["updatedAt", "version"]);

export type Changes = Record<string, { from: unknown; to: unknown }>;

export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Changes {
  const changes: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (noiseFields.has(key)) continue;
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    changes[key] = secretFields.has(key) ? { from: "***", to: "***" } : { from, to };
  }
  return changes;
}

/**
 * Records who did what in the caller's transaction, and emits the matching domain event to
 * the outbox, so the change, its audit entry and its event commit or roll back together.
 */
export async function recordChange(
  tx: Db,
  actor: Actor,
  change: {
    action: string;
    entity: string;
    entityId: string;
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    changes?: Changes;
  },
): Promise<void> {
  const changes = change.changes ?? diff(change.before ?? null, change.after ?? null);
  const userId = isSystem(actor) ? null : actor.id;
  await tx.insert(auditLog).values({
    id: uuidv7(),
    workspaceId: actor.workspaceId,
    userId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    changes: Object.keys(changes).length ? changes : null,
  });
  await tx.insert(domainEvents).values({
    id: uuidv7(),
    workspaceId: actor.workspaceId,
    type: `${change.entity}.${change.action}`,
    entity: change.entity,
    entityId: change.entityId,
    actorId: userId,
    data: { changed: Object.keys(changes) },
  });
}
