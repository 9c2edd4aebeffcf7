import { sql } from "drizzle-orm";
import { ensureDefaultPipeline } from "../../modules/deals/pipelines.service";
import { systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Database, withTx } from "../../platform/db/client";
import { seedUuidSql } from "./seed-sql";

export interface DealSeedOptions {
  deals: number;
  /** Same seed and same companies, same deals. */
  seed: number;
  /** Deals per insert statement. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Demo deals for the demo client base, made in the database by set-based inserts (a batch of
 * 50 000 is one statement): deal i belongs to the (i mod N)-th company and to its owner; its
 * stage, amount and dates come from a hash of (seed, i), so a run is reproducible. About 60 %
 * are open, spread over the stages of the default pipeline with expected closing dates from
 * three months back to a year ahead; the rest are won or lost, closed within the last 18 months.
 * Each deal gets its creation in deal_stage_changes and, past the first stage, its move.
 */
export async function seedDeals(
  database: Database,
  workspaceId: string,
  options: DealSeedOptions,
): Promise<{ deals: number; elapsedMs: number }> {
  const started = Date.now();
  const { db, pool } = database;
  const pipeline = await withTx(db, (tx) => ensureDefaultPipeline(tx, workspaceId));
  const { rows } = await pool.query<{ n: string }>(
    "select count(*) as n from companies where workspace_id = $1 and deleted_at is null",
    [workspaceId],
  );
  const companies = Number(rows[0]?.n ?? 0);
  if (!companies) throw new Error("Seed companies first (accord seed --demo --companies N).");
  const stages = JSON.stringify(pipeline.stages.map((s, i) => ({ ...s, i })));
  const { rows: base } = await pool.query<{ n: string }>(
    "select count(*) as n from deals where workspace_id = $1",
    [workspaceId],
  );
  const offset = Number(base[0]?.n ?? 0);
  const batch = Math.max(1, options.batchSize ?? 50_000);
  for (let from = 0; from < options.deals; from += batch) {
    const to = Math.min(options.deals, from + batch) - 1;
    // h(k): a reproducible pseudo-random integer 0…2^31 per deal and purpose.
    await pool.query(
      `with c as (
         select id, owner_id, row_number() over (order by id) - 1 as k
         from companies where workspace_id = $1 and deleted_at is null
       ),
       st as (select * from jsonb_to_recordset($2::jsonb) as s(key text, name text, probability int, kind text, i int)),
       g as (
         select n, abs(hashtext($3 || ':' || n)::bigint) as h1, abs(hashtext($3 || ':a:' || n)::bigint) as h2,
                abs(hashtext($3 || ':d:' || n)::bigint) as h3
         from generate_series($4::bigint + $6, $5::bigint + $6) n
       ),
       pick as (
         select g.*, c.id as company_id, c.owner_id,
           case when g.h1 % 100 < 60 then (g.h1 / 100) % (select count(*) from st where kind = 'open')
                when g.h1 % 100 < 82 then (select i from st where kind = 'won')
                else (select i from st where kind = 'lost') end as stage_i
         from g join c on c.k = g.n % $7
       ),
       ins as (
         insert into deals (id, workspace_id, pipeline_id, stage, status, title, company_id, amount, currency,
           probability, expected_close_date, owner_id, next_step, next_step_date, lost_reason_id,
           stage_changed_at, closed_at, created_at, updated_at, top_stage)
         select
           ${seedUuidSql("now() - make_interval(days => (20 + p.h3 % 520)::int)", "$3 || ':' || p.n")},
           $1, $8::uuid, st.key, st.kind,
           'Сделка №' || (p.n + 1), p.company_id,
           ((10000 + p.h2 % 5000000) * 1.0 + (p.h2 % 100) / 100.0)::numeric(18,2), 'RUB',
           st.probability,
           case when st.kind = 'open' then current_date + (p.h3 % 455 - 90)::int else null end,
           p.owner_id,
           case when st.kind = 'open' then 'Созвониться' end,
           case when st.kind = 'open' then current_date + (p.h2 % 14)::int end,
           case when st.kind = 'lost' then (select id from lost_reasons where workspace_id = $1 order by position limit 1) end,
           now() - make_interval(days => (p.h3 % 20)::int),
           case when st.kind <> 'open' then now() - make_interval(days => (p.h3 % 20)::int) end,
           now() - make_interval(days => (20 + p.h3 % 520)::int),
           now(),
           -- Created at the first stage, then moved once: a lost deal got no further than the first.
           case when st.kind = 'lost' then (select key from st order by i limit 1) else st.key end
         from pick p join st on st.i = p.stage_i
         returning id, stage, created_at, closed_at
       ),
       first_stage as (select key from st order by i limit 1)
       insert into deal_stage_changes (id, workspace_id, deal_id, pipeline_id, from_stage, to_stage, at)
       select gen_random_uuid(), $1, ins.id, $8::uuid, null, (select key from first_stage), ins.created_at from ins
       union all
       select gen_random_uuid(), $1, ins.id, $8::uuid, (select key from first_stage), ins.stage,
              coalesce(ins.closed_at, ins.created_at + interval '1 day')
       from ins where ins.stage <> (select key from first_stage)`,
      [workspaceId, stages, String(options.seed), from, to, offset, companies, pipeline.id],
    );
    options.onProgress?.(to + 1, options.deals);
  }
  await withTx(db, (tx) =>
    recordChange(tx, systemActor(workspaceId), {
      action: "seed",
      entity: "workspace",
      entityId: workspaceId,
      changes: { deals: { from: null, to: options.deals }, seed: { from: null, to: options.seed } },
    }),
  );
  // VACUUM too (not in a transaction): flushes the title's GIN pending list, fills the visibility map.
  await db.execute(sql`vacuum (analyze) deals`);
  await db.execute(sql`vacuum (analyze) deal_stage_changes`);
  return { deals: options.deals, elapsedMs: Date.now() - started };
}
