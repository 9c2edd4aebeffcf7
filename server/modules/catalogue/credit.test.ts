import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNTHETIC_BALANCE } from "../../../core/scoring/synthetic-balance";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";

/**
 * Issue 6 in the sales process: a manager's credit limit (deferred payment) above the limit the
 * client's reliability recommends goes to the head; the approved amount then applies. Without a
 * recommendation (no data) and for heads nothing changes.
 */
let h: Harness;
let org: Org;
beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
});
afterAll(() => h.close());

const lines = Object.fromEntries(Object.entries(SYNTHETIC_BALANCE).map(([k, v]) => [k, String(v)]));
const put = (url: string, body: unknown, s: Session) => h.request("PUT", url, { body, cookie: s.cookie });

describe("a credit limit above the recommendation", () => {
  it("goes to the head, applies once approved, and binds only managers", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Отсрочка»" });
    expect((await put(`/api/v1/companies/${c.id}/financials/2025`, { lines }, org.m1)).statusCode).toBe(200);
    const rel = (await h.get(`/api/v1/reliability/${c.id}`, org.m1)).json();
    const recommended = Number(rel.recommendedCreditLimit);
    expect(recommended).toBeGreaterThan(0);
    const url = `/api/v1/companies/${c.id}/terms`;
    const above = (recommended + 100_000).toFixed(2);

    const refused = await put(url, { creditLimit: above, paymentText: "Отсрочка 30 дней" }, org.m1);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("credit_limit_approval_requested");
    expect((await h.get(url, org.m1)).json()).toMatchObject({ creditLimit: null, paymentText: null });

    const inbox = (await h.get("/api/v1/approvals?box=inbox", org.head)).json().items as {
      id: string;
      kind: string;
      reasons: { code: string; params: { amount: string } }[];
    }[];
    const request = inbox.find((a) => a.kind === "credit_limit")!;
    expect(request.reasons[0]).toMatchObject({ code: "credit_over_limit", params: { amount: above } });
    expect((await h.post(`/api/v1/approvals/${request.id}/approve`, {}, org.m2)).statusCode).not.toBe(200);
    const ok = await h.post(`/api/v1/approvals/${request.id}/approve`, { comment: "Надёжный" }, org.head);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await h.get(url, org.m1)).json().creditLimit).toBe(above);

    // Within the recommendation a manager sets it alone; a head is not bound by it.
    expect((await put(url, { creditLimit: recommended.toFixed(2) }, org.m1)).statusCode).toBe(200);
    expect((await put(url, { creditLimit: (recommended * 3).toFixed(2) }, org.head)).statusCode).toBe(200);
  });

  it("does not bind a client without any reliability data", async () => {
    const c = await newCompany(h, org.m1, { name: "ООО «Без отчётности»" });
    const res = await put(`/api/v1/companies/${c.id}/terms`, { creditLimit: "100000.00" }, org.m1);
    expect(res.statusCode, res.body).toBe(200);
  });
});
