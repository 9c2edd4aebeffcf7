import { uuidv7 } from "../../../core/uuid";
import { domainEvents } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

/**
 * In-app notification, with the signature of notifications.service `notify`. The notifications
 * table is not part of this module's schema, so the request is written to the outbox
 * (domain_events, type "notification.requested") in the caller's transaction, where the bell's
 * service picks it up; when both live together this function is replaced by that `notify`.
 */
export async function notify(
  tx: Db,
  n: {
    workspaceId: string;
    userIds: string[];
    kind: string;
    title: string;
    body?: string;
    link?: string;
    dedupeKey?: string;
  },
): Promise<void> {
  if (!n.userIds.length) return;
  await tx.insert(domainEvents).values({
    id: uuidv7(),
    workspaceId: n.workspaceId,
    type: "notification.requested",
    entity: "notification",
    entityId: n.dedupeKey ?? uuidv7(),
    actorId: null,
    data: { ...n },
  });
}
