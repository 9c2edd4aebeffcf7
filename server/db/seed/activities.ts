import { systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Database, withTx } from "../../platform/db/client";
import { seedUuidSql } from "./seed-sql";

export interface ActivitySeedOptions {
  activities: number;
  /** Same seed and same companies, same activities (their times move with the clock). */
  seed: number;
  /** Activities per insert statement. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Companies that get a fifth of all activities between them: the key accounts with long histories. */
const KEY_ACCOUNTS = 2000;

/**
 * Demo activities for the demo client base, made in the database by set-based inserts. Activity i
 * goes to a company chosen by a hash of (seed, i) — four in five spread over every company, one in
 * five over the first 2 000 (key accounts with hundreds of entries, the longest timelines) — and
 * is done by the company's owner. Three in ten sit on one of the company's deals when it has one.
 * About 92 % are done (calls, e-mails, meetings, notes and tasks over the two years before the
 * company's last contact); the rest are open calls, meetings and tasks due from a month ago to two
 * months ahead, so My day, overdue lists and the calendar have work in them.
 */
export async function seedActivities(
  database: Database,
  workspaceId: string,
  options: ActivitySeedOptions,
): Promise<{ activities: number; elapsedMs: number }> {
  const started = Date.now();
  const client = await database.pool.connect();
  try {
    // The companies numbered once, so each batch joins on k instead of re-sorting the base.
    await client.query("drop table if exists seed_companies");
    await client.query(
      `create temp table seed_companies as
       select id, owner_id, coalesce(last_contact_at, now()) as last_at, row_number() over (order by id) - 1 as k
       from companies where workspace_id = $1 and deleted_at is null`,
      [workspaceId],
    );
    await client.query("create unique index on seed_companies (k)");
    const { rows } = await client.query<{ n: string }>("select count(*) as n from seed_companies");
    const companies = Number(rows[0]?.n ?? 0);
    if (!companies) throw new Error("Seed companies first (accord seed --demo --companies N).");
    const { rows: base } = await client.query<{ n: string }>(
      "select count(*) as n from activities where workspace_id = $1",
      [workspaceId],
    );
    const offset = Number(base[0]?.n ?? 0);
    const batch = Math.max(1, options.batchSize ?? 100_000);
    const keyAccounts = Math.min(KEY_ACCOUNTS, companies);
    for (let from = 0; from < options.activities; from += batch) {
      const to = Math.min(options.activities, from + batch) - 1;
      await client.query(
        `with g as (
           select n, abs(hashtext($2 || ':t:' || n)::bigint) as h1, abs(hashtext($2 || ':c:' || n)::bigint) as h2,
                  abs(hashtext($2 || ':w:' || n)::bigint) as h3
           from generate_series($3::bigint + $5, $4::bigint + $5) n
         ),
         pick as (
           select g.*, c.id as company_id, c.owner_id, c.last_at,
             case when g.h1 % 100 < 92 then true else false end as done,
             (array['call','call','call','call','call','email','email','email','email','meeting','meeting',
                    'note','note','note','task','task','task','task','call','email'])[1 + (g.h2 / 7) % 20] as kind
           from g join seed_companies c
             on c.k = case when g.h2 % 5 = 0 then g.h2 % $6 else g.h2 % $7 end
         ),
         typed as (
           select p.*,
             case when p.done then p.kind when p.kind in ('email', 'note') then 'task' else p.kind end as type,
             case when p.done then p.last_at - make_interval(days => (p.h3 % 730)::int, mins => (p.h3 % 600)::int)
                  else date_trunc('hour', now()) + make_interval(days => (p.h3 % 90)::int - 30, hours => (p.h3 % 9)::int)
             end as at
           from pick p
         )
         insert into activities (id, workspace_id, type, subject, body, company_id, deal_id, owner_id, direction,
           due_at, end_at, done_at, occurred_at, outcome, created_at, updated_at, created_by)
         select ${seedUuidSql("t.at", "$2 || ':a:' || t.n")}, $1, t.type,
           case t.type when 'call' then 'Звонок: ' when 'email' then 'Письмо: ' when 'meeting' then 'Встреча: '
             when 'note' then 'Заметка: ' else 'Задача: ' end
             || (array['уточнить потребность', 'согласовать условия', 'обсудить поставку', 'отправить КП',
                       'напомнить об оплате', 'договориться о встрече', 'подписать договор'])[1 + t.h1 % 7],
           case when t.h3 % 3 = 0 then 'Клиент просил перезвонить после согласования бюджета.' end,
           t.company_id,
           case when t.h1 % 10 < 3 then (select d.id from deals d where d.workspace_id = $1 and d.company_id = t.company_id
                                           and d.deleted_at is null limit 1) end,
           t.owner_id,
           case when t.type in ('call', 'email') then (case when t.h2 % 3 = 0 then 'in' else 'out' end) end,
           case when t.type in ('call', 'meeting', 'task') then t.at end,
           case when t.type = 'meeting' then t.at + interval '1 hour' end,
           case when t.done then t.at end,
           t.at,
           case when t.done and t.type in ('call', 'meeting') then 'Договорились о следующем шаге' end,
           case when t.done then t.at else now() - interval '1 day' end,
           case when t.done then t.at else now() - interval '1 day' end,
           t.owner_id
         from typed t`,
        [workspaceId, String(options.seed), from, to, offset, keyAccounts, companies],
      );
      options.onProgress?.(to + 1, options.activities);
    }
    await client.query("drop table seed_companies");
  } finally {
    client.release();
  }
  await withTx(database.db, (tx) =>
    recordChange(tx, systemActor(workspaceId), {
      action: "seed",
      entity: "workspace",
      entityId: workspaceId,
      changes: { activities: { from: null, to: options.activities }, seed: { from: null, to: options.seed } },
    }),
  );
  await database.pool.query("vacuum (analyze) activities");
  return { activities: options.activities, elapsedMs: Date.now() - started };
}
