/**
 * Totals of a commercial proposal as the document prints them: per line net, VAT (rounded
 * half-up per line, core/vat.ts) and gross; the footer «Итого», «В том числе НДС (22%)» or «НДС»,
 * or «Без НДС», «Всего к оплате», «Всего наименований N, на сумму X руб.» and the amount in words.
 * Everything is integer kopecks.
 */

import { amountInWords } from "./amount-in-words";
import { formatMoneyRu } from "./money";
import { documentTotals, type LineInput, type VatRate, vatPercent } from "./vat";

export interface ProposalLineInput {
  /** Decimal string, up to 3 fraction digits. */
  quantity: string;
  /** List price per unit in kopecks (gross when VAT is included, net otherwise). */
  listPriceKopecks: number;
  /** Total discount of the line, decimal string 0..100. */
  discountPercent: string;
  vatRate: VatRate;
}

export interface ProposalLineTotals {
  net: number;
  vat: number;
  gross: number;
  discount: number;
}

export interface FooterLine {
  label: string;
  /** Null for «Без НДС» (printed as a dash). */
  amount: number | null;
}

export interface ProposalTotals {
  lines: ProposalLineTotals[];
  count: number;
  net: number;
  vat: number;
  gross: number;
  discount: number;
  /** One rate for every line → that rate; mixed rates → null. */
  vatRate: VatRate | null;
  vatByRate: { rate: VatRate; net: number; vat: number; gross: number }[];
  footer: FooterLine[];
  /** «Всего наименований 3, на сумму 12 200,00 руб.» */
  summary: string;
  amountInWords: string;
}

function vatLabel(rate: VatRate, vatIncluded: boolean): string {
  if (rate === "none") return "Без НДС";
  return vatIncluded ? `В том числе НДС (${vatPercent(rate)}%)` : `НДС (${vatPercent(rate)}%)`;
}

/**
 * Computes a proposal. With VAT-inclusive prices «Итого» is the gross amount and VAT is «в том
 * числе»; with VAT-exclusive prices «Итого» is the net amount and VAT is added on top.
 * `vatPayer: false` (a seller on УСН without VAT) prints «Без НДС» whatever the lines say.
 */
export function proposalTotals(
  lines: readonly ProposalLineInput[],
  opts: { vatIncluded: boolean },
): ProposalTotals {
  const inputs: LineInput[] = lines.map((l) => ({
    quantity: l.quantity,
    priceKopecks: l.listPriceKopecks,
    discountPercent: l.discountPercent,
    rate: l.vatRate,
    priceIncludesVat: opts.vatIncluded,
  }));
  const t = documentTotals(inputs);
  const rates = t.byRate.map((r) => r.rate);
  const vatRate = rates.length === 1 ? (rates[0] as VatRate) : null;
  const footer: FooterLine[] = [{ label: "Итого", amount: opts.vatIncluded ? t.gross : t.net }];
  const charged = t.byRate.filter((r) => r.rate !== "none");
  if (!charged.length) footer.push({ label: "Без НДС", amount: null });
  for (const r of charged) footer.push({ label: vatLabel(r.rate, opts.vatIncluded), amount: r.vat });
  footer.push({ label: "Всего к оплате", amount: t.gross });
  return {
    lines: t.lines,
    count: t.count,
    net: t.net,
    vat: t.vat,
    gross: t.gross,
    discount: t.discount,
    vatRate,
    vatByRate: t.byRate,
    footer,
    summary: `Всего наименований ${t.count}, на сумму ${formatMoneyRu(t.gross)} руб.`,
    amountInWords: amountInWords(t.gross),
  };
}
