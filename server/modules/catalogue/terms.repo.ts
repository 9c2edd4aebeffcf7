import { and, eq, gt, isNull, type SQL, sql } from "drizzle-orm";
import { clientTerms, termsTemplates } from "../../db/schema/index";
import type { Db } from "../../platform/db/client";
import { page } from "../../platform/pagination";

export type TemplateRow = typeof termsTemplates.$inferSelect;
export type ClientTermsRow = typeof clientTerms.$inferSelect;

export async function findTemplate(db: Db, workspaceId: string, id: string, lock = false) {
  const q = db
    .select()
    .from(termsTemplates)
    .where(
      and(
        eq(termsTemplates.workspaceId, workspaceId),
        eq(termsTemplates.id, id),
        isNull(termsTemplates.deletedAt),
      ),
    )
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function listTemplates(
  db: Db,
  workspaceId: string,
  query: { limit: number; cursor?: string; kind?: "payment" | "delivery" },
) {
  const parts: (SQL | undefined)[] = [
    eq(termsTemplates.workspaceId, workspaceId),
    isNull(termsTemplates.deletedAt),
  ];
  if (query.kind) parts.push(eq(termsTemplates.kind, query.kind));
  if (query.cursor) parts.push(gt(termsTemplates.id, query.cursor));
  const rows = await db
    .select()
    .from(termsTemplates)
    .where(and(...parts))
    .orderBy(termsTemplates.id)
    .limit(query.limit + 1);
  return page(rows, query.limit, (r) => r.id);
}

export async function insertTemplate(db: Db, values: typeof termsTemplates.$inferInsert) {
  const [row] = await db.insert(termsTemplates).values(values).returning();
  return row!;
}

export async function updateTemplate(db: Db, id: string, set: Record<string, unknown>) {
  const [row] = await db
    .update(termsTemplates)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${termsTemplates.version} + 1` })
    .where(eq(termsTemplates.id, id))
    .returning();
  return row!;
}

export async function findClientTerms(db: Db, workspaceId: string, companyId: string, lock = false) {
  const q = db
    .select()
    .from(clientTerms)
    .where(and(eq(clientTerms.workspaceId, workspaceId), eq(clientTerms.companyId, companyId)))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row;
}

export async function saveClientTerms(db: Db, values: typeof clientTerms.$inferInsert) {
  const [row] = await db
    .insert(clientTerms)
    .values({ ...values, version: 1 })
    .onConflictDoUpdate({
      target: clientTerms.companyId,
      set: {
        priceListId: values.priceListId,
        paymentTermsId: values.paymentTermsId,
        deliveryTermsId: values.deliveryTermsId,
        paymentText: values.paymentText,
        deliveryText: values.deliveryText,
        creditLimit: values.creditLimit,
        version: sql`${clientTerms.version} + 1`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return row!;
}
