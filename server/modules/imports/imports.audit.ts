import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { Db } from "../../platform/db/client";
import type { ImportRow } from "./imports.repo";

/**
 * One audit entry per import, written when it ends (done, failed or cancelled) in the same
 * transaction as its final state: the file, the entity and the counts. Rows are not audited one
 * by one — a million entries would bury the log and double the import's cost; each created
 * company carries `created_by`, and the import's error report keeps the rejected rows.
 */
export async function auditImport(tx: Db, actor: Actor, imp: ImportRow): Promise<void> {
  const to = (value: unknown) => ({ from: null, to: value });
  await recordChange(tx, actor, {
    action: "import",
    entity: "import",
    entityId: imp.id,
    changes: {
      entity: to(imp.entity),
      fileName: to(imp.fileName),
      status: to(imp.status),
      processed: to(imp.position),
      created: to(imp.created),
      updated: to(imp.updated),
      unchanged: to(imp.unchanged),
      failed: to(imp.failed),
    },
  });
}
