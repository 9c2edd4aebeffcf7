import { describe, expect, it } from "vitest";
import type { SalesDocument } from "../../../contracts/documents";
import { parseSmtpUrl } from "../../platform/mailer";
import { countLine, quantityRu, titleOf, totalRows } from "./document.format";
import { docxText, pdfText } from "./documents.fixtures";
import { longProposal, sampleInvoiceWithoutVat, sampleProposal } from "./documents.samples";
import { renderDocx } from "./docx";
import { fillTemplate } from "./mail-settings.service";
import { renderPdf } from "./pdf";

/** A proposal with lines at 22% and 10%: the footer lists VAT per rate. */
function mixedRates(): SalesDocument {
  const p = sampleProposal();
  return {
    ...p,
    lines: [
      p.lines[0]!,
      {
        ...p.lines[1]!,
        name: "Книга «Азбука»",
        quantity: "1",
        price: "1000.00",
        discountPercent: "0",
        vatRate: "10",
        net: "909.09",
        vat: "90.91",
        gross: "1000.00",
      },
    ],
    totals: {
      net: "1728.76",
      vat: "271.24",
      gross: "2000.00",
      vatRate: null,
      vatByRate: [
        { rate: "22", vat: "180.33" },
        { rate: "10", vat: "90.91" },
      ],
    },
    amountInWords: "Две тысячи рублей 00 копеек",
  };
}

describe("the printed footer", () => {
  it("names each VAT rate of a mixed document (1000.00 gross holds 180.33 at 22% and 90.91 at 10%)", async () => {
    expect(totalRows(mixedRates()).map((r) => r.label)).toEqual([
      "Итого",
      "В том числе НДС (22%)",
      "В том числе НДС (10%)",
      "Всего к оплате",
    ]);
    const text = pdfText(await renderPdf(mixedRates()));
    expect(text).toMatch(/В том числе НДС \(22%\):\s+180,33/);
    expect(text).toMatch(/В том числе НДС \(10%\):\s+90,91/);
    expect(text).toContain("Две тысячи рублей 00 копеек");
  });

  it("adds VAT on top for a VAT-exclusive price list: «НДС (22%)», «Итого» is the net", () => {
    const p = { ...sampleProposal(), vatIncluded: false };
    expect(totalRows(p)).toEqual([
      { label: "Итого", amount: "42\u00a0746,64" },
      { label: "НДС (22%)", amount: "9\u00a0404,36" },
      { label: "Всего к оплате", amount: "52\u00a0151,00" },
    ]);
  });

  it("says «Без НДС» for a seller on УСН, and counts the lines", () => {
    const inv = sampleInvoiceWithoutVat();
    expect(totalRows(inv)[1]).toEqual({ label: "Без НДС", amount: null });
    expect(countLine(inv)).toBe("Всего наименований 2, на сумму 52\u00a0151,00 руб.");
    expect(titleOf(inv)).toBe("Счёт на оплату № 17 от 27 ноября 2026 г.");
    expect(quantityRu("2.500")).toBe("2,5");
  });
});

describe("rendering many documents", () => {
  it("renders a 200-line proposal, and 20 PDFs at once, all intact", async () => {
    const long = longProposal(200);
    const pdfs = await Promise.all(Array.from({ length: 20 }, () => renderPdf(long)));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdfs[0]!);
    expect(text).toContain("Позиция каталога № 200");
    expect(text).toContain("Всего наименований 200, на сумму 200 000,00 руб.");
    const docx = docxText(await renderDocx(long));
    expect(docx).toContain("Позиция каталога № 200");
  });
});

describe("letter templates and SMTP addresses", () => {
  it("fills {{variables}}, drops {{#sections}} of empty ones and never prints unknown braces", () => {
    const text = fillTemplate(
      "Здравствуйте{{#contact}}, {{contact}}{{/contact}}! КП № {{number}} {{nope}}.",
      {
        contact: "",
        number: "КП-2026-000001",
      },
    );
    expect(text).toBe("Здравствуйте! КП № КП-2026-000001 .");
    expect(fillTemplate("{{#contact}}, {{contact}}{{/contact}}", { contact: "Юрий" })).toBe(", Юрий");
  });

  it("reads ACCORD_SMTP_URL: smtp → plain or STARTTLS, smtps → TLS, credentials decoded", () => {
    expect(parseSmtpUrl("smtps://robot%40veter.ru:p%40ss@smtp.veter.ru")).toMatchObject({
      host: "smtp.veter.ru",
      port: 465,
      security: "tls",
      username: "robot@veter.ru",
      password: "p@ss",
      from: { address: "robot@veter.ru" },
    });
    expect(parseSmtpUrl("smtp://mail.local:2525?starttls=required&from=crm@veter.ru")).toMatchObject({
      port: 2525,
      security: "starttls",
      from: { address: "crm@veter.ru" },
    });
    expect(parseSmtpUrl("http://example.ru")).toBeNull();
  });
});
