import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SalesDocument } from "../../../contracts/documents";
import type { Proposal } from "../../../contracts/proposals";
import type { Actor } from "../../platform/actor";
import type { Session } from "../../test/harness";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org, sberbank } from "../companies/companies.fixtures";
import { proposalDocument } from "./proposals.document";
import { catalogue } from "./proposals.fixtures";

/** A manager as the server resolves one (a manager's team is themselves). */
const managerActor = (h: Harness, s: Session): Actor => ({
  id: s.user.id,
  workspaceId: h.ctx.workspaceId,
  role: "manager",
  email: s.user.email,
  teamIds: [s.user.id],
  tokenScope: null,
  sessionId: null,
  locale: "ru",
});

/** The printed model of a proposal: requisites of both sides, ОКЕИ unit names, footer, words. */
let h: Harness;
let org: Org;

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
});
afterAll(() => h.close());

describe("proposalDocument", () => {
  it("maps a proposal to the shared sales document, ready for PDF and DOCX", async () => {
    const cat = catalogue(h);
    await cat.organisation();
    const kg = await cat.product("NAIL-1", "Гвозди строительные", "150.50", {
      unitCode: "166",
      vatRate: "10",
    });
    const work = await cat.product("SRV-1", "Доставка", "500.00", { unitCode: "876", vatRate: "none" });
    const company = await newCompany(h, org.m1, { ...sberbank, address: "г. Москва, ул. Вавилова, 19" });
    const res = await h.post(
      "/api/v1/proposals",
      {
        companyId: company.id,
        lines: [
          { productId: kg, quantity: "2.5" },
          { productId: work, quantity: "1" },
        ],
      },
      org.m1,
    );
    expect(res.statusCode, res.body).toBe(201);
    const p: Proposal = res.json();
    const doc = await proposalDocument(h.ctx.db, managerActor(h, org.m1), p.id);
    expect(SalesDocument.parse(doc)).toEqual(doc);
    expect(doc).toMatchObject({
      kind: "proposal",
      number: p.number,
      revision: 1,
      seller: { name: "ООО «Аккорд Трейд»", inn: "7707083893", director: "Петров П. П.", vatPayer: true },
      buyer: { name: "ПАО Сбербанк", inn: "7707083893", kpp: "773601001", bik: "044525225" },
      vatIncluded: true,
      notOffer: true,
    });
    expect(doc.lines.map((l) => [l.unitName, l.quantity, l.gross])).toEqual([
      ["кг", "2.5", "376.25"],
      ["усл. ед", "1", "500.00"],
    ]);
    // 376.25 at 10 % included: 376.25·10/110 = 34.2045… → 34.20; «Без НДС» line adds nothing.
    expect(doc.totals).toMatchObject({ gross: "876.25", vat: "34.20", vatRate: null });
    expect(doc.amountInWords).toBe("Восемьсот семьдесят шесть рублей 25 копеек");
  });

  it("is out of reach for another team", async () => {
    const company = await newCompany(h, org.m1, { name: "ООО «Чужое»" });
    const p: Proposal = (await h.post("/api/v1/proposals", { companyId: company.id }, org.m1)).json();
    await expect(proposalDocument(h.ctx.db, managerActor(h, org.m3), p.id)).rejects.toMatchObject({
      status: 404,
    });
  });
});
