import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../../contracts/deals";
import { SYNTHETIC_BALANCE } from "../../../core/scoring/synthetic-balance";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { move, moved, newDeal } from "./deals.fixtures";

/**
 * Issue 6 in the sales process: a manager moves a D-grade client's deal to «Договор» only with the
 * head's approval, which the refused move itself requests; grades A–C and heads move freely.
 */
let h: Harness;
let org: Org;
beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
});
afterAll(() => h.close());

const lines = Object.fromEntries(Object.entries(SYNTHETIC_BALANCE).map(([k, v]) => [k, String(v)]));

async function clientGraded(name: string, grade: "C" | "D"): Promise<string> {
  const c = await newCompany(h, org.m1, { name });
  const put = await h.request("PUT", `/api/v1/companies/${c.id}/financials/2025`, {
    body: { lines },
    cookie: org.m1.cookie,
  });
  expect(put.statusCode, put.body).toBe(200);
  const res = await h.post(`/api/v1/reliability/${c.id}/override`, { grade, reason: "Проверка" }, org.head);
  expect(res.statusCode, res.body).toBe(200);
  return c.id;
}

describe("a D-grade client's deal and the contract stage", () => {
  it("is refused for a manager with a request to the head; once approved, the move goes through", async () => {
    const companyId = await clientGraded("ООО «Рискованный клиент»", "D");
    let deal: Deal = await newDeal(h, org.m1, companyId, { title: "Поставка в кредит" });
    // The grade travels with the deal to the board and the card.
    expect(deal.companyGrade).toBe("D");
    deal = await moved(h, org.m1, deal, "negotiation");

    const refused = await move(h, org.m1, deal, "contract");
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("deal_risk_approval_requested");
    expect(refused.json().detail).toContain("категория надёжности D");
    // Nothing moved; a second try does not file a second request.
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json().stage).toBe("negotiation");
    expect((await move(h, org.m1, deal, "contract")).json().code).toBe("deal_risk_approval_pending");

    const inbox = (await h.get("/api/v1/approvals?box=inbox", org.head)).json().items as {
      id: string;
      kind: string;
      title: string;
      reasons: { code: string }[];
    }[];
    const request = inbox.find((a) => a.kind === "deal_contract_risk")!;
    expect(request).toMatchObject({
      title: "Сделка «Поставка в кредит»",
      reasons: [{ code: "deal_grade_d" }],
    });
    const bell = (await h.get("/api/v1/notifications?limit=20", org.head)).json().items as { kind: string }[];
    expect(bell.some((n) => n.kind === "approval_requested")).toBe(true);

    // The manager may not decide it; the head does.
    expect(
      (await h.post(`/api/v1/approvals/${request.id}/approve`, { comment: "" }, org.m1)).statusCode,
    ).toBe(403);
    const ok = await h.post(`/api/v1/approvals/${request.id}/approve`, { comment: "Под залог" }, org.head);
    expect(ok.statusCode, ok.body).toBe(200);
    await moved(h, org.m1, deal, "contract");
  });

  it("leaves other grades, other stages and the head's own moves alone", async () => {
    const risky = await clientGraded("ООО «Ещё один риск»", "D");
    const fair = await clientGraded("ООО «Средний клиент»", "C");
    const onFair = await newDeal(h, org.m1, fair);
    await moved(h, org.m1, onFair, "contract");
    const onRisky = await newDeal(h, org.m1, risky);
    await moved(h, org.m1, onRisky, "negotiation");
    const byHead = await newDeal(h, org.m1, risky, { title: "Решает руководитель" });
    await moved(h, org.head, byHead, "contract");
  });
});
