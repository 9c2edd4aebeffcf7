import type { ProductOption } from "../../../contracts/proposals";
import { formatMoney, parseMoney } from "../../../core/money";
import { moscowToday } from "../../../core/moscow-time";
import { okeiShort } from "../../../core/okei";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow } from "../../platform/policy";
import { priceListOf } from "./pricing";
import { listPrices, searchProducts } from "./pricing.repo";
import { defaultSignatory, defaultTerms } from "./proposals.defaults";
import { findCompanyRow, organisationFor } from "./proposals.repo";

async function visibleClient(db: Db, actor: Actor, companyId: string) {
  const company = await findCompanyRow(db, actor.workspaceId, companyId);
  if (!company) throw AppError.notFound();
  authorizeRow(actor, "companies", "read", company.ownerId);
  return company;
}

/**
 * The editor's product picker: products whose name or SKU contains `q`, priced for the client
 * when one is given (its price list, else base prices).
 */
export async function productOptions(
  db: Db,
  actor: Actor,
  query: { q?: string; companyId?: string; limit: number },
): Promise<ProductOption[]> {
  authorize(actor, "proposals", "read");
  const company = query.companyId ? await visibleClient(db, actor, query.companyId) : null;
  const found = await searchProducts(db, actor.workspaceId, query.q ?? "", query.limit);
  const list = company ? await priceListOf(db, actor.workspaceId, company, moscowToday()) : null;
  const prices = list
    ? await listPrices(
        db,
        list.id,
        found.map((p) => p.id),
      )
    : new Map<string, string>();
  return found.map((p) => ({
    id: p.id,
    sku: p.sku,
    name: p.name,
    unitCode: p.unitCode,
    unitName: okeiShort(p.unitCode),
    vatRate: p.vatRate,
    price: formatMoney(parseMoney(prices.get(p.id) ?? p.basePrice)),
    vatIncluded: list?.vatIncluded ?? true,
  }));
}

/** What a new proposal for this client starts with: seller, terms and signatory. */
export async function proposalDefaults(db: Db, actor: Actor, companyId: string) {
  authorize(actor, "proposals", "read");
  const company = await visibleClient(db, actor, companyId);
  const org = await organisationFor(db, actor.workspaceId, null);
  const terms = await defaultTerms(db, actor.workspaceId, company.id);
  return { organisationId: org?.id ?? null, ...terms, signatory: org ? defaultSignatory(org) : null };
}
