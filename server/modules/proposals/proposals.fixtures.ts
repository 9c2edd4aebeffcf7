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
import type { Harness } from "../../test/harness";

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
