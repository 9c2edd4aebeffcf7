import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessColumns, ts } from "./columns";

export const productionDayKinds = ["holiday", "workday", "short"] as const;

/**
 * The workspace's production calendar: only the exceptions to Mon–Fri. `holiday` is a weekday
 * off, `workday` a working Saturday/Sunday, `short` a shortened pre-holiday working day. Seeded
 * from core/production-calendar.ts on first use (`production_calendar_years` remembers which
 * years were seeded, so a day the admin set back to normal is not seeded again).
 */
export const productionCalendarDays = pgTable(
  "production_calendar_days",
  {
    workspaceId: uuid("workspace_id").notNull(),
    day: date("day").notNull(),
    kind: text("kind", { enum: productionDayKinds }).notNull(),
    note: text("note"),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);

export const productionCalendarYears = pgTable(
  "production_calendar_years",
  {
    workspaceId: uuid("workspace_id").notNull(),
    year: integer("year").notNull(),
    source: text("source").notNull(),
    provisional: boolean("provisional").notNull().default(false),
    seededAt: ts("seeded_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.year] })],
);

export const cadenceStepTypes = ["call", "email", "meeting", "task"] as const;

/** A contact scheme: an ordered list of steps (kept in cadence_steps) a client is walked through. */
export const cadences = pgTable(
  "cadences",
  {
    ...businessColumns(),
    name: text("name").notNull(),
    description: text("description"),
    active: boolean("active").notNull().default(true),
    /** The designer: visibility and edit rights of the scheme follow this user. */
    ownerId: uuid("owner_id").notNull(),
    deletedAt: ts("deleted_at"),
    deletedBy: uuid("deleted_by"),
  },
  (t) => [
    index("cadences_ws_name_idx")
      .on(t.workspaceId, sql`${t.name} collate ru_icu`, t.id)
      .where(sql`${t.deletedAt} is null`),
  ],
);

export const cadenceSteps = pgTable(
  "cadence_steps",
  {
    id: uuid("id").primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    cadenceId: uuid("cadence_id").notNull(),
    /** 1-based order; the step's tasks carry it as activities.cadence_step. */
    position: integer("position").notNull(),
    type: text("type", { enum: cadenceStepTypes }).notNull(),
    delayWorkingDays: integer("delay_working_days").notNull().default(0),
    subject: text("subject").notNull(),
    script: text("script"),
  },
  (t) => [uniqueIndex("cadence_steps_position_uq").on(t.cadenceId, t.position)],
);

export const enrolmentStatuses = ["active", "completed", "stopped"] as const;
export const stopReasons = ["reply", "deal_won", "deal_lost", "manual"] as const;

/**
 * A company (or a contact of it) walked through a scheme. `owner_id` is the company's owner:
 * visibility follows it, and the step tasks are assigned to them. `next_position`/`next_due_on`
 * say which step comes next and on which working day; null once every step has been issued.
 */
export const cadenceEnrolments = pgTable(
  "cadence_enrolments",
  {
    ...businessColumns(),
    cadenceId: uuid("cadence_id").notNull(),
    companyId: uuid("company_id"),
    contactId: uuid("contact_id"),
    ownerId: uuid("owner_id").notNull(),
    status: text("status", { enum: enrolmentStatuses }).notNull().default("active"),
    stopReason: text("stop_reason", { enum: stopReasons }),
    startedOn: date("started_on").notNull(),
    /** The day the next step's delay counts from: the start, then each issued step's due day. */
    anchorOn: date("anchor_on").notNull(),
    nextPosition: integer("next_position"),
    nextDueOn: date("next_due_on"),
    stepsDone: integer("steps_done").notNull().default(0),
    endedAt: ts("ended_at"),
  },
  (t) => [
    index("cadence_enrolments_cadence_idx").on(t.workspaceId, t.cadenceId, t.createdAt, t.id),
    // The company card's list (every status, newest first) and the stops by company.
    index("cadence_enrolments_company_idx").on(t.workspaceId, t.companyId, t.createdAt, t.id),
    index("cadence_enrolments_contact_idx").on(t.workspaceId, t.contactId).where(sql`${t.status} = 'active'`),
    // A client is in a scheme at most once at a time; a finished enrolment may be repeated.
    uniqueIndex("cadence_enrolments_active_company_uq")
      .on(t.cadenceId, t.companyId)
      .where(sql`${t.status} = 'active' and ${t.contactId} is null`),
    uniqueIndex("cadence_enrolments_active_contact_uq")
      .on(t.cadenceId, t.contactId)
      .where(sql`${t.status} = 'active' and ${t.contactId} is not null`),
  ],
);

/**
 * Contact-frequency targets in calendar days. A workspace default per company status and per
 * segment (`dimension` + `value`); `days` null means "not tracked" (e.g. former clients).
 */
export const contactTargetDefaults = pgTable(
  "contact_target_defaults",
  {
    workspaceId: uuid("workspace_id").notNull(),
    dimension: text("dimension", { enum: ["status", "segment"] }).notNull(),
    value: text("value").notNull(),
    days: integer("days"),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.dimension, t.value] })],
);

/** A company's own contact frequency, overriding the defaults. */
export const companyContactTargets = pgTable(
  "company_contact_targets",
  {
    workspaceId: uuid("workspace_id").notNull(),
    companyId: uuid("company_id").notNull(),
    days: integer("days").notNull(),
    updatedAt: ts("updated_at").notNull().default(sql`now()`),
    updatedBy: uuid("updated_by"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.companyId] })],
);

/**
 * Overdue episodes already announced to the owner: one row per company and the date it became
 * overdue, so the daily alert tells about each newly overdue client once.
 */
export const attentionAlerts = pgTable(
  "attention_alerts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    companyId: uuid("company_id").notNull(),
    overdueSince: date("overdue_since").notNull(),
    ownerId: uuid("owner_id").notNull(),
    alertedAt: ts("alerted_at").notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.companyId, t.overdueSince] })],
);
