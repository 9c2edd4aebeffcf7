import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Forecast, ForecastQuery } from "../../../contracts/deals";
import { deals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, visibleOwnerIds } from "../../platform/policy";
import { pipelineFor } from "./pipelines.service";

const money = (expr: SQL) => sql<string>`coalesce(${expr}, 0)::numeric(18,2)::text`;
const weighted = sql<string>`coalesce(round(sum(${deals.amount} * ${deals.probability}) / 100, 2), 0)::numeric(18,2)::text`;
const day = (d: string) => sql`${d}::date`;
const dayAfter = (d: string) => sql`(${d}::date + 1)`;

/**
 * The sales forecast for a period, all sums exact (numeric in SQL, decimal strings out):
 * - the weighted pipeline: open deals by expected close month and by owner, amount × probability;
 * - won and lost deals by closing month and in total;
 * - stage conversion: of the deals created in the period, how many reached each stage and the
 *   share that reached the next one (a deal that skipped a stage has passed it: "reached" is
 *   the furthest stage of its moves in deal_stage_changes; lost is not a step of the funnel);
 * - the cycle: average days from creation to winning of deals won in the period.
 * Visibility is the deals' own: a manager their own, a head the team's, an admin all.
 */
export async function dealForecast(db: Db, actor: Actor, query: ForecastQuery): Promise<Forecast> {
  const reach = authorize(actor, "deals", "read");
  if (query.to < query.from) throw AppError.validation([{ path: "to", message: "required" }]);
  const pipeline = await pipelineFor(db, actor.workspaceId, query.pipelineId);
  const visible = visibleOwnerIds(actor, reach);
  const owners = query.ownerId
    ? visible === null || visible.includes(query.ownerId)
      ? [query.ownerId]
      : []
    : visible;
  const base = and(
    eq(deals.workspaceId, actor.workspaceId),
    isNull(deals.deletedAt),
    owners === null ? undefined : owners.length ? inArray(deals.ownerId, [...owners]) : sql`false`,
    query.pipelineId ? eq(deals.pipelineId, pipeline.id) : undefined,
  )!;
  const openInPeriod = sql`${base} and ${deals.status} = 'open'
    and ${deals.expectedCloseDate} >= ${day(query.from)} and ${deals.expectedCloseDate} <= ${day(query.to)}`;
  const closedInPeriod = sql`${base} and ${deals.status} in ('won', 'lost')
    and ${deals.closedAt} >= ${day(query.from)} and ${deals.closedAt} < ${dayAfter(query.to)}`;

  const byMonth = await db.execute<{ month: string; count: number; amount: string; weighted: string }>(sql`
    select to_char(${deals.expectedCloseDate}, 'YYYY-MM') as month, count(*)::int as count,
      ${money(sql`sum(${deals.amount})`)} as amount, ${weighted} as weighted
    from ${deals} where ${openInPeriod} group by 1 order by 1`);

  const byOwner = await db.execute<{
    ownerId: string;
    ownerName: string;
    count: number;
    amount: string;
    weighted: string;
  }>(sql`
    select t.owner_id as "ownerId", coalesce(u.full_name, '') as "ownerName", t.count, t.amount, t.weighted
    from (select ${deals.ownerId} as owner_id, count(*)::int as count,
            ${money(sql`sum(${deals.amount})`)} as amount, ${weighted} as weighted
          from ${deals} where ${openInPeriod} group by 1) t
    left join users u on u.id = t.owner_id
    order by t.weighted::numeric desc, u.full_name`);

  const closed = await db.execute<{
    month: string;
    status: "won" | "lost";
    count: number;
    amount: string;
  }>(sql`
    select to_char(${deals.closedAt} at time zone 'UTC', 'YYYY-MM') as month, ${deals.status} as status,
      count(*)::int as count, ${money(sql`sum(${deals.amount})`)} as amount
    from ${deals} where ${closedInPeriod} group by 1, 2 order by 1`);

  const totals = await db.execute<{ status: "won" | "lost"; count: number; amount: string }>(sql`
    select ${deals.status} as status, count(*)::int as count, ${money(sql`sum(${deals.amount})`)} as amount
    from ${deals} where ${closedInPeriod} group by 1`);

  const steps = pipeline.stages.filter((s) => s.kind !== "lost");
  const ord = sql.join(
    steps.map((s, i) => sql`(${s.key}::text, ${i}::int)`),
    sql`, `,
  );
  const reached = await db.execute<{ n: number; count: number }>(sql`
    with ord(key, n) as (values ${ord}),
    top as (
      select ${deals.id} as id, max(ord.n) as top
      from ${deals}
      join deal_stage_changes c on c.deal_id = ${deals.id}
      join ord on ord.key = c.to_stage
      where ${base} and ${deals.pipelineId} = ${pipeline.id}
        and ${deals.createdAt} >= ${day(query.from)} and ${deals.createdAt} < ${dayAfter(query.to)}
      group by ${deals.id}
    )
    select ord.n, count(top.id)::int as count from ord left join top on top.top >= ord.n
    group by ord.n order by ord.n`);

  const [cycle] = (
    await db.execute<{ count: number; averageDays: string | null }>(sql`
    select count(*)::int as count,
      round(avg(extract(epoch from ${deals.closedAt} - ${deals.createdAt}) / 86400)::numeric, 1)::text as "averageDays"
    from ${deals} where ${closedInPeriod} and ${deals.status} = 'won'`)
  ).rows;

  const months = new Map<string, Forecast["closedByMonth"][number]>();
  for (const r of closed.rows) {
    const m = months.get(r.month) ?? {
      month: r.month,
      wonCount: 0,
      wonAmount: "0.00",
      lostCount: 0,
      lostAmount: "0.00",
    };
    if (r.status === "won") Object.assign(m, { wonCount: r.count, wonAmount: r.amount });
    else Object.assign(m, { lostCount: r.count, lostAmount: r.amount });
    months.set(r.month, m);
  }
  const total = (status: "won" | "lost") => {
    const r = totals.rows.find((t) => t.status === status);
    return { count: r?.count ?? 0, amount: r?.amount ?? "0.00" };
  };
  const counts = steps.map((_, i) => reached.rows.find((r) => Number(r.n) === i)?.count ?? 0);
  return {
    from: query.from,
    to: query.to,
    pipelineId: pipeline.id,
    byMonth: byMonth.rows,
    byOwner: byOwner.rows,
    closedByMonth: [...months.values()],
    won: total("won"),
    lost: total("lost"),
    conversion: steps.map((s, i) => {
      const next = i + 1 < steps.length ? counts[i + 1]! : null;
      const here = counts[i]!;
      return {
        stage: s.key,
        name: s.name,
        reached: here,
        toNext: next,
        rate: next === null || here === 0 ? null : Math.round((next / here) * 10_000) / 10_000,
      };
    }),
    cycle: {
      count: cycle?.count ?? 0,
      averageDays: cycle?.averageDays == null ? null : Number(cycle.averageDays),
    },
  };
}
