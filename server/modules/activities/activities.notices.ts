import { and, eq, isNull, sql } from "drizzle-orm";
import { activities, jobs } from "../../db/schema/index";
import { type Db, withTx } from "../../platform/db/client";
import { enqueue, type JobHandler } from "../../platform/queue";
import { notify } from "../notifications/notifications.service";
import { findPeople } from "./activities.repo";

/**
 * Reminders, assignments and overdue items become in-app notifications. Each notification has a
 * dedupe key, so a job that runs twice (at-least-once), or on two processes at once, still
 * leaves exactly one row: the unique index on notifications decides, not timing.
 */

export const REMINDER_JOB = "activity-reminder";
export const OVERDUE_JOB = "activities-overdue";

const texts = {
  reminder: { ru: "Напоминание: {subject}", en: "Reminder: {subject}" },
  assigned: { ru: "Вам назначено: {subject}", en: "Assigned to you: {subject}" },
  overdue: { ru: "Просрочено: {subject}", en: "Overdue: {subject}" },
} as const;

export function noticeTitle(kind: keyof typeof texts, locale: "ru" | "en", subject: string): string {
  return texts[kind][locale].replace("{subject}", subject);
}

/** Where a notification leads: the company's timeline, else the activities page. */
export function activityLink(a: { id: string; companyId: string | null }): string {
  return a.companyId
    ? `/clients/${a.companyId}?tab=timeline&activity=${a.id}`
    : `/activities?activity=${a.id}`;
}

const reminderKey = (id: string, remindAt: string) => `reminder:${id}:${Date.parse(remindAt)}`;

/**
 * Schedules the reminder in the caller's transaction. A changed time gets a new job (new key);
 * the pending job of the old time is dropped, and would be a no-op anyway (it checks the time).
 */
export async function scheduleReminder(
  tx: Db,
  a: {
    id: string;
    workspaceId: string;
    remindAt: string | null;
    doneAt: string | null;
    deletedAt: string | null;
  },
  previousRemindAt: string | null,
): Promise<void> {
  if (previousRemindAt && previousRemindAt !== a.remindAt) {
    await tx
      .delete(jobs)
      .where(
        and(
          eq(jobs.kind, REMINDER_JOB),
          eq(jobs.dedupeKey, reminderKey(a.id, previousRemindAt)),
          isNull(jobs.doneAt),
          isNull(jobs.lockedBy),
        ),
      );
  }
  if (!a.remindAt || a.doneAt || a.deletedAt) return;
  await enqueue(tx, {
    kind: REMINDER_JOB,
    workspaceId: a.workspaceId,
    payload: { activityId: a.id, remindAt: a.remindAt },
    runAt: new Date(a.remindAt),
    dedupeKey: reminderKey(a.id, a.remindAt),
  });
}

/** The reminder fires only if the activity still wants it: open, not deleted, same time. */
export const reminderJob: JobHandler = async (ctx, job) => {
  const { activityId, remindAt } = job.payload as { activityId: string; remindAt: string };
  const workspaceId = job.workspaceId!;
  await withTx(ctx.db, async (tx) => {
    const [a] = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, activityId)));
    if (!a || a.doneAt || a.deletedAt || !a.remindAt) return;
    if (Date.parse(a.remindAt) !== Date.parse(remindAt)) return;
    const [owner] = await findPeople(tx, workspaceId, [a.ownerId]);
    await notify(tx, {
      workspaceId,
      userIds: [a.ownerId],
      kind: "reminder",
      title: noticeTitle("reminder", owner?.locale ?? "ru", a.subject),
      body: a.dueAt ?? undefined,
      link: activityLink(a),
      dedupeKey: reminderKey(a.id, a.remindAt),
    });
  });
};

/**
 * Every few minutes: open items whose due time passed get one "overdue" notification each
 * (per due time: moving the deadline and missing it again notifies again). One statement, so
 * concurrent sweeps on two processes insert each row once (ON CONFLICT on the dedupe index).
 */
export const overdueSweep: JobHandler = async (ctx) => {
  for (let round = 0; round < 50; round++) {
    const result = await ctx.db.execute(sql`
      insert into notifications (id, workspace_id, user_id, kind, title, body, link, dedupe_key)
      select gen_random_uuid(), a.workspace_id, a.owner_id, 'overdue',
        left(case when u.locale = 'en' then 'Overdue: ' else 'Просрочено: ' end || a.subject, 500),
        to_char(a.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
        case when a.company_id is null then '/activities?activity=' || a.id
          else '/clients/' || a.company_id || '?tab=timeline&activity=' || a.id end,
        'overdue:' || a.id || ':' || floor(extract(epoch from a.due_at) * 1000)::bigint
      from activities a
      join users u on u.id = a.owner_id
      where a.due_at is not null and a.done_at is null and a.deleted_at is null
        and a.due_at < now() and a.due_at > now() - interval '3 days'
        and a.type in ('task', 'meeting', 'call')
        and not exists (
          select 1 from notifications n
          where n.workspace_id = a.workspace_id and n.user_id = a.owner_id
            and n.dedupe_key = 'overdue:' || a.id || ':' || floor(extract(epoch from a.due_at) * 1000)::bigint)
      limit 500
      on conflict do nothing`);
    if ((result.rowCount ?? 0) < 500) break;
  }
};
