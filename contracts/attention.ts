import { z } from "zod";
import { Id, MoneyString, Timestamp } from "./common";
import { CompanyStatus } from "./companies";

/** Contact frequency in calendar days (1 … 730); null: not tracked. */
const Days = z.number().int().min(1).max(730);

export const ContactTargets = z.object({
  byStatus: z.array(z.object({ status: CompanyStatus, days: Days.nullable() })),
  bySegment: z.array(z.object({ segment: z.string().trim().min(1).max(100), days: Days.nullable() })),
});
export type ContactTargets = z.infer<typeof ContactTargets>;

export const CompanyContactTarget = z.object({
  companyId: Id,
  /** The target that applies and where it comes from. */
  days: z.number().int().nullable(),
  source: z.enum(["company", "segment", "status", "none"]),
  /** The company's own override, if any. */
  overrideDays: z.number().int().nullable(),
  lastContactAt: Timestamp.nullable(),
  /** Calendar days since the last completed contact (since creation when never contacted). */
  daysSinceContact: z.number().int(),
  overdueDays: z.number().int(),
  overdueWorkingDays: z.number().int(),
});
export type CompanyContactTarget = z.infer<typeof CompanyContactTarget>;

export const CompanyContactTargetUpdate = z.object({ days: Days.nullable() });

export const AttentionQuery = z.object({
  ownerId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type AttentionQuery = z.infer<typeof AttentionQuery>;

export const AttentionItem = z.object({
  id: Id,
  name: z.string(),
  status: CompanyStatus,
  segment: z.string().nullable(),
  ownerId: Id,
  ownerName: z.string().nullable(),
  lastContactAt: Timestamp.nullable(),
  daysSinceContact: z.number().int(),
  targetDays: z.number().int(),
  overdueDays: z.number().int(),
  overdueWorkingDays: z.number().int(),
  /** Sum of the open deals' amounts. */
  openDealsAmount: MoneyString,
});
export type AttentionItem = z.infer<typeof AttentionItem>;
