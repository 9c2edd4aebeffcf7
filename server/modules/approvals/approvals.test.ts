import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Approval } from "../../../contracts/approvals";
import type { Proposal } from "../../../contracts/proposals";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { catalogue } from "../proposals/proposals.fixtures";

/**
 * Authority (clause 3.4): a manager's default limits are 10 % discount and 1 000 000 ₽; beyond
 * them a proposal waits for the head, who approves or rejects with a comment.
 */
let h: Harness;
let org: Org;
let cat: ReturnType<typeof catalogue>;
let chair: string;

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  cat = catalogue(h);
  await cat.organisation();
  chair = await cat.product("CH-01", "Кресло", "1000.00");
});
afterAll(() => h.close());

async function draft(as: Session, manualDiscountPercent: string, quantity = "1"): Promise<Proposal> {
  const c = await newCompany(h, as, { name: `ООО «Клиент ${Math.random().toString(36).slice(2, 7)}»` });
  const res = await h.post(
    "/api/v1/proposals",
    { companyId: c.id, lines: [{ productId: chair, quantity, manualDiscountPercent }] },
    as,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const act = (p: Proposal, what: string, as: Session) => h.post(`/api/v1/proposals/${p.id}/${what}`, {}, as);

describe("authority and approvals", () => {
  it("within the limits, submit approves at once and the proposal may be sent", async () => {
    const p = await draft(org.m1, "10");
    const res = await act(p, "submit", org.m1);
    expect(res.json().status).toBe("approved");
    expect((await act(p, "mark-sent", org.m1)).json().status).toBe("sent");
  });

  it("over the discount limit: cannot be sent; submit → pending; the head approves with a comment; then it is sent", async () => {
    const p = await draft(org.m1, "15");
    const direct = await act(p, "mark-sent", org.m1);
    expect(direct.statusCode).toBe(422);
    expect(direct.json().code).toBe("proposal_needs_approval");
    const submitted = await act(p, "submit", org.m1);
    expect(submitted.json()).toMatchObject({
      status: "pending_approval",
      approval: { status: "pending", approverId: org.head.user.id },
    });

    const inbox = await h.get("/api/v1/approvals?box=inbox&status=pending", org.head);
    const request = (inbox.json().items as Approval[]).find((a) => a.entityId === p.id)!;
    expect(request).toMatchObject({
      kind: "proposal_authority",
      requestedBy: org.m1.user.id,
      title: p.number,
    });
    expect(request.reasons).toEqual([
      { code: "discount_over_limit", params: { discount: "15.00", limit: "10.00" } },
    ]);
    expect((await h.get("/api/v1/approvals?box=inbox", org.otherHead)).json().items).toEqual([]);
    const mine = await h.get("/api/v1/approvals?box=mine", org.m1);
    expect(mine.json().items.map((a: Approval) => a.id)).toContain(request.id);

    // Neither the manager nor a head of another team may decide; the pending one cannot be sent.
    expect((await h.post(`/api/v1/approvals/${request.id}/approve`, {}, org.m1)).statusCode).toBe(403);
    expect((await h.post(`/api/v1/approvals/${request.id}/approve`, {}, org.otherHead)).statusCode).toBe(404);
    expect((await act(p, "mark-sent", org.m1)).statusCode).toBe(422);

    const ok = await h.post(
      `/api/v1/approvals/${request.id}/approve`,
      { comment: "Согласовано, клиент ключевой" },
      org.head,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", comment: "Согласовано, клиент ключевой" });
    const again = await h.post(`/api/v1/approvals/${request.id}/reject`, {}, org.head);
    expect(again.statusCode).toBe(409);
    expect((await act(p, "mark-sent", org.m1)).json().status).toBe("sent");

    const audit = await h.get(`/api/v1/audit?entity=approval&entityId=${request.id}`, org.admin);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(["request", "approve"]),
    );
  });

  it("the head rejects: the proposal returns for changes with the comment; edited and resubmitted", async () => {
    const p = await draft(org.m2, "30");
    await act(p, "submit", org.m2);
    const inbox = await h.get("/api/v1/approvals?box=inbox&status=pending", org.head);
    const request = (inbox.json().items as Approval[]).find((a) => a.entityId === p.id)!;
    const no = await h.post(
      `/api/v1/approvals/${request.id}/reject`,
      { comment: "Скидка не больше 12 %" },
      org.head,
    );
    expect(no.statusCode, no.body).toBe(200);
    const back: Proposal = (await h.get(`/api/v1/proposals/${p.id}`, org.m2)).json();
    expect(back).toMatchObject({
      status: "rejected_by_head",
      approval: { status: "rejected", comment: "Скидка не больше 12 %" },
    });
    expect((await act(p, "mark-sent", org.m2)).statusCode).toBe(422);
    const fixed = await h.patch(
      `/api/v1/proposals/${p.id}`,
      { version: back.version, lines: [{ productId: chair, quantity: "1", manualDiscountPercent: "9" }] },
      org.m2,
    );
    expect(fixed.json().status).toBe("draft");
    expect((await act(p, "submit", org.m2)).json().status).toBe("approved");
  });

  it("over the amount limit goes to the head; a manager without a head is approved by an admin; individual limits apply", async () => {
    const big = await draft(org.m1, "0", "1001");
    const res = await act(big, "submit", org.m1);
    expect(res.json().status).toBe("pending_approval");
    const lone = await h.userWith("manager");
    const p = await draft(lone, "20");
    const sub = await act(p, "submit", lone);
    expect(sub.json().approval.approverId).toBe(org.admin.user.id);
    const list = await h.get("/api/v1/approvals?box=inbox", org.admin);
    const request = (list.json().items as Approval[]).find((a) => a.entityId === p.id)!;
    expect((await h.post(`/api/v1/approvals/${request.id}/approve`, {}, org.admin)).statusCode).toBe(200);

    await cat.limits(org.m2.user.id, "40", null);
    const generous = await draft(org.m2, "35");
    expect((await act(generous, "submit", org.m2)).json().status).toBe("approved");
  });
});
