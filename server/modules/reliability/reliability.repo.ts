import { and, asc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import {
  activities,
  companies,
  companyReliability,
  financialStatements,
  invoices,
  paymentHistory,
  registryRecords,
  users,
} from "../../db/schema/index";
import type { Db } from "../../platform/db/client";

export type RegistryRow = typeof registryRecords.$inferSelect;
export type StatementRow = typeof financialStatements.$inferSelect;
export type ReliabilityRow = typeof companyReliability.$inferSelect;
export type HistoryRow = typeof paymentHistory.$inferSelect;

/** The company fields this module needs, deleted ones included (the caller decides). */
export async function companyBrief(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select({
      id: companies.id,
      name: companies.name,
      inn: companies.inn,
      kpp: companies.kpp,
      ownerId: companies.ownerId,
      deletedAt: companies.deletedAt,
    })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, id)))
    .limit(1);
  return row;
}

export async function registryRecordOf(db: Db, workspaceId: string, companyId: string, lock = false) {
  const q = db
    .select()
    .from(registryRecords)
    .where(and(eq(registryRecords.workspaceId, workspaceId), eq(registryRecords.companyId, companyId)));
  const [row] = lock ? await q.for("update") : await q.limit(1);
  return row;
}

export type RegistryValues = Partial<Omit<RegistryRow, "id" | "workspaceId" | "companyId" | "createdAt">>;

export async function upsertRegistryRecord(
  db: Db,
  key: { id: string; workspaceId: string; companyId: string },
  values: RegistryValues,
): Promise<RegistryRow> {
  const [row] = await db
    .insert(registryRecords)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [registryRecords.workspaceId, registryRecords.companyId],
      set: { ...values, updatedAt: sql`now()`, version: sql`${registryRecords.version} + 1` },
    })
    .returning();
  return row!;
}

/**
 * Companies with an INN whose last successful check is older than `before` (or never), and whose
 * last attempt is older than `retryBefore`; never-checked first, then the oldest.
 */
export async function companiesDueForCheck(
  db: Db,
  workspaceId: string,
  before: string,
  retryBefore: string,
  limit: number,
) {
  return db
    .select({ id: companies.id })
    .from(companies)
    .leftJoin(
      registryRecords,
      and(
        eq(registryRecords.workspaceId, companies.workspaceId),
        eq(registryRecords.companyId, companies.id),
      ),
    )
    .where(
      and(
        eq(companies.workspaceId, workspaceId),
        isNull(companies.deletedAt),
        sql`${companies.inn} is not null`,
        or(isNull(registryRecords.succeededAt), lt(registryRecords.succeededAt, before)),
        or(isNull(registryRecords.checkedAt), lt(registryRecords.checkedAt, retryBefore)),
      ),
    )
    .orderBy(sql`${registryRecords.succeededAt} asc nulls first`, asc(companies.id))
    .limit(limit);
}

export async function statementsOf(db: Db, workspaceId: string, companyId: string): Promise<StatementRow[]> {
  return db
    .select()
    .from(financialStatements)
    .where(
      and(
        eq(financialStatements.workspaceId, workspaceId),
        eq(financialStatements.companyId, companyId),
        isNull(financialStatements.deletedAt),
      ),
    )
    .orderBy(asc(financialStatements.year));
}

export async function statementOf(db: Db, workspaceId: string, companyId: string, year: number) {
  const [row] = await db
    .select()
    .from(financialStatements)
    .where(
      and(
        eq(financialStatements.workspaceId, workspaceId),
        eq(financialStatements.companyId, companyId),
        eq(financialStatements.year, year),
      ),
    )
    .for("update");
  return row;
}

export async function upsertStatement(
  db: Db,
  row: {
    id: string;
    workspaceId: string;
    companyId: string;
    year: number;
    lines: Record<string, string>;
    createdBy: string | null;
  },
): Promise<StatementRow> {
  const [out] = await db
    .insert(financialStatements)
    .values(row)
    .onConflictDoUpdate({
      target: [financialStatements.workspaceId, financialStatements.companyId, financialStatements.year],
      set: {
        lines: row.lines,
        deletedAt: null,
        updatedAt: sql`now()`,
        version: sql`${financialStatements.version} + 1`,
      },
    })
    .returning();
  return out!;
}

export async function softDeleteStatement(db: Db, id: string) {
  await db
    .update(financialStatements)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()`, version: sql`${financialStatements.version} + 1` })
    .where(eq(financialStatements.id, id));
}

/** Invoices of one company for payment discipline (cancelled ones included, the rule skips them). */
export async function invoiceFactsOf(db: Db, workspaceId: string, companyId: string) {
  return db
    .select({
      issueDate: invoices.issueDate,
      dueDate: invoices.dueDate,
      gross: invoices.gross,
      paid: invoices.paid,
      paidAt: invoices.paidAt,
      status: invoices.status,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.workspaceId, workspaceId),
        eq(invoices.companyId, companyId),
        isNull(invoices.deletedAt),
      ),
    );
}

export async function historyOf(db: Db, workspaceId: string, companyId: string): Promise<HistoryRow[]> {
  return db
    .select()
    .from(paymentHistory)
    .where(
      and(
        eq(paymentHistory.workspaceId, workspaceId),
        eq(paymentHistory.companyId, companyId),
        isNull(paymentHistory.deletedAt),
      ),
    )
    .orderBy(asc(paymentHistory.dueDate), asc(paymentHistory.id));
}

export async function replaceHistory(
  db: Db,
  workspaceId: string,
  companyId: string,
  rows: (typeof paymentHistory.$inferInsert)[],
) {
  await db
    .update(paymentHistory)
    .set({ deletedAt: sql`now()` })
    .where(
      and(
        eq(paymentHistory.workspaceId, workspaceId),
        eq(paymentHistory.companyId, companyId),
        isNull(paymentHistory.deletedAt),
      ),
    );
  if (rows.length) await db.insert(paymentHistory).values(rows);
}

export async function reliabilityOf(db: Db, workspaceId: string, companyId: string, lock = false) {
  const q = db
    .select()
    .from(companyReliability)
    .where(and(eq(companyReliability.workspaceId, workspaceId), eq(companyReliability.companyId, companyId)));
  const [row] = lock ? await q.for("update") : await q.limit(1);
  return row;
}

export async function upsertReliability(
  db: Db,
  key: { id: string; workspaceId: string; companyId: string },
  values: Partial<Omit<ReliabilityRow, "id" | "workspaceId" | "companyId" | "createdAt">>,
): Promise<ReliabilityRow> {
  const [row] = await db
    .insert(companyReliability)
    .values({ ...key, ...values })
    .onConflictDoUpdate({
      target: [companyReliability.workspaceId, companyReliability.companyId],
      set: { ...values, updatedAt: sql`now()`, version: sql`${companyReliability.version} + 1` },
    })
    .returning();
  return row!;
}

/** Stored grades (the override wins) for a page of companies, in one query. */
/** A company's grade as shown: the head's override, else the computed one. */
export const shownGrade = sql<
  "A" | "B" | "C" | "D" | null
>`coalesce(${companyReliability.overrideGrade}, ${companyReliability.grade})`;

export async function storedGrades(db: Db, workspaceId: string, companyIds: readonly string[]) {
  if (!companyIds.length) return [];
  return db
    .select({ companyId: companyReliability.companyId, grade: shownGrade })
    .from(companyReliability)
    .where(
      and(
        eq(companyReliability.workspaceId, workspaceId),
        inArray(companyReliability.companyId, [...companyIds]),
      ),
    );
}

export async function headOf(db: Db, workspaceId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ headId: users.headId })
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.id, userId)))
    .limit(1);
  return row?.headId ?? null;
}

export async function insertTimelineNote(db: Db, row: typeof activities.$inferInsert) {
  const [out] = await db.insert(activities).values(row).returning();
  return out!;
}
