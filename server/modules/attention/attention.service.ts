import type {
  AttentionItem,
  AttentionQuery,
  CompanyContactTarget,
  ContactTargets,
} from "../../../contracts/attention";
import { groupBy } from "../../../core/group-by";
import { addDays } from "../../../core/working-days";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { decodeCursor, encodeCursor, page } from "../../platform/pagination";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { findCompany } from "../companies/companies.repo";
import { notify } from "../notifications/notifications.service";
import { type WorkingDays, workingDays } from "../production-calendar/production-calendar.service";
import {
  type AttentionRow,
  attentionRows,
  BUILT_IN_TARGETS,
  claimNewAlerts,
  companyClock,
  replaceTargetDefaults,
  setCompanyTarget,
  targetDefaults,
} from "./attention.repo";

const iso = (v: string | Date | null) =>
  v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString();

/**
 * Targets are in calendar days (people think "once a month"); how overdue a client is is shown
 * both in calendar days and in working days of the production calendar, counted from the day
 * after the target was reached up to today.
 */
function overdueWorking(wd: WorkingDays, baseOn: string, target: number, today: string): number {
  const dueOn = addDays(baseOn, target);
  return dueOn >= today ? 0 : wd.countWorkingDays(addDays(dueOn, 1), today);
}

function presentItem(r: AttentionRow, wd: WorkingDays): AttentionItem {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    segment: r.segment,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    lastContactAt: iso(r.lastContactAt),
    daysSinceContact: r.since,
    targetDays: r.target,
    overdueDays: r.overdue,
    overdueWorkingDays: overdueWorking(wd, r.baseOn, r.target, r.today),
    openDealsAmount: r.value,
  };
}

export async function needsAttention(db: Db, actor: Actor, query: AttentionQuery) {
  const reach = authorize(actor, "companies", "read");
  const visible = visibleOwnerIds(actor, reach);
  let owners = visible;
  if (query.ownerId) owners = !visible || visible.includes(query.ownerId) ? [query.ownerId] : [];
  if (owners && !owners.length) return { items: [], nextCursor: null };
  let after: [number, string, string] | null = null;
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    if (!Array.isArray(value) || typeof value[0] !== "number" || !/^\d+(\.\d+)?$/.test(String(value[1])))
      throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
    after = [value[0], String(value[1]), id];
  }
  const [rows, wd] = await Promise.all([
    attentionRows(db, actor.workspaceId, owners, after, query.limit),
    workingDays(db, actor.workspaceId),
  ]);
  const result = page(rows, query.limit, (r) => encodeCursor([r.overdue, r.value], r.id));
  return { items: result.items.map((r) => presentItem(r, wd)), nextCursor: result.nextCursor };
}

export async function getTargets(db: Db, actor: Actor): Promise<ContactTargets> {
  authorize(actor, "settings", "read");
  const rows = await targetDefaults(db, actor.workspaceId);
  const byStatus = (["client", "prospect", "former"] as const).map((status) => {
    const row = rows.find((r) => r.dimension === "status" && r.value === status);
    return { status, days: row ? row.days : (BUILT_IN_TARGETS[status] ?? null) };
  });
  const bySegment = rows
    .filter((r) => r.dimension === "segment")
    .map((r) => ({ segment: r.value, days: r.days }))
    .sort((a, b) => a.segment.localeCompare(b.segment, "ru"));
  return { byStatus, bySegment };
}

export async function putTargets(db: Db, actor: Actor, input: ContactTargets): Promise<ContactTargets> {
  authorize(actor, "settings", "update");
  const segments = input.bySegment.map((s) => s.segment.toLowerCase());
  if (new Set(segments).size !== segments.length)
    throw AppError.validation([{ path: "bySegment", message: "duplicate" }]);
  await withTx(db, async (tx) => {
    const before = await getTargets(tx, actor);
    await replaceTargetDefaults(tx, actor.workspaceId, input, isSystem(actor) ? null : actor.id);
    await recordChange(tx, actor, {
      action: "update",
      entity: "contact_targets",
      entityId: actor.workspaceId,
      before,
      after: await getTargets(tx, actor),
    });
  });
  return getTargets(db, actor);
}

export async function companyTarget(db: Db, actor: Actor, companyId: string): Promise<CompanyContactTarget> {
  authorize(actor, "companies", "read");
  const company = await findCompany(db, actor.workspaceId, companyId);
  if (!company || company.deletedAt) throw AppError.notFound();
  authorizeRow(actor, "companies", "read", company.ownerId);
  const [clock, wd] = await Promise.all([
    companyClock(db, actor.workspaceId, companyId),
    workingDays(db, actor.workspaceId),
  ]);
  const c = clock!;
  const source =
    c.override !== null
      ? "company"
      : c.segmentDays !== null
        ? "segment"
        : c.target !== null
          ? "status"
          : "none";
  const overdue = c.target === null ? 0 : Math.max(0, c.since - c.target);
  return {
    companyId,
    days: c.target,
    source,
    overrideDays: c.override,
    lastContactAt: iso(c.lastContactAt),
    daysSinceContact: c.since,
    overdueDays: overdue,
    overdueWorkingDays: c.target === null ? 0 : overdueWorking(wd, c.baseOn, c.target, c.today),
  };
}

export async function putCompanyTarget(
  db: Db,
  actor: Actor,
  companyId: string,
  days: number | null,
): Promise<CompanyContactTarget> {
  authorize(actor, "companies", "update");
  await withTx(db, async (tx) => {
    const company = await findCompany(tx, actor.workspaceId, companyId);
    if (!company || company.deletedAt) throw AppError.notFound();
    authorizeRow(actor, "companies", "update", company.ownerId);
    const before = await companyClock(tx, actor.workspaceId, companyId);
    await setCompanyTarget(tx, actor.workspaceId, companyId, days, isSystem(actor) ? null : actor.id);
    await recordChange(tx, actor, {
      action: "update",
      entity: "company",
      entityId: companyId,
      changes: { contactTargetDays: { from: before?.override ?? null, to: days } },
    });
  });
  return companyTarget(db, actor, companyId);
}

/**
 * The daily alert: each owner hears once about their clients that newly passed the target
 * (one notification per owner per run, listing how many).
 */
export async function alertNewlyOverdue(db: Db, workspaceId: string): Promise<number> {
  return withTx(db, async (tx) => {
    const fresh = await claimNewAlerts(tx, workspaceId);
    const byOwner = groupBy(fresh, (a) => a.ownerId);
    for (const [ownerId, list] of byOwner) {
      const first = list[0]!;
      // JOIN POINT: notifications.service `notify` replaces this local function.
      await notify(tx, {
        workspaceId,
        userIds: [ownerId],
        kind: "attention",
        title:
          list.length === 1
            ? `Клиент «${first.name}» давно без контакта`
            : `${list.length} клиентов давно без контакта`,
        body: list
          .slice(0, 10)
          .map((c) => c.name)
          .join(", "),
        link: list.length === 1 ? `/clients/${first.companyId}` : "/attention",
        dedupeKey: `attention:${ownerId}:${list
          .map((c) => c.companyId)
          .sort()
          .join(",")
          .slice(0, 200)}`,
      });
    }
    return fresh.length;
  });
}
