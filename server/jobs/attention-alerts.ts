import { sql } from "drizzle-orm";
import { alertNewlyOverdue } from "../modules/attention/attention.service";
import type { JobHandler } from "../platform/queue";

/**
 * Daily: for every workspace, tells owners about clients that newly passed their contact target.
 * Idempotent: each overdue episode is recorded once (attention_alerts), so a rerun tells nobody twice.
 */
export const attentionAlerts: JobHandler = async (ctx) => {
  const rows = await ctx.db.execute<{ id: string }>(sql`select id from workspaces`);
  for (const w of rows.rows) await alertNewlyOverdue(ctx.db, w.id);
};
