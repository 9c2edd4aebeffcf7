import { and, eq } from "drizzle-orm";
import { activities } from "../db/schema/index";
import { activityLink, noticeTitle, reminderKey } from "../modules/activities/activities.notices";
import { findPeople } from "../modules/activities/activities.repo";
import { notify } from "../modules/notifications/notifications.service";
import { withTx } from "../platform/db/client";
import type { JobHandler } from "../platform/queue";

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
