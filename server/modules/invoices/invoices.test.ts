import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moscowToday } from "../../../core/moscow-time";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { noVatLines, pdfText, seedOrganisation, seedProposal } from "../documents/documents.fixtures";

let h: Harness;
let org: Org;
let vatOrg: string;
let usnOrg: string;
let company: { id: string };
const year = moscowToday().slice(0, 4);

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  vatOrg = await seedOrganisation(h.ctx.db, h.ctx.workspaceId);
  usnOrg = await seedOrganisation(h.ctx.db, h.ctx.workspaceId, {
    name: "ИП Ёжиков Фёдор Степанович",
    fullName: null,
    kpp: null,
    vatPayer: false,
  });
  company = await newCompany(h, org.m1, { name: "ООО «Ёлочка»", inn: "5024002119", kpp: "502401001" });
});
afterAll(async () => {
  await h?.close();
});

const accepted = (over: Partial<Parameters<typeof seedProposal>[1]> = {}) =>
  seedProposal(h.ctx.db, {
    workspaceId: h.ctx.workspaceId,
    organisationId: vatOrg,
    companyId: company.id,
    ownerId: org.m1.user.id,
    status: "accepted",
    ...over,
  });

async function invoiceOf(proposalId: string, body: Record<string, unknown> = {}) {
  const res = await h.post(`/api/v1/proposals/${proposalId}/invoice`, body, org.m1);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe("invoices from proposals", () => {
  it("only an accepted proposal is invoiced; numbers run per organisation and year without gaps", async () => {
    for (const status of ["draft", "approved", "sent", "rejected"] as const) {
      const res = await h.post(`/api/v1/proposals/${await accepted({ status })}/invoice`, {}, org.m1);
      expect({ status, code: res.statusCode, body: res.json().code }).toEqual({
        status,
        code: 422,
        body: "proposal_not_accepted",
      });
    }
    const first = await invoiceOf(await accepted({ number: "КП-2026-000042" }), { dueDate: "2099-01-15" });
    expect(first).toMatchObject({
      number: "1",
      status: "issued",
      gross: "52151.00",
      vat: "9404.36",
      paid: "0.00",
      due: "52151.00",
      dueDate: "2099-01-15",
      companyName: "ООО «Ёлочка»",
      proposalNumber: "КП-2026-000042",
      amountInWords: "Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек",
    });
    expect(first.basis).toMatch(/^Коммерческое предложение № КП-2026-000042 от 27\.11\.2026$/);
    // A refused attempt (past due date) takes no number.
    const refused = await h.post(
      `/api/v1/proposals/${await accepted()}/invoice`,
      { dueDate: "2000-01-01" },
      org.m1,
    );
    expect(refused.statusCode).toBe(400);
    expect((await invoiceOf(await accepted())).number).toBe("2");
    expect((await invoiceOf(await accepted({ organisationId: usnOrg, lines: noVatLines }))).number).toBe("1");
    const { rows } = await h.ctx.database.pool.query(
      "select organisation_id, year, last from document_sequences where kind = 'invoice' order by last",
    );
    expect(rows).toEqual([
      { organisation_id: usnOrg, year: Number(year), last: 1 },
      { organisation_id: vatOrg, year: Number(year), last: 2 },
    ]);
  });

  it("concurrent invoices get distinct consecutive numbers", async () => {
    const orgId = await seedOrganisation(h.ctx.db, h.ctx.workspaceId, { name: "ООО «Параллель»" });
    const ids = await Promise.all([1, 2, 3, 4].map(() => accepted({ organisationId: orgId })));
    const made = await Promise.all(ids.map((id) => h.post(`/api/v1/proposals/${id}/invoice`, {}, org.m1)));
    expect(made.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(made.map((r) => Number(r.json().number)).sort()).toEqual([1, 2, 3, 4]);
  });

  it("prints «Счёт на оплату» with the bank block, buyer, VAT footer and words", async () => {
    const inv = await invoiceOf(await accepted({ number: "КП-2026-000077" }), { dueDate: "2099-01-15" });
    const res = await h.get(`/api/v1/invoices/${inv.id}/pdf`, org.m1);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain(`Счёт на оплату № ${inv.number} от `);
    expect(text).toMatch(/ПАО СБЕРБАНК г\. Москва\s+БИК\s+044525225/);
    expect(text).toContain("Банк получателя");
    expect(text).toMatch(/Сч\. №\s+30101810400000000225/);
    expect(text).toMatch(/Сч\. №\s+40702810938000012345/);
    expect(text).toContain("Получатель");
    expect(text).toMatch(/Покупатель:\s+ООО «Ёлочка», ИНН 5024002119/);
    expect(text).toContain("Основание:");
    expect(text).toContain("КП-2026-000077");
    expect(text).toMatch(/В том числе НДС \(22%\):\s+9 404,36/);
    expect(text).toMatch(/Всего к оплате:\s+52 151,00/);
    expect(text).toContain("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");
    expect(text).toContain("Оплатить не позднее 15.01.2099.");
    expect(text).toMatch(/Бухгалтер\s+\/ Щукина Е\. Ю\. \//);
    expect(text).not.toContain("не является офертой");
  });

  it("an invoice of a seller on УСН says «Без НДС»", async () => {
    const inv = await invoiceOf(await accepted({ organisationId: usnOrg, lines: noVatLines }));
    const text = pdfText((await h.get(`/api/v1/invoices/${inv.id}/pdf`, org.m1)).rawPayload);
    expect(text).toContain("ИП Ёжиков Фёдор Степанович");
    expect(text).toMatch(/Без НДС/);
    expect(text).not.toContain("НДС (22%)");
  });
});

describe("payments", () => {
  it("settle the invoice: partial, then paid at the last payment's date; rules refuse bad amounts", async () => {
    const inv = await invoiceOf(await accepted());
    const pay = (body: Record<string, unknown>) =>
      h.post(`/api/v1/invoices/${inv.id}/payments`, body, org.m1);
    for (const amount of ["0", "0.00", "-5.00"]) {
      const res = await pay({ paidOn: "2026-11-28", amount });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe("payment_amount_positive");
    }
    const over = await pay({ paidOn: "2026-11-28", amount: "52151.01" });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: "payment_exceeds_due", errors: [{ path: "amount" }] });
    expect((await pay({ paidOn: "2026-13-01", amount: "1.00" })).statusCode).toBe(400);

    const part = await pay({ paidOn: "2026-11-28", amount: "20000.00" });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().invoice).toMatchObject({
      status: "partially_paid",
      paid: "20000.00",
      due: "32151.00",
      paidAt: null,
    });
    expect((await pay({ paidOn: "2026-11-29", amount: "32151.01" })).statusCode).toBe(422);
    const rest = await pay({ paidOn: "2026-12-02", amount: "32151.00" });
    expect(rest.json().invoice).toMatchObject({
      status: "paid",
      paid: "52151.00",
      due: "0.00",
      paidAt: "2026-12-02",
    });
    expect((await pay({ paidOn: "2026-12-03", amount: "0.01" })).json().code).toBe("payment_exceeds_due");

    const list = await h.get(`/api/v1/invoices/${inv.id}/payments`, org.m1);
    expect(list.json().items.map((p: { amount: string }) => p.amount)).toEqual(["32151.00", "20000.00"]);

    const lastId = rest.json().payment.id;
    expect((await h.del(`/api/v1/invoices/${inv.id}/payments/${lastId}`, org.m1)).statusCode).toBe(403);
    const undone = await h.del(`/api/v1/invoices/${inv.id}/payments/${lastId}`, org.head);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().invoice).toMatchObject({ status: "partially_paid", paid: "20000.00", paidAt: null });
    expect((await h.del(`/api/v1/invoices/${inv.id}/payments/${lastId}`, org.head)).statusCode).toBe(404);
    const audit = await h.ctx.database.pool.query(
      "select action from audit_log where entity = 'payment' and entity_id = $1 order by id",
      [lastId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "delete"]);
  });
});

describe("visibility follows the company's owner", () => {
  it("the owner and their heads see the invoice; another team gets 404; a department user 403", async () => {
    const inv = await invoiceOf(await accepted());
    for (const who of [org.m1, org.head, org.admin])
      expect((await h.get(`/api/v1/invoices/${inv.id}`, who)).statusCode).toBe(200);
    for (const who of [org.m2, org.m3, org.otherHead])
      expect((await h.get(`/api/v1/invoices/${inv.id}`, who)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/invoices/${inv.id}`, org.dept)).statusCode).toBe(403);
    const ids = async (who: Org["m1"]) =>
      (
        (await h.get(`/api/v1/invoices?companyId=${company.id}&limit=200`, who)).json().items as {
          id: string;
        }[]
      ).map((i) => i.id);
    expect(await ids(org.m1)).toContain(inv.id);
    expect(await ids(org.m3)).not.toContain(inv.id);
    expect(
      (await h.post(`/api/v1/invoices/${inv.id}/payments`, { paidOn: "2026-11-28", amount: "1.00" }, org.m3))
        .statusCode,
    ).toBe(404);
    const other = await accepted();
    expect((await h.post(`/api/v1/proposals/${other}/invoice`, {}, org.m3)).statusCode).toBe(404);
  });

  it("pages through the list newest first without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await h.get(`/api/v1/invoices?limit=3${cursor ? `&cursor=${cursor}` : ""}`, org.admin);
      const body = res.json() as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThan(5);
  });
});
