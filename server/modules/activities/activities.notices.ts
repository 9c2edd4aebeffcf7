import { and, eq, isNull } from "drizzle-orm";
import { jobs } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { enqueue } from "../../platform/queue";

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

export const reminderKey = (id: string, remindAt: string) => `reminder:${id}:${Date.parse(remindAt)}`;

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
