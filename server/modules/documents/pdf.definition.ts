import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { SalesDocument } from "../../../contracts/documents";
import {
  countLine,
  lineSum,
  moneyRu,
  NOT_OFFER_NOTE,
  partyLine,
  percentRu,
  quantityRu,
  shortDateRu,
  titleOf,
  totalRows,
} from "./document.format";

/**
 * The pdfmake document definition of a sales document: plain data (no functions), so it can be
 * handed to a worker thread that does the heavy layout and rendering.
 */
export function pdfDefinition(doc: SalesDocument): TDocumentDefinitions {
  const content: Content[] = [
    header(doc),
    ...(doc.kind === "invoice" ? [bankBlock(doc)] : []),
    { text: titleOf(doc), style: "title" },
    parties(doc),
    linesTable(doc),
    totals(doc),
    { text: countLine(doc), margin: [0, 6, 0, 0] },
    { text: doc.amountInWords, bold: true, margin: [0, 2, 0, 8] },
    ...terms(doc),
    signatures(doc),
  ];
  return {
    info: { title: titleOf(doc), creator: "Accord", producer: "Accord" },
    pageSize: "A4",
    pageMargins: [40, 36, 36, 40],
    defaultStyle: { font: "Roboto", fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 13, bold: true, margin: [0, 10, 0, 8] },
      th: { bold: true, alignment: "center", fillColor: "#eeeeee" },
      muted: { color: "#555555", fontSize: 8 },
    },
    ...(doc.seller.logo ? { images: { logo: doc.seller.logo } } : {}),
    content,
  } as TDocumentDefinitions;
}

function header(doc: SalesDocument): Content {
  const s = doc.seller;
  const lines = [
    { text: s.fullName || s.name, bold: true, fontSize: 10 },
    [s.inn ? `ИНН ${s.inn}` : null, s.kpp ? `КПП ${s.kpp}` : null, s.ogrn ? `ОГРН ${s.ogrn}` : null]
      .filter(Boolean)
      .join("  "),
    s.address ?? "",
    [s.phone ? `тел. ${s.phone}` : null, s.email].filter(Boolean).join(", "),
  ].filter((l) => l !== "");
  const requisites = { stack: lines, width: "*" } as Content;
  if (!s.logo) return requisites;
  return { columns: [{ image: "logo", fit: [110, 55], width: 120 }, requisites], columnGap: 12 };
}

/** The bank block of a «счёт на оплату», laid out as the usual payment order header. */
function bankBlock(doc: SalesDocument): Content {
  const s = doc.seller;
  const small = (text: string): Content => ({ text, style: "muted" });
  const spanned: TableCell = { text: "" };
  return {
    margin: [0, 10, 0, 0],
    table: {
      widths: ["*", 40, "*"],
      body: [
        [
          { stack: [s.bankName ?? "", small("Банк получателя")], rowSpan: 2 },
          { text: "БИК" },
          { text: s.bik ?? "" },
        ],
        [spanned, { text: "Сч. №" }, { text: s.corrAccount ?? "" }],
        [
          {
            columns: [{ text: `ИНН ${s.inn ?? ""}` }, { text: `КПП ${s.kpp ?? ""}` }],
          },
          { text: "Сч. №", rowSpan: 2 },
          { text: s.account ?? "", rowSpan: 2 },
        ],
        [{ stack: [s.fullName || s.name, small("Получатель")] }, spanned, spanned],
      ],
    },
  };
}

function parties(doc: SalesDocument): Content {
  const rows: [string, string][] = [
    [doc.kind === "invoice" ? "Поставщик" : "Продавец", partyLine(doc.seller)],
    [doc.kind === "invoice" ? "Покупатель" : "Кому", partyLine(doc.buyer)],
  ];
  if (doc.contactName) rows.push(["Контактное лицо", doc.contactName]);
  if (doc.basis) rows.push(["Основание", doc.basis]);
  return {
    layout: "noBorders",
    margin: [0, 0, 0, 8],
    table: {
      widths: [90, "*"],
      body: rows.map(([label, value]) => [{ text: `${label}:` }, { text: value, bold: true }]),
    },
  };
}

function linesTable(doc: SalesDocument): Content {
  const head = ["№", "Наименование", "Кол-во", "Ед.", "Цена", "Скидка", "Сумма"].map(
    (text): TableCell => ({ text, style: "th" }),
  );
  const body: TableCell[][] = [head];
  for (const line of doc.lines) {
    body.push([
      { text: String(line.position), alignment: "center" },
      { text: line.sku ? `${line.name} (${line.sku})` : line.name },
      { text: quantityRu(line.quantity), alignment: "right" },
      { text: line.unitName, alignment: "center" },
      { text: moneyRu(line.price), alignment: "right", noWrap: true },
      {
        text: /^0(\.0+)?$/.test(line.discountPercent) ? "—" : percentRu(line.discountPercent),
        alignment: "right",
      },
      { text: moneyRu(lineSum(doc, line)), alignment: "right", noWrap: true },
    ]);
  }
  return { table: { headerRows: 1, widths: [18, "*", 42, 30, 62, 38, 70], body } };
}

function totals(doc: SalesDocument): Content {
  return {
    layout: "noBorders",
    margin: [0, 4, 0, 0],
    table: {
      widths: ["*", 90],
      body: totalRows(doc).map((row) => [
        { text: row.amount === null ? row.label : `${row.label}:`, bold: true, alignment: "right" },
        { text: row.amount ?? "—", bold: true, alignment: "right", noWrap: true },
      ]),
    },
  };
}

function terms(doc: SalesDocument): Content[] {
  const out: Content[] = [];
  if (doc.kind === "proposal" && doc.validUntil)
    out.push({ text: `Предложение действительно до ${shortDateRu(doc.validUntil)}.` });
  if (doc.kind === "invoice" && doc.dueDate)
    out.push({ text: `Оплатить не позднее ${shortDateRu(doc.dueDate)}.` });
  if (doc.paymentTerms) out.push({ text: [{ text: "Условия оплаты: ", bold: true }, doc.paymentTerms] });
  if (doc.deliveryTerms) out.push({ text: [{ text: "Условия поставки: ", bold: true }, doc.deliveryTerms] });
  if (doc.notes) out.push({ text: doc.notes, margin: [0, 4, 0, 0] });
  if (doc.kind === "invoice")
    out.push({
      text: "Оплата данного счёта означает согласие с условиями поставки товара.",
      style: "muted",
      margin: [0, 4, 0, 0],
    });
  if (doc.kind === "proposal" && doc.notOffer)
    out.push({ text: NOT_OFFER_NOTE, style: "muted", margin: [0, 6, 0, 0] });
  return out;
}

function signatures(doc: SalesDocument): Content {
  const s = doc.seller;
  const line = (role: string, name: string | null): TableCell[] => [
    { text: role, bold: true },
    { text: "", border: [false, false, false, true] },
    { text: name ? `/ ${name} /` : "", alignment: "left" },
  ];
  const body: TableCell[][] = [line(s.directorTitle || "Руководитель", doc.signatory ?? s.director)];
  if (doc.kind === "invoice") body.push(line("Бухгалтер", s.accountant));
  return {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    // A named layout (registered by the renderer): the definition stays plain data.
    layout: "signature",
    table: { widths: [110, 140, "*"], body },
  };
}
