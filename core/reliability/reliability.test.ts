import { describe, expect, it } from "vitest";
import { scoreAllModels } from "../scoring";
import { SYNTHETIC_BALANCE } from "../scoring/synthetic-balance";
import { paymentDiscipline } from "./discipline";
import { creditLimit, DEFAULT_GRADE_SETTINGS, gradeCompany } from "./grade";
import { checkLines, parseStatementText } from "./statements";

const asStrings = Object.fromEntries(Object.entries(SYNTHETIC_BALANCE).map(([k, v]) => [k, String(v)]));

describe("grade rule on the synthetic balance of ru-domain.md §4 (issue 6 test vectors)", () => {
  const models = scoreAllModels({ current: SYNTHETIC_BALANCE });

  it("counts the models' zones without hiding their disagreement", () => {
    const r = gradeCompany({ registry: null, models, payment: null, today: "2026-11-27" });
    const f = r.factors.find((x) => x.id === "models")!;
    // Z, Z″, Taffler, Zaitseva, IGEA safe; Z′ grey (2.6175 < 2.90); Saifullin–Kadykov distress (0.6338).
    expect(f.params).toEqual({ safe: 5, grey: 1, distress: 1, total: 7 });
    expect(f.score).toBe(79);
    // Only the models are known: the weights renormalise over them.
    expect(r.score).toBe(79);
    expect(r.grade).toBe("A");
  });

  it("an active company of eleven years with the balance is A with score 90.2", () => {
    const r = gradeCompany({
      registry: {
        status: "ACTIVE",
        found: true,
        registeredAt: "2015-02-05",
        massAddress: null,
        massDirector: null,
      },
      models,
      payment: null,
      today: "2026-11-27",
    });
    // (30·100 + 10·100 + 35·79) / 75
    expect(r.score).toBe(90.2);
    expect(r.grade).toBe("A");
  });

  it("liquidation is a stop factor: D whatever the statements say", () => {
    const r = gradeCompany({
      registry: {
        status: "LIQUIDATED",
        found: true,
        registeredAt: "2010-01-01",
        massAddress: false,
        massDirector: false,
      },
      models,
      payment: null,
      today: "2026-11-27",
    });
    expect(r.stop).toBe(true);
    expect(r.grade).toBe("D");
  });

  it("the limit is min(5% of revenue, 25% of equity) × grade factor, in kopecks", () => {
    const a = creditLimit({ grade: "A", lines: asStrings, invoicedLastYear: 0 });
    // 150 000 thousand × 0.05 = 7 500 000 ₽ < 45 000 thousand × 0.25 = 11 250 000 ₽
    expect(a).toMatchObject({ amount: 750_000_000, basis: "statements", revenuePart: 750_000_000 });
    expect(a.equityPart).toBe(1_125_000_000);
    expect(creditLimit({ grade: "B", lines: asStrings, invoicedLastYear: 0 }).amount).toBe(450_000_000);
    expect(creditLimit({ grade: "D", lines: asStrings, invoicedLastYear: 0 }).amount).toBe(0);
    const capped = creditLimit(
      { grade: "A", lines: asStrings, invoicedLastYear: 0 },
      { ...DEFAULT_GRADE_SETTINGS, limit: { ...DEFAULT_GRADE_SETTINGS.limit, max: "1000000" } },
    );
    expect(capped).toMatchObject({ amount: 100_000_000, capped: true });
  });

  it("without statements the limit is a month of the last year's invoicing", () => {
    // 1 200 000 ₽ a year → 100 000 ₽ a month × 0.6 (B) = 60 000 ₽
    const r = creditLimit({ grade: "B", lines: null, invoicedLastYear: 120_000_000 });
    expect(r).toMatchObject({ amount: 6_000_000, basis: "history" });
  });
});

describe("payment discipline", () => {
  it("counts overdue, days late, DSO and the on-time share", () => {
    const p = paymentDiscipline(
      [
        {
          issueDate: "2026-09-01",
          dueDate: "2026-09-10",
          amount: 100_00,
          paid: 100_00,
          paidOn: "2026-09-10",
        },
        {
          issueDate: "2026-10-01",
          dueDate: "2026-10-10",
          amount: 100_00,
          paid: 100_00,
          paidOn: "2026-10-20",
        },
        { issueDate: "2026-11-01", dueDate: "2026-11-17", amount: 200_00, paid: 50_00, paidOn: null },
        { issueDate: "2026-11-20", dueDate: "2026-12-20", amount: 100_00, paid: 0, paidOn: null },
        {
          issueDate: "2026-11-20",
          dueDate: "2026-12-20",
          amount: 999_00,
          paid: 0,
          paidOn: null,
          cancelled: true,
        },
      ],
      "2026-11-27",
    );
    expect(p.overdue).toBe(1);
    expect(p.overdueAmount).toBe(150_00);
    // late: 10 days (paid) and 10 days (open since 17 Nov)
    expect(p.averageDaysLate).toBe(10);
    expect(p.onTimeShare).toBeCloseTo(1 / 3);
    // receivables 150 + 100 over 500 invoiced in the last 90 days (all four live ones) × 90
    expect(p.dso).toBe(45);
  });

  it("no invoices: nothing to say", () => {
    expect(paymentDiscipline([], "2026-11-27")).toMatchObject({
      onTimeShare: null,
      dso: null,
      averageDaysLate: null,
    });
  });
});

describe("statement lines", () => {
  it("accepts the official codes and refuses the rest with a reason", () => {
    const r = checkLines({ ...asStrings, "9999": "1", "1200": "abc" });
    expect(r.problems).toEqual([
      { code: "1200", reason: "not_a_number" },
      { code: "9999", reason: "unknown_code" },
    ]);
    expect(checkLines(asStrings).problems).toEqual([]);
  });

  it("checks that the balance adds up", () => {
    expect(checkLines({ "1100": "40000", "1200": "60000", "1600": "90000" }).problems).toEqual([
      { code: "1600", reason: "total" },
    ]);
  });

  it("normalises Russian number forms and parentheses", () => {
    expect(checkLines({ "2400": "(1 234,5)", "1600": "100 000" }).lines).toEqual({
      "2400": "-1234.5",
      "1600": "100000",
    });
  });

  it("parses pasted text of one year and of several years", () => {
    expect(parseStatementText("Баланс\n1100\t40000\n1600;100 000\n1200 60 000", 2025)).toEqual({
      years: { 2025: { "1100": "40000", "1600": "100 000", "1200": "60 000" } },
      skipped: 1,
    });
    expect(parseStatementText("Код;2025;2024\n1600;100000;90000\n2110;150000;", 2025).years).toEqual({
      2025: { "1600": "100000", "2110": "150000" },
      2024: { "1600": "90000" },
    });
  });
});
