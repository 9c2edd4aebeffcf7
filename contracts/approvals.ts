import { z } from "zod";
import { Id, ListQuery, Timestamp } from "./common";

export const ApprovalStatus = z.enum(["pending", "approved", "rejected", "withdrawn"]);

export const Approval = z.object({
  id: Id,
  entity: z.string(),
  entityId: Id,
  kind: z.string(),
  /** A short title of what is to be approved («КП-2026-000012, ред. 2»). */
  title: z.string().nullable(),
  requestedBy: Id,
  requestedByName: z.string().nullable(),
  approverId: Id,
  approverName: z.string().nullable(),
  status: ApprovalStatus,
  reasons: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.unknown()).optional() })),
  comment: z.string().nullable(),
  decidedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Approval = z.infer<typeof Approval>;

export const ApprovalListQuery = ListQuery.extend({
  /** inbox: waiting for my decision; mine: my requests; all: everything in reach. */
  box: z.enum(["inbox", "mine", "all"]).default("inbox"),
  status: ApprovalStatus.optional(),
});
export type ApprovalListQuery = z.infer<typeof ApprovalListQuery>;

export const ApprovalDecision = z.object({ comment: z.string().trim().max(2000).optional() });
export type ApprovalDecision = z.infer<typeof ApprovalDecision>;
