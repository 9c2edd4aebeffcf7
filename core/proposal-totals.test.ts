import { describe, expect, it } from "vitest";
import { parseMoney } from "./money";
import { okeiShort } from "./okei";
import { type ProposalLineInput, proposalTotals } from "./proposal-totals";

/**
 * Vectors from issue 5 «Domain rules» and /work/shared/reference/ru-domain.md §3: VAT included in
 * a gross amount 1000.00 → 180.33 at 22 %, 90.91 at 10 %, 47.62 at 5 %, 65.42 at 7 %;
 * 122000.00 → 22000.00; 99.99 → 18.03; VAT on a net amount 1000.00 at 22 % → 220.00.
 * Amount in words: 52151 → «Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек».
 */
const one = (
  price: string,
  vatRate: ProposalLineInput["vatRate"],
  discountPercent = "0",
): ProposalLineInput => ({
  quantity: "1",
  listPriceKopecks: parseMoney(price),
  discountPercent,
  vatRate,
});

describe("proposalTotals — issue vectors", () => {
  it.each([
    ["1000.00", "22", 180_33],
    ["1000.00", "10", 90_91],
    ["1000.00", "5", 47_62],
    ["1000.00", "7", 65_42],
    ["122000.00", "22", 22_000_00],
    ["99.99", "22", 18_03],
  ] as const)("VAT included in %s at %s%% is %i kopecks", (gross, rate, vat) => {
    const t = proposalTotals([one(gross, rate)], { vatIncluded: true });
    expect(t.vat).toBe(vat);
    expect(t.gross).toBe(parseMoney(gross));
    expect(t.net).toBe(parseMoney(gross) - vat);
  });

  it("VAT on a net 1000.00 at 22% is 220.00", () => {
    const t = proposalTotals([one("1000.00", "22")], { vatIncluded: false });
    expect([t.net, t.vat, t.gross]).toEqual([1000_00, 220_00, 1220_00]);
    expect(t.footer).toEqual([
      { label: "Итого", amount: 1000_00 },
      { label: "НДС (22%)", amount: 220_00 },
      { label: "Всего к оплате", amount: 1220_00 },
    ]);
  });

  it("prints the footer, the summary line and the amount in words", () => {
    const t = proposalTotals([one("52151.00", "22")], { vatIncluded: true });
    expect(t.footer.map((f) => f.label)).toEqual(["Итого", "В том числе НДС (22%)", "Всего к оплате"]);
    expect(t.summary).toBe("Всего наименований 1, на сумму 52\u00a0151,00 руб.");
    expect(t.amountInWords).toBe("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");
    expect(t.vatRate).toBe("22");
  });

  it("says «Без НДС» when no line carries VAT", () => {
    const t = proposalTotals([one("111.00", "none")], { vatIncluded: true });
    expect(t.footer).toEqual([
      { label: "Итого", amount: 111_00 },
      { label: "Без НДС", amount: null },
      { label: "Всего к оплате", amount: 111_00 },
    ]);
    expect(t.amountInWords).toBe("Сто одиннадцать рублей 00 копеек");
  });

  it("rounds VAT per line and sums the lines (mixed rates listed per rate)", () => {
    // Three lines of 99.99 at 22%: 18.03 each (per-line half-up) → 54.09, not 299.97·22/122 = 54.09…
    const lines = [one("99.99", "22"), one("99.99", "22"), one("99.99", "22"), one("1000.00", "10")];
    const t = proposalTotals(lines, { vatIncluded: true });
    expect(t.vatByRate.map((r) => [r.rate, r.vat])).toEqual([
      ["22", 54_09],
      ["10", 90_91],
    ]);
    expect(t.vat).toBe(54_09 + 90_91);
    expect(t.vatRate).toBeNull();
  });

  it("applies the discount before VAT", () => {
    // 2 × 1000.00 with 10 % off = 1800.00 gross, VAT 22/122 → 324.59.
    const t = proposalTotals(
      [{ quantity: "2", listPriceKopecks: 1000_00, discountPercent: "10", vatRate: "22" }],
      {
        vatIncluded: true,
      },
    );
    expect([t.gross, t.vat, t.discount]).toEqual([1800_00, 324_59, 200_00]);
  });

  it("computes a 200-line proposal exactly", () => {
    const lines: ProposalLineInput[] = Array.from({ length: 200 }, (_, i) => ({
      quantity: String(i + 1),
      listPriceKopecks: 12_345 + i,
      discountPercent: i % 3 === 0 ? "5" : "0",
      vatRate: i % 2 === 0 ? "22" : "10",
    }));
    const t = proposalTotals(lines, { vatIncluded: false });
    expect(t.count).toBe(200);
    expect(t.gross).toBe(t.lines.reduce((s, l) => s + l.gross, 0));
    expect(t.net + t.vat).toBe(t.gross);
    expect(t.summary.startsWith("Всего наименований 200, на сумму ")).toBe(true);
  });
});

describe("okei", () => {
  it("names the catalogue's units (ОК 015-94)", () => {
    expect(["796", "166", "006", "876"].map(okeiShort)).toEqual(["шт", "кг", "м", "усл. ед"]);
    expect(okeiShort("999")).toBe("999");
  });
});
