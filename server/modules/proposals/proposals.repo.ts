import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import {
  approvals,
  companies,
  contacts,
  organisations,
  proposalLines,
  proposals,
  users,
} from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { afterCursor, encodeCursor, orderBy, page, parseSort } from "../../platform/pagination";

export type ProposalRow = typeof proposals.$inferSelect;
export type ProposalInsert = typeof proposals.$inferInsert;
export type LineRow = typeof proposalLines.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;

export async function findProposal(
  db: Db,
  workspaceId: string,
  id: string,
  lock = false,
): Promise<ProposalRow | undefined> {
  const q = db
    .select()
    .from(proposals)
    .where(and(eq(proposals.workspaceId, workspaceId), eq(proposals.id, id), isNull(proposals.deletedAt)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function linesOf(db: Db, proposalIds: readonly string[]): Promise<LineRow[]> {
  if (!proposalIds.length) return [];
  return db
    .select()
    .from(proposalLines)
    .where(inArray(proposalLines.proposalId, [...proposalIds]))
    .orderBy(asc(proposalLines.proposalId), asc(proposalLines.position));
}

export async function insertProposal(db: Db, values: ProposalInsert): Promise<ProposalRow> {
  const [row] = await db.insert(proposals).values(values).returning();
  return row!;
}

export async function updateProposal(
  db: Db,
  id: string,
  set: Partial<Omit<ProposalInsert, "id" | "workspaceId">>,
): Promise<ProposalRow> {
  const [row] = await db
    .update(proposals)
    .set({ ...set, version: sql`${proposals.version} + 1`, updatedAt: sql`now()` })
    .where(eq(proposals.id, id))
    .returning();
  return row!;
}

export async function replaceLines(
  db: Db,
  workspaceId: string,
  proposalId: string,
  lines: Omit<typeof proposalLines.$inferInsert, "workspaceId" | "proposalId">[],
): Promise<void> {
  await db.delete(proposalLines).where(eq(proposalLines.proposalId, proposalId));
  if (lines.length)
    await db.insert(proposalLines).values(lines.map((l) => ({ ...l, workspaceId, proposalId })));
}

export async function revisionsOf(db: Db, workspaceId: string, groupId: string): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.workspaceId, workspaceId),
        eq(proposals.groupId, groupId),
        isNull(proposals.deletedAt),
      ),
    )
    .orderBy(desc(proposals.revision));
}

/** Only the creation order: it is what proposals_owner_idx covers. */
export const ProposalSortKeys = ["createdAt"] as const;

/** One page of current revisions matching `where`; company names come in the same query. */
export async function listProposals(
  db: Db,
  where: SQL | undefined,
  paging: { limit: number; cursor?: string; sort?: string },
) {
  const sort = parseSort(paging.sort, ProposalSortKeys, "-createdAt");
  const key = sort.key as (typeof ProposalSortKeys)[number];
  const expr = proposals[key];
  const rows = await db
    .select({ p: proposals, companyName: companies.name })
    .from(proposals)
    .leftJoin(companies, eq(companies.id, proposals.companyId))
    .where(
      and(
        where,
        eq(proposals.isCurrent, true),
        isNull(proposals.deletedAt),
        afterCursor(expr, proposals.id, sort.desc, paging.cursor),
      ),
    )
    .orderBy(...orderBy(expr, proposals.id, sort.desc))
    .limit(paging.limit + 1);
  return page(rows, paging.limit, (r) => encodeCursor(r.p[key], r.p.id));
}

export type CompanyForProposal = typeof companies.$inferSelect;

export async function findCompanyRow(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
    .limit(1);
  return row;
}

export async function findContactRow(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: contacts.id,
      companyId: contacts.companyId,
      lastName: contacts.lastName,
      firstName: contacts.firstName,
      middleName: contacts.middleName,
      deletedAt: contacts.deletedAt,
    })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
    .limit(1);
  return row;
}

/** The organisation asked for, or the default one (else the oldest live one). */
export async function organisationFor(db: Db, workspaceId: string, id?: string | null) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.workspaceId, workspaceId),
        isNull(organisations.deletedAt),
        id ? eq(organisations.id, id) : undefined,
      ),
    )
    .orderBy(desc(organisations.isDefault), asc(organisations.createdAt))
    .limit(1);
  return row;
}

export async function userNames(
  db: Db,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r.fullName]));
}

/** The latest approval request of each proposal revision. */
export async function latestApprovals(db: Db, proposalIds: readonly string[]) {
  if (!proposalIds.length) return new Map<string, typeof approvals.$inferSelect>();
  const rows = await db
    .select()
    .from(approvals)
    .where(and(eq(approvals.entity, "proposal"), inArray(approvals.entityId, [...proposalIds])))
    .orderBy(asc(approvals.createdAt));
  return new Map(rows.map((r) => [r.entityId, r]));
}

/** Sent current revisions whose validity ended before `today` (the expiry job). */
export async function expiredSent(db: Db, today: string, limit: number): Promise<ProposalRow[]> {
  return db
    .select()
    .from(proposals)
    .where(
      and(
        eq(proposals.status, "sent"),
        eq(proposals.isCurrent, true),
        isNull(proposals.deletedAt),
        sql`${proposals.validUntil} < ${today}`,
      ),
    )
    .orderBy(asc(proposals.validUntil), asc(proposals.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

/** Every revision of proposals of these companies (deleted ones included). */
export async function proposalsOfCompanies(db: Db, workspaceId: string, companyIds: readonly string[]) {
  if (!companyIds.length) return [];
  return db
    .select({
      id: proposals.id,
      companyId: proposals.companyId,
      ownerId: proposals.ownerId,
      deletedAt: proposals.deletedAt,
    })
    .from(proposals)
    .where(and(eq(proposals.workspaceId, workspaceId), inArray(proposals.companyId, [...companyIds])));
}

export async function moveProposals(
  db: Db,
  workspaceId: string,
  fromIds: readonly string[],
  companyId: string,
) {
  if (!fromIds.length) return [];
  return db
    .update(proposals)
    .set({ companyId, updatedAt: sql`now()` })
    .where(and(eq(proposals.workspaceId, workspaceId), inArray(proposals.companyId, [...fromIds])))
    .returning({ id: proposals.id, companyId: proposals.companyId });
}

export async function setProposalsOwner(
  db: Db,
  workspaceId: string,
  companyIds: readonly string[],
  ownerId: string,
) {
  if (!companyIds.length) return;
  await db
    .update(proposals)
    .set({ ownerId, updatedAt: sql`now()` })
    .where(and(eq(proposals.workspaceId, workspaceId), inArray(proposals.companyId, [...companyIds])));
}

/** Soft-deletes (deletedAt = stamp) or restores (stamp → null) the proposals of a company. */
export async function stampProposalsOf(
  db: Db,
  workspaceId: string,
  companyId: string,
  from: string | null,
  to: string | null,
) {
  return db
    .update(proposals)
    .set({ deletedAt: to, updatedAt: sql`now()` })
    .where(
      and(
        eq(proposals.workspaceId, workspaceId),
        eq(proposals.companyId, companyId),
        from === null ? isNull(proposals.deletedAt) : eq(proposals.deletedAt, from),
      ),
    )
    .returning({ id: proposals.id });
}
