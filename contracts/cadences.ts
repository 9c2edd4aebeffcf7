import { z } from "zod";
import { Id, ListQuery, Timestamp, Version } from "./common";
import { CompanyListQuery } from "./companies";

/** A calendar date (YYYY-MM-DD). */
const IsoDate = z.iso.date().describe("ISO 8601 date");

export const CadenceStats = z.object({
  enrolled: z.number().int(),
  inProgress: z.number().int(),
  /** A won deal of the company closed after the enrolment began. */
  converted: z.number().int(),
  completed: z.number().int(),
  stopped: z.object({
    reply: z.number().int(),
    manual: z.number().int(),
    dealWon: z.number().int(),
    dealLost: z.number().int(),
  }),
});
export type CadenceStats = z.infer<typeof CadenceStats>;

export const CadenceStepType = z.enum(["call", "email", "meeting", "task"]);
export type CadenceStepType = z.infer<typeof CadenceStepType>;

export const CadenceStepInput = z.object({
  type: CadenceStepType,
  /** Working days after the previous step's due day (after the start for the first step). */
  delayWorkingDays: z.number().int().min(0).max(250),
  subject: z.string().trim().min(1).max(300),
  script: z.string().max(20_000).nullable().optional(),
});
export type CadenceStepInput = z.infer<typeof CadenceStepInput>;

export const CadenceStep = CadenceStepInput.extend({
  id: Id,
  position: z.number().int().min(1),
  script: z.string().nullable(),
});
export type CadenceStep = z.infer<typeof CadenceStep>;

export const CadenceCreate = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).nullable().optional(),
  active: z.boolean().default(true),
  /** In order: the array order is the step order (positions are 1, 2, 3 …). */
  steps: z.array(CadenceStepInput).min(1).max(50),
});
export type CadenceCreate = z.infer<typeof CadenceCreate>;

export const CadenceUpdate = z.object({
  version: Version,
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).nullable().optional(),
  active: z.boolean().optional(),
  steps: z.array(CadenceStepInput).min(1).max(50).optional(),
});
export type CadenceUpdate = z.infer<typeof CadenceUpdate>;

export const Cadence = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  ownerId: Id,
  ownerName: z.string().nullable(),
  steps: z.array(CadenceStep),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  /** In lists: the numbers of the enrolments the caller may see. */
  stats: CadenceStats.optional(),
});
export type Cadence = z.infer<typeof Cadence>;

export const CadenceListQuery = ListQuery.extend({
  active: z.enum(["true", "false"]).optional(),
});
export type CadenceListQuery = z.infer<typeof CadenceListQuery>;

/** The companies list's filters, without paging: who a filtered enrolment takes. */
export const CadenceEnrolFilter = CompanyListQuery.omit({
  limit: true,
  cursor: true,
  sort: true,
  deleted: true,
});

export const CadenceEnrol = z
  .object({
    companyIds: z.array(Id).min(1).max(500).optional(),
    contactIds: z.array(Id).min(1).max(500).optional(),
    /** The clients list's filter, as its query string values (e.g. `{status: "client", city: "Тула"}`). */
    filter: CadenceEnrolFilter.optional(),
    /** The day the schedule counts from; today (Moscow) when omitted. */
    startOn: IsoDate.optional(),
  })
  .refine((b) => [b.companyIds, b.contactIds, b.filter].filter(Boolean).length === 1, {
    message: "one_target",
    path: ["companyIds"],
  });
export type CadenceEnrol = z.infer<typeof CadenceEnrol>;

export const CadenceEnrolResult = z.object({
  /** Enrolled now (a big filtered enrolment runs as a job: then 0 here and `jobId` set). */
  enrolled: z.number().int(),
  /** Already in this scheme (active), left as they were. */
  skipped: z.number().int(),
  jobId: Id.nullable(),
  /** How many companies the filter matched (filtered enrolments). */
  matched: z.number().int().nullable(),
});
export type CadenceEnrolResult = z.infer<typeof CadenceEnrolResult>;

export const CadenceEnrolJob = z.object({
  id: Id,
  state: z.enum(["queued", "running", "done", "failed"]),
  processed: z.number().int(),
  total: z.number().int().nullable(),
  enrolled: z.number().int(),
  skipped: z.number().int(),
});
export type CadenceEnrolJob = z.infer<typeof CadenceEnrolJob>;

export const EnrolmentStatus = z.enum(["active", "completed", "stopped"]);
export const StopReason = z.enum(["reply", "deal_won", "deal_lost", "manual"]);
export type StopReason = z.infer<typeof StopReason>;

export const CadenceEnrolment = z.object({
  id: Id,
  cadenceId: Id,
  cadenceName: z.string().nullable(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  ownerId: Id,
  status: EnrolmentStatus,
  stopReason: StopReason.nullable(),
  startedOn: IsoDate,
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  /** The task of the latest issued step (an activity row). */
  currentTask: z
    .object({
      id: Id,
      type: z.string(),
      subject: z.string(),
      dueAt: Timestamp.nullable(),
      doneAt: Timestamp.nullable(),
    })
    .nullable(),
  nextPosition: z.number().int().nullable(),
  nextDueOn: IsoDate.nullable(),
  createdAt: Timestamp,
  endedAt: Timestamp.nullable(),
  version: z.number().int(),
});
export type CadenceEnrolment = z.infer<typeof CadenceEnrolment>;

export const EnrolmentListQuery = ListQuery.extend({ status: EnrolmentStatus.optional() });
export type EnrolmentListQuery = z.infer<typeof EnrolmentListQuery>;

export const CompanyEnrolmentsQuery = z.object({ companyId: Id });
