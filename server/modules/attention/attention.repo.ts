import { and, eq, type SQL, sql } from "drizzle-orm";
import type { ContactTargets } from "../../../contracts/attention";
import { companyContactTargets, contactTargetDefaults } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

/** Built-in targets (calendar days) while an admin has set none: clients monthly, prospects fortnightly. */
export const BUILT_IN_TARGETS: Record<string, number | null> = { client: 30, prospect: 14, former: null };

/**
 * The target of a company `c` (aliases o, sg, st joined as in `targetJoins`): its own override,
 * else its segment's, else its status's (an admin's row, even "not tracked", beats the built-in).
 */
export const targetExpr = sql`coalesce(o.days, sg.days, case when st.value is null
  then (case c.status when 'client' then ${BUILT_IN_TARGETS.client}::int when 'prospect' then ${BUILT_IN_TARGETS.prospect}::int end)
  else st.days end)`;

export const targetJoins = sql`
  left join company_contact_targets o on o.workspace_id = c.workspace_id and o.company_id = c.id
  left join contact_target_defaults sg on sg.workspace_id = c.workspace_id and sg.dimension = 'segment' and sg.value = c.segment
  left join contact_target_defaults st on st.workspace_id = c.workspace_id and st.dimension = 'status' and st.value = c.status`;

/** The Moscow date the contact clock counts from: the last completed contact, else creation. */
export const baseOnExpr = sql`(coalesce(c.last_contact_at, c.created_at) at time zone 'Europe/Moscow')::date`;
export const todayExpr = sql`(now() at time zone 'Europe/Moscow')::date`;

export type AttentionRow = {
  id: string;
  name: string;
  status: "prospect" | "client" | "former";
  segment: string | null;
  ownerId: string;
  ownerName: string | null;
  lastContactAt: string | Date | null;
  baseOn: string;
  today: string;
  since: number;
  target: number;
  overdue: number;
  value: string;
};

/**
 * "Needs attention": the visible companies past their target, most overdue first, then by the
 * sum of their open deals. One pass over the owner's companies (companies_owner_contact_idx),
 * two primary-key probes for the targets, and for the overdue ones only an index probe of their
 * deals (deals_company_idx). Keyset on (overdue, value, id), all descending.
 */
export function attentionSql(
  workspaceId: string,
  owners: readonly string[] | null,
  after: [number, string, string] | null,
  limit: number,
): SQL {
  const ownerCond: SQL = owners
    ? sql`and c.owner_id in (${sql.join(
        owners.map((o) => sql`${o}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const cursor = after
    ? sql`where (v.overdue, v.value, v.id) < (${after[0]}::int, ${after[1]}::numeric, ${after[2]}::uuid)`
    : sql``;
  return sql`
    with t as (
      select c.id, c.name, c.status, c.segment, c.owner_id, c.last_contact_at,
        ${baseOnExpr} as base_on, ${targetExpr} as target
      from companies c ${targetJoins}
      where c.workspace_id = ${workspaceId} and c.deleted_at is null ${ownerCond}
    ), od as (
      select t.*, ${todayExpr} - t.base_on as since, ${todayExpr} - t.base_on - t.target as overdue
      from t where t.target is not null and ${todayExpr} - t.base_on > t.target
    ), v as (
      select od.*, coalesce((
        select sum(d.amount) from deals d
        where d.workspace_id = ${workspaceId} and d.company_id = od.id and d.deleted_at is null and d.status = 'open'
      ), 0)::numeric(18,2) as value
      from od
    )
    select v.id, v.name, v.status, v.segment, v.owner_id as "ownerId", u.full_name as "ownerName",
      v.last_contact_at as "lastContactAt", v.base_on::text as "baseOn", ${todayExpr}::text as "today",
      v.since::int as since, v.target::int as target, v.overdue::int as overdue, v.value::text as value
    from v left join users u on u.id = v.owner_id
    ${cursor}
    order by v.overdue desc, v.value desc, v.id desc
    limit ${limit + 1}`;
}

export async function attentionRows(
  db: Db,
  workspaceId: string,
  owners: readonly string[] | null,
  after: [number, string, string] | null,
  limit: number,
): Promise<AttentionRow[]> {
  return (await db.execute<AttentionRow>(attentionSql(workspaceId, owners, after, limit))).rows;
}

/** One company's target and contact clock. */
export async function companyClock(db: Db, workspaceId: string, companyId: string) {
  const res = await db.execute<{
    target: number | null;
    override: number | null;
    segmentDays: number | null;
    statusRow: string | null;
    baseOn: string;
    today: string;
    since: number;
    lastContactAt: string | Date | null;
  }>(sql`
    select ${targetExpr}::int as target, o.days as override, sg.days as "segmentDays", st.value as "statusRow",
      ${baseOnExpr}::text as "baseOn", ${todayExpr}::text as today, (${todayExpr} - ${baseOnExpr})::int as since,
      c.last_contact_at as "lastContactAt"
    from companies c ${targetJoins}
    where c.workspace_id = ${workspaceId} and c.id = ${companyId}`);
  return res.rows[0] ?? null;
}

export async function targetDefaults(db: Db, workspaceId: string) {
  return db.select().from(contactTargetDefaults).where(eq(contactTargetDefaults.workspaceId, workspaceId));
}

export async function replaceTargetDefaults(
  tx: Db,
  workspaceId: string,
  input: ContactTargets,
  updatedBy: string | null,
): Promise<void> {
  await tx.delete(contactTargetDefaults).where(eq(contactTargetDefaults.workspaceId, workspaceId));
  const rows = [
    ...input.byStatus.map((s) => ({ dimension: "status" as const, value: s.status, days: s.days })),
    // A segment without a number falls back to the status: no row.
    ...input.bySegment
      .filter((s) => s.days !== null)
      .map((s) => ({ dimension: "segment" as const, value: s.segment, days: s.days })),
  ];
  if (rows.length)
    await tx.insert(contactTargetDefaults).values(rows.map((r) => ({ ...r, workspaceId, updatedBy })));
}

export async function setCompanyTarget(
  tx: Db,
  workspaceId: string,
  companyId: string,
  days: number | null,
  updatedBy: string | null,
): Promise<void> {
  const where = and(
    eq(companyContactTargets.workspaceId, workspaceId),
    eq(companyContactTargets.companyId, companyId),
  );
  if (days === null) {
    await tx.delete(companyContactTargets).where(where);
    return;
  }
  await tx
    .insert(companyContactTargets)
    .values({ workspaceId, companyId, days, updatedBy })
    .onConflictDoUpdate({
      target: [companyContactTargets.workspaceId, companyContactTargets.companyId],
      set: { days, updatedBy, updatedAt: new Date().toISOString() },
    });
}

/**
 * Records the overdue episodes not announced yet (one per company and the day it became
 * overdue) and returns them: the daily alert tells each owner about these once.
 */
export async function claimNewAlerts(tx: Db, workspaceId: string) {
  const res = await tx.execute<{ companyId: string; ownerId: string; name: string }>(sql`
    with t as (
      select c.id, c.name, c.owner_id, ${baseOnExpr} as base_on, ${targetExpr} as target
      from companies c ${targetJoins}
      where c.workspace_id = ${workspaceId} and c.deleted_at is null
    ), ins as (
      insert into attention_alerts (workspace_id, company_id, overdue_since, owner_id)
      select ${workspaceId}, t.id, t.base_on + t.target, t.owner_id
      from t where t.target is not null and ${todayExpr} - t.base_on > t.target
      on conflict do nothing
      returning company_id, owner_id
    )
    select ins.company_id as "companyId", ins.owner_id as "ownerId", t.name
    from ins join t on t.id = ins.company_id`);
  return res.rows;
}
