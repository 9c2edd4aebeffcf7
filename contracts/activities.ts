import { z } from "zod";
import { Id, Timestamp, Version } from "./common";

export const ActivityType = z.enum(["call", "meeting", "email", "note", "task"]);
export type ActivityType = z.infer<typeof ActivityType>;
export const ActivityDirection = z.enum(["in", "out"]);

/** A moment with its offset, as typed in a form or sent by an integration; stored as an instant. */
const Instant = z.iso.datetime({ offset: true }).describe("ISO 8601 date-time with offset");
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

const activityFields = {
  type: ActivityType,
  subject: text(300).min(1),
  body: optionalText(20_000),
  direction: ActivityDirection.nullable().optional(),
  companyId: Id.nullable().optional(),
  contactId: Id.nullable().optional(),
  dealId: Id.nullable().optional(),
  /** Who does it (the assignee of a task); defaults to the author. */
  ownerId: Id.optional(),
  dueAt: Instant.nullable().optional(),
  endAt: Instant.nullable().optional(),
  remindAt: Instant.nullable().optional(),
  doneAt: Instant.nullable().optional(),
  outcome: optionalText(2000),
  agreements: optionalText(5000),
  nextStep: optionalText(1000),
};

export const ActivityCreate = z.object({
  ...activityFields,
  /** Set by cadences when a scheme step creates the task. */
  enrolmentId: Id.nullable().optional(),
  cadenceStep: z.number().int().min(0).nullable().optional(),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const ActivityUpdate = z
  .object(
    Object.fromEntries(Object.entries(activityFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof activityFields]: z.ZodOptional<(typeof activityFields)[K]>;
    },
  )
  .omit({ doneAt: true })
  .extend({ version: Version });
export type ActivityUpdate = z.infer<typeof ActivityUpdate>;

/** Completing an activity records the result of a meeting or a call. */
export const ActivityComplete = z.object({
  version: Version,
  outcome: optionalText(2000),
  agreements: optionalText(5000),
  nextStep: optionalText(1000),
});
export type ActivityComplete = z.infer<typeof ActivityComplete>;

export const ActivityVersion = z.object({ version: Version });

export const ActivityStatus = z.enum(["open", "done", "overdue"]);

export const Activity = z.object({
  id: Id,
  type: ActivityType,
  subject: z.string(),
  body: z.string().nullable(),
  direction: ActivityDirection.nullable(),
  dueAt: Timestamp.nullable(),
  endAt: Timestamp.nullable(),
  remindAt: Timestamp.nullable(),
  doneAt: Timestamp.nullable(),
  occurredAt: Timestamp,
  companyId: Id.nullable(),
  contactId: Id.nullable(),
  dealId: Id.nullable(),
  ownerId: Id,
  /** Joined for lists and the timeline. */
  ownerName: z.string().nullable(),
  companyName: z.string().nullable(),
  outcome: z.string().nullable(),
  agreements: z.string().nullable(),
  nextStep: z.string().nullable(),
  /** Open with a due time in the past. */
  overdue: z.boolean(),
  createdBy: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
  version: Version,
});
export type Activity = z.infer<typeof Activity>;

const csv = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** The timeline of a company, contact or deal, or the caller's visible activities. */
export const ActivityListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  companyId: Id.optional(),
  contactId: Id.optional(),
  dealId: Id.optional(),
  ownerId: Id.optional(),
  type: csv.pipe(z.array(ActivityType)).optional(),
  status: ActivityStatus.optional(),
  deleted: z.enum(["true", "false"]).optional(),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const MyDay = z.object({
  /** The caller's day in their time zone: [from, to). */
  date: z.string(),
  timeZone: z.string(),
  from: Timestamp,
  to: Timestamp,
  today: z.array(Activity),
  overdue: z.array(Activity),
});
export type MyDay = z.infer<typeof MyDay>;

export const CalendarQuery = z.object({
  from: Instant,
  to: Instant,
  ownerId: Id.optional(),
});
export type CalendarQuery = z.infer<typeof CalendarQuery>;

export const CalendarEvent = z.object({
  id: Id,
  type: ActivityType,
  subject: z.string(),
  start: Timestamp,
  end: Timestamp.nullable(),
  done: z.boolean(),
  overdue: z.boolean(),
  ownerId: Id,
  ownerName: z.string().nullable(),
  companyId: Id.nullable(),
  companyName: z.string().nullable(),
  version: Version,
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;
export const CalendarEvents = z.object({ items: z.array(CalendarEvent) });

/** The private feed: the address is shown when made (only its hash is kept). */
export const CalendarFeed = z.object({
  url: z.string().nullable(),
  createdAt: Timestamp.nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;
export const CalendarFeedParams = z.object({ token: z.string().max(200) });
