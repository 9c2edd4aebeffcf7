import PizZip from "pizzip";

/**
 * The default Word template of a proposal, written as bare OOXML parts. Placeholders follow
 * docs/templates.md; `scripts/make-docx-template.ts` writes this into templates/proposal.docx.
 */
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

type Run = { text: string; bold?: boolean; size?: number };
type Para = { runs: Run[]; align?: "left" | "center" | "right"; spaceAfter?: number };

function run(r: Run): string {
  const props = `${r.bold ? "<w:b/>" : ""}${r.size ? `<w:sz w:val="${r.size}"/>` : ""}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(r.text)}</w:t></w:r>`;
}

function para(p: Para | string): string {
  const x: Para = typeof p === "string" ? { runs: [{ text: p }] } : p;
  const pPr = `<w:pPr><w:spacing w:after="${x.spaceAfter ?? 60}"/>${x.align ? `<w:jc w:val="${x.align}"/>` : ""}</w:pPr>`;
  return `<w:p>${pPr}${x.runs.map(run).join("")}</w:p>`;
}

const cell = (text: string, width: number, opts: { bold?: boolean; align?: Para["align"] } = {}) =>
  `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${para({
    runs: [{ text, bold: opts.bold }],
    align: opts.align,
    spaceAfter: 0,
  })}</w:tc>`;

const widths = [500, 3900, 900, 600, 1300, 900, 1500];

function linesTable(): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const borders = ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("");
  const head = ["№", "Наименование", "Кол-во", "Ед.", "Цена", "Скидка", "Сумма"]
    .map((h, i) => cell(h, widths[i]!, { bold: true, align: "center" }))
    .join("");
  // One row between {#lines} and {/lines}: docxtemplater repeats the table row per line.
  const row = [
    cell("{#lines}{position}", widths[0]!, { align: "center" }),
    cell("{name}", widths[1]!),
    cell("{quantity}", widths[2]!, { align: "right" }),
    cell("{unit}", widths[3]!, { align: "center" }),
    cell("{price}", widths[4]!, { align: "right" }),
    cell("{discount}", widths[5]!, { align: "right" }),
    cell("{sum}{/lines}", widths[6]!, { align: "right" }),
  ].join("");
  return `<w:tbl><w:tblPr><w:tblW w:w="9600" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr><w:tblGrid>${widths
    .map((w) => `<w:gridCol w:w="${w}"/>`)
    .join("")}</w:tblGrid><w:tr>${head}</w:tr><w:tr>${row}</w:tr></w:tbl>`;
}

export function defaultTemplateDocumentXml(): string {
  const body = [
    para({ runs: [{ text: "{sellerName}", bold: true, size: 22 }] }),
    para("ИНН {sellerInn}{#sellerKpp}, КПП {sellerKpp}{/sellerKpp}"),
    para("{sellerAddress}"),
    para("{sellerContacts}"),
    para({ runs: [{ text: "{title}", bold: true, size: 28 }], spaceAfter: 200 }),
    para({ runs: [{ text: "Кому: " }, { text: "{buyerLine}", bold: true }] }),
    para("{#contactName}Контактное лицо: {contactName}{/contactName}"),
    para("{#basis}Основание: {basis}{/basis}"),
    linesTable(),
    // A loop over whole paragraphs: one footer row per paragraph.
    para("{#totalRows}"),
    para({ runs: [{ text: "{label}: {amount}", bold: true }], align: "right" }),
    para("{/totalRows}"),
    para("{countLine}"),
    para({ runs: [{ text: "{amountInWords}", bold: true }], spaceAfter: 200 }),
    para("{#validUntil}Предложение действительно до {validUntil}.{/validUntil}"),
    para("{#dueDate}Оплатить не позднее {dueDate}.{/dueDate}"),
    para("{#paymentTerms}Условия оплаты: {paymentTerms}{/paymentTerms}"),
    para("{#deliveryTerms}Условия поставки: {deliveryTerms}{/deliveryTerms}"),
    para("{#notes}{notes}{/notes}"),
    para({ runs: [{ text: "{#notOffer}{notOfferText}{/notOffer}", size: 16 }], spaceAfter: 400 }),
    para("{directorTitle} ____________________ / {signatory} /"),
  ].join("");
  const sect =
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1000" w:right="850" w:bottom="1000" w:left="1200" w:header="500" w:footer="500" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}${sect}</w:body></w:document>`;
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const documentRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/><w:sz w:val="20"/><w:lang w:val="ru-RU"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;

/** The .docx file of the default template (a fixed date keeps the bytes reproducible). */
export function buildDefaultTemplate(): Buffer {
  const zip = new PizZip();
  const date = new Date("2026-01-01T00:00:00Z");
  zip.file("[Content_Types].xml", contentTypes, { date });
  zip.file("_rels/.rels", rootRels, { date });
  zip.file("word/document.xml", defaultTemplateDocumentXml(), { date });
  zip.file("word/_rels/document.xml.rels", documentRels, { date });
  zip.file("word/styles.xml", styles, { date });
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE" });
}
