import { z } from "zod";
import { checkInn } from "../core/requisites";
import { Id, ListQuery, MoneyString, Timestamp, Version } from "./common";

/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

export const StageKind = z.enum(["open", "won", "lost"]);
export const Stage = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,40}$/, "stage key"),
  name: text(100).min(1),
  probability: z.number().int().min(0).max(100),
  kind: StageKind,
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  isDefault: z.boolean(),
  stages: z.array(Stage),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Version,
});
export type Pipeline = z.infer<typeof Pipeline>;

export const PipelineCreate = z.object({
  name: text(200).min(1),
  stages: z.array(Stage).min(2).max(30),
  isDefault: z.boolean().optional(),
});
export type PipelineCreate = z.infer<typeof PipelineCreate>;

export const PipelineUpdate = z.object({
  name: text(200).min(1).optional(),
  stages: z.array(Stage).min(2).max(30).optional(),
  isDefault: z.literal(true).optional(),
  version: Version,
});
export type PipelineUpdate = z.infer<typeof PipelineUpdate>;

export const LostReason = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  version: Version,
});
export type LostReason = z.infer<typeof LostReason>;
export const LostReasonCreate = z.object({
  name: text(200).min(1),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const LostReasonUpdate = z.object({
  name: text(200).min(1).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  version: Version,
});

export const Competitor = z.object({
  id: Id,
  name: z.string(),
  inn: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
});
export type Competitor = z.infer<typeof Competitor>;
/** An optional INN, checked with core/requisites (the message is a field code, see field-messages). */
const CompetitorInn = z
  .string()
  .trim()
  .max(12)
  .nullable()
  .optional()
  .superRefine((value, ctx) => {
    if (!value) return;
    const r = checkInn(value);
    if (!r.ok)
      ctx.addIssue({ code: "custom", message: r.reason === "checksum" ? "inn_checksum" : "inn_format" });
  });
export const CompetitorCreate = z.object({
  name: text(300).min(1),
  inn: CompetitorInn,
  notes: text(5_000).nullable().optional(),
});
export type CompetitorCreate = z.infer<typeof CompetitorCreate>;
export const CompetitorUpdate = z.object({
  name: text(300).min(1).optional(),
  inn: CompetitorInn,
  notes: text(5_000).nullable().optional(),
  version: Version,
});
export type CompetitorUpdate = z.infer<typeof CompetitorUpdate>;
export const CompetitorListQuery = ListQuery.extend({ deleted: z.enum(["only", "include"]).optional() });

/** A clarified need (clause 2.1): what, at which level (who decides), in which direction. */
export const NeedRow = z.object({
  need: text(500).min(1),
  level: text(200).nullable().optional(),
  direction: text(200).nullable().optional(),
});
export type NeedRow = z.infer<typeof NeedRow>;

const dealFields = {
  title: text(300).min(1),
  companyId: Id,
  contactId: Id.nullable().optional(),
  amount: MoneyString.nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency")
    .optional(),
  expectedCloseDate: DateOnly.nullable().optional(),
  ownerId: Id.optional(),
  source: text(200).nullable().optional(),
  needs: text(10_000).nullable().optional(),
  needRows: z.array(NeedRow).max(50).optional(),
  nextStep: text(1_000).nullable().optional(),
  nextStepDate: DateOnly.nullable().optional(),
};

export const DealCreate = z.object({
  ...dealFields,
  pipelineId: Id.optional(),
  /** An open stage of the pipeline; the first one when omitted. Closing is a move. */
  stage: z.string().max(40).optional(),
});
export type DealCreate = z.infer<typeof DealCreate>;

export const DealUpdate = z.object({
  title: dealFields.title.optional(),
  companyId: dealFields.companyId.optional(),
  contactId: dealFields.contactId,
  amount: dealFields.amount,
  currency: dealFields.currency,
  expectedCloseDate: dealFields.expectedCloseDate,
  ownerId: dealFields.ownerId,
  source: dealFields.source,
  needs: dealFields.needs,
  needRows: dealFields.needRows,
  nextStep: dealFields.nextStep,
  nextStepDate: dealFields.nextStepDate,
  version: Version,
});
export type DealUpdate = z.infer<typeof DealUpdate>;

export const DealMove = z.object({
  stage: z.string().min(1).max(40),
  version: Version,
  lostReasonId: Id.optional(),
  competitorId: Id.nullable().optional(),
  lostNote: text(2_000).nullable().optional(),
  amount: MoneyString.optional(),
});
export type DealMove = z.infer<typeof DealMove>;

export const DealReopen = z.object({
  version: Version,
  /** The open stage to return to; by default the one the deal was closed from. */
  stage: z.string().max(40).optional(),
});
export type DealReopen = z.infer<typeof DealReopen>;

export const DealStatus = z.enum(["open", "won", "lost"]);

export const Deal = z.object({
  id: Id,
  pipelineId: Id,
  companyId: Id,
  companyName: z.string().nullable(),
  /** The company's reliability grade (A reliable … D high risk), when it has been assessed. */
  companyGrade: z.enum(["A", "B", "C", "D"]).nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  title: z.string(),
  stage: z.string(),
  stageName: z.string().nullable(),
  status: DealStatus,
  amount: MoneyString.nullable(),
  currency: z.string(),
  probability: z.number().int(),
  expectedCloseDate: DateOnly.nullable(),
  ownerId: Id,
  ownerName: z.string().nullable(),
  source: z.string().nullable(),
  needs: z.string().nullable(),
  needRows: z.array(
    z.object({ need: z.string(), level: z.string().nullable(), direction: z.string().nullable() }),
  ),
  nextStep: z.string().nullable(),
  nextStepDate: DateOnly.nullable(),
  /** The name of the reason a lost deal was lost for. */
  lostReason: z.string().nullable(),
  lostReasonId: Id.nullable(),
  lostNote: z.string().nullable(),
  competitorId: Id.nullable(),
  competitorName: z.string().nullable(),
  stageChangedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
});
export type Deal = z.infer<typeof Deal>;

export const DealSortKeys = ["createdAt", "updatedAt", "amount", "expectedCloseDate", "title"] as const;

export const DealListQuery = ListQuery.extend({
  pipelineId: Id.optional(),
  stage: z.string().max(40).optional(),
  ownerId: Id.optional(),
  status: DealStatus.optional(),
  companyId: Id.optional(),
  createdFrom: DateOnly.optional(),
  createdTo: DateOnly.optional(),
  closeFrom: DateOnly.optional(),
  closeTo: DateOnly.optional(),
  deleted: z.enum(["only", "include"]).optional(),
});
export type DealListQuery = z.infer<typeof DealListQuery>;

export const DealBoardQuery = z.object({
  pipelineId: Id.optional(),
  ownerId: Id.optional(),
  /** Expected close date from / to (inclusive). */
  from: DateOnly.optional(),
  to: DateOnly.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** "More" of one column: the stage and the column's nextCursor. */
  stage: z.string().max(40).optional(),
  cursor: z.string().max(500).optional(),
});
export type DealBoardQuery = z.infer<typeof DealBoardQuery>;

export const BoardColumn = z.object({
  stage: z.string(),
  name: z.string(),
  kind: StageKind,
  probability: z.number().int(),
  count: z.number().int(),
  /** The column's deals in roubles: amounts in different currencies are never added up. */
  sum: MoneyString,
  weighted: MoneyString,
  /** The same sums for the column's deals in each other currency, by currency code. */
  otherCurrencies: z.array(z.object({ currency: z.string(), sum: MoneyString, weighted: MoneyString })),
  items: z.array(Deal),
  nextCursor: z.string().nullable(),
});
export const DealBoard = z.object({ pipeline: Pipeline, columns: z.array(BoardColumn) });
export type DealBoard = z.infer<typeof DealBoard>;

export const ForecastQuery = z.object({
  from: DateOnly,
  to: DateOnly,
  ownerId: Id.optional(),
  pipelineId: Id.optional(),
  /** The currency of the deals to count; by default RUB (or the only currency there is). */
  currency: dealFields.currency,
});
export type ForecastQuery = z.infer<typeof ForecastQuery>;

const Sums = { count: z.number().int(), amount: MoneyString };
export const Forecast = z.object({
  from: DateOnly,
  to: DateOnly,
  pipelineId: Id,
  /** Every figure below is of the deals in this currency: amounts in different currencies are never added up. */
  currency: z.string(),
  /** The currencies of the deals the report could count (a choice for `currency`). */
  currencies: z.array(z.string()),
  /** Open deals by expected close month: amount and amount × probability. */
  byMonth: z.array(z.object({ month: z.string(), ...Sums, weighted: MoneyString })),
  byOwner: z.array(z.object({ ownerId: Id, ownerName: z.string(), ...Sums, weighted: MoneyString })),
  /** Deals closed in the period, by closing month. */
  closedByMonth: z.array(
    z.object({
      month: z.string(),
      wonCount: z.number().int(),
      wonAmount: MoneyString,
      lostCount: z.number().int(),
      lostAmount: MoneyString,
    }),
  ),
  won: z.object(Sums),
  lost: z.object(Sums),
  /** Of the deals created in the period that reached a stage, the share that reached the next one. */
  conversion: z.array(
    z.object({
      stage: z.string(),
      name: z.string(),
      reached: z.number().int(),
      toNext: z.number().int().nullable(),
      rate: z.number().nullable(),
    }),
  ),
  /** Won deals closed in the period: average days from creation to winning. */
  cycle: z.object({ count: z.number().int(), averageDays: z.number().nullable() }),
});
export type Forecast = z.infer<typeof Forecast>;

export const DealLogEntry = z.object({
  id: Id,
  on: DateOnly,
  text: z.string(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
  createdAt: Timestamp,
});
export type DealLogEntry = z.infer<typeof DealLogEntry>;
export const DealLogCreate = z.object({ on: DateOnly, text: text(5_000).min(1) });

export const StageChange = z.object({
  id: Id,
  fromStage: z.string().nullable(),
  toStage: z.string(),
  at: Timestamp,
  userId: Id.nullable(),
  userName: z.string().nullable(),
});
export type StageChange = z.infer<typeof StageChange>;
