import { uuidv7 } from "../../../core/uuid";
import type { VatRate } from "../../../core/vat";
import {
  clientTerms,
  discountRuleSets,
  discountRules,
  organisations,
  priceListItems,
  priceLists,
  products,
  segmentPriceLists,
  termsTemplates,
  userLimits,
} from "../../db/schema/index";
import type { Harness, Session } from "../../test/harness";

/**
 * Catalogue rows for proposal tests, written straight to the tables (their own screens and API
 * belong to the catalogue module). Sberbank's requisites are public and valid.
 */
export function catalogue(h: Harness) {
  const db = h.ctx.db;
  const workspaceId = h.ctx.workspaceId;
  return {
    async organisation(extra: Partial<typeof organisations.$inferInsert> = {}) {
      const id = uuidv7();
      await db.insert(organisations).values({
        id,
        workspaceId,
        name: "ООО «Аккорд Трейд»",
        fullName: "Общество с ограниченной ответственностью «Аккорд Трейд»",
        inn: "7707083893",
        kpp: "773601001",
        ogrn: "1027700132195",
        address: "г. Москва, ул. Вавилова, 19",
        bankName: "ПАО Сбербанк",
        bik: "044525225",
        account: "40702810938000000001",
        corrAccount: "30101810400000000225",
        director: "Петров П. П.",
        directorTitle: "Генеральный директор",
        isDefault: true,
        ...extra,
      });
      return id;
    },
    async product(
      sku: string,
      name: string,
      basePrice: string,
      extra: { vatRate?: VatRate; groupId?: string; unitCode?: string } = {},
    ) {
      const id = uuidv7();
      await db.insert(products).values({ id, workspaceId, sku, name, basePrice, ...extra });
      return id;
    },
    async priceList(
      name: string,
      prices: Record<string, string>,
      extra: Partial<typeof priceLists.$inferInsert> = {},
    ) {
      const id = uuidv7();
      await db.insert(priceLists).values({ id, workspaceId, name, ...extra });
      for (const [productId, price] of Object.entries(prices))
        await db
          .insert(priceListItems)
          .values({ id: uuidv7(), workspaceId, priceListId: id, productId, price });
      return id;
    },
    async segmentList(segment: string, priceListId: string) {
      await db.insert(segmentPriceLists).values({ workspaceId, segment, priceListId });
    },
    async clientTerms(companyId: string, extra: Partial<typeof clientTerms.$inferInsert>) {
      await db.insert(clientTerms).values({ companyId, workspaceId, ...extra });
    },
    async template(kind: "payment" | "delivery", name: string, text: string) {
      const id = uuidv7();
      await db.insert(termsTemplates).values({ id, workspaceId, kind, name, text });
      return id;
    },
    async ruleSet(name: string, combine: "best" | "sum", maxPercent: string | null = null) {
      const id = uuidv7();
      await db.insert(discountRuleSets).values({ id, workspaceId, name, combine, maxPercent });
      return id;
    },
    async rule(
      ruleSetId: string,
      r: Omit<Partial<typeof discountRules.$inferInsert>, "id"> & {
        name: string;
        kind: (typeof discountRules.$inferInsert)["kind"];
        percent: string;
      },
    ) {
      const id = uuidv7();
      await db.insert(discountRules).values({ id, workspaceId, ruleSetId, ...r });
      return id;
    },
    async limits(userId: string, maxDiscountPercent: string | null, maxProposalAmount: string | null) {
      await db.insert(userLimits).values({ userId, workspaceId, maxDiscountPercent, maxProposalAmount });
    },
  };
}

/** The seller and a product of a harness, made once (the permission matrix makes many rows). */
const setups = new WeakMap<Harness, Promise<{ productId: string }>>();
function proposalSetup(h: Harness) {
  let s = setups.get(h);
  if (!s) {
    const cat = catalogue(h);
    s = cat
      .organisation()
      .then(async () => ({ productId: await cat.product("MTX-1", "Товар матрицы", "100.00") }));
    setups.set(h, s);
  }
  return s;
}

async function ok<T>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  want: number,
): Promise<T> {
  const r = await res;
  if (r.statusCode !== want) throw new Error(`fixture: expected ${want}, got ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

/**
 * A fresh row of `as` for one write attempt: a client ready for a proposal, a draft proposal
 * with a line, a sent one, or a pending approval (a discount beyond a manager's limit).
 */
export async function freshProposalRow(
  h: Harness,
  as: Session,
  kind: "proposalClient" | "proposal" | "sentProposal" | "approval",
  n: number,
): Promise<{ ids: string[]; owner: string; texts: string[] }> {
  const { productId } = await proposalSetup(h);
  const name = `Клиент КП ${n}`;
  const company = await ok<{ id: string }>(h.post("/api/v1/companies", { name }, as), 201);
  const owner = as.user.id;
  if (kind === "proposalClient") return { ids: [company.id], owner, texts: [name] };
  const discount = kind === "approval" ? "50" : "0";
  const p = await ok<{ id: string }>(
    h.post(
      "/api/v1/proposals",
      { companyId: company.id, lines: [{ productId, quantity: "1", manualDiscountPercent: discount }] },
      as,
    ),
    201,
  );
  if (kind === "sentProposal") await ok(h.post(`/api/v1/proposals/${p.id}/mark-sent`, {}, as), 200);
  if (kind === "approval") {
    const sub = await ok<{ approval: { id: string } }>(
      h.post(`/api/v1/proposals/${p.id}/submit`, {}, as),
      200,
    );
    return { ids: [sub.approval.id], owner, texts: [name] };
  }
  return { ids: [p.id], owner, texts: [name] };
}
