import { sql } from "drizzle-orm";
import type { JobHandler } from "../platform/queue";

/**
 * Every few minutes: open items whose due time passed get one "overdue" notification each
 * (per due time: moving the deadline and missing it again notifies again). One statement, so
 * concurrent sweeps on two processes insert each row once (ON CONFLICT on the dedupe index).
 * Only items that fell due in the last three days are looked at: the sweep runs every five
 * minutes, so that covers any pause of the workers, and old backlogs do not flood the bell.
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
