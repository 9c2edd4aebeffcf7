import { z } from "zod";
import { Id, ListQuery, Timestamp } from "./common";

export const AuditEntry = z.object({
  id: Id,
  at: Timestamp,
  userId: Id.nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = ListQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  userId: Id.optional(),
});
