import type { SalesDocument } from "../../../contracts/documents";
import { formatMoneyRu, parseMoney } from "../../../core/money";

/** Formatting shared by the PDF and DOCX renderers: they lay out, these helpers only print. */

const MONTHS = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];

/** "2026-11-27" → «27 ноября 2026 г.», the form document titles use. */
export function longDateRu(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y} г.`;
}

/** "2026-11-27" → «27.11.2026». */
export function shortDateRu(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}.${m}.${y}`;
}

/** "1234.5" → «1 234,50» (no-break space between groups). */
export const moneyRu = (value: string): string => formatMoneyRu(parseMoney(value));

/** Quantities print without trailing zeros and with a decimal comma: "2.500" → «2,5». */
export function quantityRu(value: string): string {
  const [whole, fraction = ""] = value.split(".");
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${whole},${trimmed}` : (whole ?? "0");
}

export const percentRu = (value: string): string => `${quantityRu(value)}%`;

/** The title: «Коммерческое предложение № КП-2026-000123 от 27 ноября 2026 г.» or the invoice's. */
export function titleOf(doc: SalesDocument): string {
  const what = doc.kind === "invoice" ? "Счёт на оплату" : "Коммерческое предложение";
  const revision =
    doc.kind === "proposal" && doc.revision && doc.revision > 1 ? ` (ред. ${doc.revision})` : "";
  return `${what} № ${doc.number}${revision} от ${longDateRu(doc.issueDate)}`;
}

/** A line's «Сумма»: on the basis of its price — gross for a VAT-inclusive list, net otherwise. */
export const lineSum = (doc: SalesDocument, line: SalesDocument["lines"][number]): string =>
  doc.vatIncluded ? line.gross : line.net;

/**
 * The VAT rows of the footer: «В том числе НДС (22%)» when prices include VAT, «НДС (22%)» when
 * it is added on top, one row per rate for mixed rates, and «Без НДС» for a seller not paying VAT
 * (УСН) or lines without VAT.
 */
export function vatRows(doc: SalesDocument): { label: string; amount: string | null }[] {
  const prefix = doc.vatIncluded ? "В том числе НДС" : "НДС";
  const taxed = doc.totals.vatByRate.filter((r) => r.rate !== "none");
  if (!doc.seller.vatPayer || taxed.length === 0) return [{ label: "Без НДС", amount: null }];
  return taxed.map((r) => ({ label: `${prefix} (${r.rate}%)`, amount: moneyRu(r.vat) }));
}

/** The footer rows in print order, with the label of each. */
export function totalRows(doc: SalesDocument): { label: string; amount: string | null }[] {
  return [
    { label: "Итого", amount: moneyRu(doc.vatIncluded ? doc.totals.gross : doc.totals.net) },
    ...vatRows(doc),
    { label: "Всего к оплате", amount: moneyRu(doc.totals.gross) },
  ];
}

/** «Всего наименований 3, на сумму 52 151,00 руб.» */
export const countLine = (doc: SalesDocument): string =>
  `Всего наименований ${doc.lines.length}, на сумму ${moneyRu(doc.totals.gross)} руб.`;

/** A party in one line: name, INN/KPP, address, phone. */
export function partyLine(p: SalesDocument["buyer"]): string {
  return [
    p.fullName || p.name,
    p.inn ? `ИНН ${p.inn}` : null,
    p.kpp ? `КПП ${p.kpp}` : null,
    p.address,
    p.phone ? `тел. ${p.phone}` : null,
  ]
    .filter((s): s is string => Boolean(s))
    .join(", ");
}

export const NOT_OFFER_NOTE =
  "Настоящее коммерческое предложение носит информационный характер и не является офертой " +
  "(п. 2 ст. 437 ГК РФ).";
