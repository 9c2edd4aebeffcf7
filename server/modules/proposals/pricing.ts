import type { ProposalLineInput } from "../../../contracts/proposals";
import { formatScaledDecimal, parseScaledDecimal } from "../../../core/decimal";
import { combinedDiscount, ruleDiscount } from "../../../core/discounts";
import { formatMoney, mulDiv, parseMoney } from "../../../core/money";
import { type ProposalTotals, proposalTotals } from "../../../core/proposal-totals";
import type { VatRate } from "../../../core/vat";
import type { Db } from "../../platform/db/client";
import { AppError, type FieldError } from "../../platform/errors";
import {
  activeDiscountRules,
  candidatePriceLists,
  clientTermsOf,
  listPrices,
  type PriceListRow,
  type ProductRow,
  productsByIds,
} from "./pricing.repo";

/** A priced proposal line as stored in proposal_lines (amounts as decimal strings). */
export type PricedLine = {
  position: number;
  productId: string;
  sku: string;
  name: string;
  unitCode: string;
  quantity: string;
  listPrice: string;
  ruleDiscountPercent: string;
  manualDiscountPercent: string;
  discountPercent: string;
  discountSources: { ruleId: string; name: string; percent: string }[];
  /** Unit price after the discount, for reading; the amounts are computed on the whole line. */
  price: string;
  vatRate: VatRate;
  net: string;
  vat: string;
  gross: string;
};

export type Priced = {
  priceListId: string | null;
  vatIncluded: boolean;
  lines: PricedLine[];
  totals: ProposalTotals;
  maxDiscountPercent: string;
};

const inForce = (list: PriceListRow, date: string) =>
  (!list.validFrom || list.validFrom <= date) && (!list.validTo || date <= list.validTo);

/**
 * The client's price list on a date: its own (client_terms.price_list_id), else its segment's,
 * else the default list; a list outside its validity dates is skipped. None → base prices.
 */
export async function priceListOf(
  db: Db,
  workspaceId: string,
  client: { id: string; segment: string | null },
  date: string,
): Promise<PriceListRow | null> {
  const terms = await clientTermsOf(db, workspaceId, client.id);
  const c = await candidatePriceLists(db, workspaceId, terms?.priceListId ?? null, client.segment);
  for (const group of [c.own, c.segment, c.defaults]) {
    const found = group.find((l) => inForce(l, date));
    if (found) return found;
  }
  return null;
}

/** "2.500" → "2.5", "3.000" → "3": quantities read as people write them. */
export function plainDecimal(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

function percentMax(a: string, b: string): string {
  const pa = parseScaledDecimal(a, 2, { excess: "round" }) ?? 0n;
  const pb = parseScaledDecimal(b, 2, { excess: "round" }) ?? 0n;
  return formatScaledDecimal(pa > pb ? pa : pb, 2);
}

/**
 * Prices lines for a client on a date: the list price (or the product's base price), the rule
 * discount from the active rules (core/discounts.ts), the manual discount on top, and the totals
 * (core/proposal-totals.ts). Unknown, deleted or inactive products answer 422 naming the line.
 */
export async function priceLines(
  db: Db,
  workspaceId: string,
  client: { id: string; segment: string | null },
  date: string,
  inputs: readonly ProposalLineInput[],
): Promise<Priced> {
  const list = await priceListOf(db, workspaceId, client, date);
  const found = new Map(
    (
      await productsByIds(
        db,
        workspaceId,
        inputs.map((l) => l.productId),
      )
    ).map((p) => [p.id, p]),
  );
  const errors: FieldError[] = [];
  inputs.forEach((l, i) => {
    const p = found.get(l.productId);
    if (!p || p.deletedAt || !p.active)
      errors.push({ path: `lines.${i}.productId`, message: "product_unavailable" });
  });
  if (errors.length) throw AppError.rule("proposal_product_unavailable", {}, errors);
  const prices = list ? await listPrices(db, list.id, [...found.keys()]) : new Map<string, string>();
  const { sets, rules } = await activeDiscountRules(db, workspaceId);

  const base = inputs.map((l) => {
    const product = found.get(l.productId) as ProductRow;
    const quantity = plainDecimal(
      formatScaledDecimal(parseScaledDecimal(l.quantity.replace(",", "."), 3) ?? 0n, 3),
    );
    const listPrice = parseMoney(prices.get(product.id) ?? product.basePrice);
    const qty = Number(parseScaledDecimal(quantity, 3) ?? 0n);
    return { l, product, quantity, listPrice, amount: mulDiv(listPrice, qty, 1000) };
  });
  const proposalAmount = base.reduce((s, b) => s + b.amount, 0);
  const discounted = base.map((b) => {
    const rule = ruleDiscount(sets, rules, {
      client,
      date,
      line: {
        productId: b.product.id,
        groupId: b.product.groupId,
        quantity: b.quantity,
        amountKopecks: b.amount,
      },
      proposalAmountKopecks: proposalAmount,
    });
    const manual = formatScaledDecimal(
      parseScaledDecimal((b.l.manualDiscountPercent ?? "0").replace(",", "."), 2, { excess: "round" }) ?? 0n,
      2,
    );
    return { ...b, rule, manual, discount: combinedDiscount(rule.percent, manual) };
  });
  const vatIncluded = list?.vatIncluded ?? true;
  const totals = proposalTotals(
    discounted.map((d) => ({
      quantity: d.quantity,
      listPriceKopecks: d.listPrice,
      discountPercent: d.discount,
      vatRate: d.product.vatRate as VatRate,
    })),
    { vatIncluded },
  );
  const lines: PricedLine[] = discounted.map((d, i) => {
    const t = totals.lines[i] as ProposalTotals["lines"][number];
    const disc = parseScaledDecimal(d.discount, 2) ?? 0n;
    return {
      position: i + 1,
      productId: d.product.id,
      sku: d.product.sku,
      name: d.product.name,
      unitCode: d.product.unitCode,
      quantity: d.quantity,
      listPrice: formatMoney(d.listPrice),
      ruleDiscountPercent: d.rule.percent,
      manualDiscountPercent: d.manual,
      discountPercent: d.discount,
      discountSources: d.rule.sources,
      price: formatMoney(mulDiv(d.listPrice, Number(10_000n - disc), 10_000)),
      vatRate: d.product.vatRate as VatRate,
      net: formatMoney(t.net),
      vat: formatMoney(t.vat),
      gross: formatMoney(t.gross),
    };
  });
  return {
    priceListId: list?.id ?? null,
    vatIncluded,
    lines,
    totals,
    maxDiscountPercent: lines.reduce((m, l) => percentMax(m, l.discountPercent), "0.00"),
  };
}
