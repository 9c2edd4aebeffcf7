import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Forecast, ForecastQuery } from "../../../contracts/deals";
import { formatMoney, MAIN_CURRENCY, parseMoney } from "../../../core/money";
import { deals } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, visibleOwnerIds } from "../../platform/policy";
import { pipelineFor } from "./pipelines.service";

const money = (expr: SQL) => sql<string>`coalesce(${expr}, 0)::numeric(18,2)::text`;
const weighted = sql<string>`coalesce(round(sum(${deals.amount} * ${deals.probability}) / 100, 2), 0)::numeric(18,2)::text`;
const day = (d: string) => sql`${d}::date`;

/**
 * The sales forecast for a period, all sums exact (numeric in SQL, decimal strings out):
 * - the weighted pipeline: open deals by expected close month and by owner, amount × probability;
 * - won and lost deals by closing month and in total;
 * - stage conversion: of the deals created in the period, how many reached each stage and the
 *   share that reached the next one (a deal that skipped a stage has passed it: "reached" is
 *   furthest stage of its moves, kept on the deal as top_stage; lost is not a step of the funnel);
 * - the cycle: average days from creation to winning of deals won in the period.
 * Every figure is of the deals in one currency (RUB unless asked): sums in different currencies
 * are never added up. Each statement groups by currency as well, so the choice of currencies
 * comes with the same passes.
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
  // Periods are Moscow calendar days and months, as the people reading the forecast count them.
  const from = sql`(${query.from}::date::timestamp at time zone 'Europe/Moscow')`;
  const toEnd = sql`((${query.to}::date + 1)::timestamp at time zone 'Europe/Moscow')`;
  const openInPeriod = sql`${base} and ${deals.status} = 'open'
    and ${deals.expectedCloseDate} >= ${day(query.from)} and ${deals.expectedCloseDate} <= ${day(query.to)}`;
  const closedInPeriod = sql`${base} and ${deals.status} in ('won', 'lost')
    and ${deals.closedAt} >= ${from} and ${deals.closedAt} < ${toEnd}`;
  const steps = pipeline.stages.filter((s) => s.kind !== "lost");

  // Months as bucket bounds, so each row finds its month by a binary search (width_bucket)
  // instead of a time-zone conversion: the month starts of the period, as dates for expected
  // closing and as Moscow instants for closing.
  const monthStarts = sql`generate_series(date_trunc('month', ${query.from}::date), ${query.to}::date, interval '1 month')`;
  const dateBounds = sql`(select array(select d::date from ${monthStarts} d))`;
  const instantBounds = sql`(select array(select d::timestamp at time zone 'Europe/Moscow' from ${monthStarts} d))`;

  // Four statements, each one index-only pass (deals_forecast_idx twice, deals_closed_idx,
  // deals_funnel_idx), sent at once: on PostgreSQL they run side by side on pooled connections.
  const [byMonthRows, byOwnerRows, closed, reached] = await Promise.all([
    // The weighted pipeline by expected month…
    db.execute<{ month: string; currency: string; count: number; amount: string; weighted: string }>(sql`
      select to_char((${dateBounds})[t.k], 'YYYY-MM') as month, t.currency, t.count, t.amount, t.weighted
      from (select width_bucket(${deals.expectedCloseDate}, ${dateBounds}) as k, ${deals.currency} as currency,
              count(*)::int as count, ${money(sql`sum(${deals.amount})`)} as amount, ${weighted} as weighted
            from ${deals} where ${openInPeriod} group by 1, 2) t
      order by t.k`),
    // … and by owner.
    db.execute<{
      ownerId: string;
      ownerName: string;
      currency: string;
      count: number;
      amount: string;
      weighted: string;
    }>(sql`
      select t.owner_id as "ownerId", coalesce(u.full_name, '') as "ownerName", t.currency, t.count, t.amount,
        t.weighted
      from (select ${deals.ownerId} as owner_id, ${deals.currency} as currency, count(*)::int as count,
              ${money(sql`sum(${deals.amount})`)} as amount, ${weighted} as weighted
            from ${deals} where ${openInPeriod} group by 1, 2) t
      left join users u on u.id = t.owner_id
      order by t.weighted::numeric desc, u.full_name`),
    // Won and lost by closing month, with the seconds from creation to winning for the cycle.
    db.execute<{
      month: string;
      status: "won" | "lost";
      currency: string;
      count: number;
      amount: string;
      seconds: number | null;
    }>(sql`
      select to_char((${instantBounds})[t.k] at time zone 'Europe/Moscow', 'YYYY-MM') as month, t.status,
        t.currency, t.count, t.amount, t.seconds
      from (select width_bucket(${deals.closedAt}, ${instantBounds}) as k, ${deals.status} as status,
              ${deals.currency} as currency, count(*)::int as count, ${money(sql`sum(${deals.amount})`)} as amount,
              sum(date_part('epoch', ${deals.closedAt} - ${deals.createdAt})) filter (where ${deals.status} = 'won') as seconds
            from ${deals} where ${closedInPeriod} group by 1, 2, 3) t
      order by t.k`),
    // Stage conversion: the deals created in the period by the furthest stage they reached.
    db.execute<{ topStage: string | null; currency: string; count: number }>(sql`
      select ${deals.topStage} as "topStage", ${deals.currency} as currency, count(*)::int as count
      from ${deals}
      where ${base} and ${deals.pipelineId} = ${pipeline.id}
        and ${deals.createdAt} >= ${from} and ${deals.createdAt} < ${toEnd}
      group by 1, 2`),
  ]);
  // Each statement counted every currency apart; the report is of one of them.
  const all = [byMonthRows.rows, byOwnerRows.rows, closed.rows, reached.rows];
  const currencies = [...new Set(all.flatMap((rows) => rows.map((r) => r.currency)))].sort();
  const currency =
    query.currency ??
    (currencies.includes(MAIN_CURRENCY) || !currencies.length ? MAIN_CURRENCY : currencies[0]!);
  const inCurrency = <R extends { currency: string }>(rows: R[]) =>
    rows.filter((r) => r.currency === currency).map(({ currency: _, ...rest }) => rest);
  const byMonth = inCurrency(byMonthRows.rows);
  const byOwner = inCurrency(byOwnerRows.rows);
  const closedRows = inCurrency(closed.rows);
  const reachedRows = inCurrency(reached.rows);
  const sumOf = (status: "won" | "lost") => {
    const rows = closedRows.filter((r) => r.status === status);
    return {
      count: rows.reduce((n, r) => n + r.count, 0),
      amount: formatMoney(rows.reduce((k, r) => k + parseMoney(r.amount), 0)),
      seconds: rows.reduce((t, r) => t + Number(r.seconds ?? 0), 0),
    };
  };
  const won = sumOf("won");
  const lost = sumOf("lost");

  const months = new Map<string, Forecast["closedByMonth"][number]>();
  for (const r of closedRows) {
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
  // A deal counts for its furthest stage and every stage before it.
  const atTop = steps.map((s) => reachedRows.find((r) => r.topStage === s.key)?.count ?? 0);
  const counts = atTop.map((_, i) => atTop.slice(i).reduce((sum, n) => sum + n, 0));
  return {
    from: query.from,
    to: query.to,
    pipelineId: pipeline.id,
    currency,
    currencies,
    byMonth,
    byOwner,
    closedByMonth: [...months.values()],
    won: { count: won.count, amount: won.amount },
    lost: { count: lost.count, amount: lost.amount },
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
      count: won.count,
      averageDays: won.count ? Math.round((won.seconds / 86400 / won.count) * 10) / 10 : null,
    },
  };
}
