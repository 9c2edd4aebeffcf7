import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal } from "../../../contracts/deals";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";
import { dealBody, defaultPipeline, firstReason, inDays, move, moved, newDeal } from "./deals.fixtures";

/** Deals: the card, the stage rules (won needs an amount, lost a reason), reopening and visibility. */
let h: Harness;
let org: Org;
let companyId: string;
beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  companyId = (await newCompany(h, org.m1, { name: "ООО «Ромашка»" })).id;
});
afterAll(() => h.close());

describe("the default pipeline", () => {
  it("is created on first use with the seven stages and the default lost reasons", async () => {
    const pipeline = await defaultPipeline(h, org.m1);
    expect(pipeline.stages.map((s) => [s.name, s.probability, s.kind])).toEqual([
      ["Новый запрос", 10, "open"],
      ["Выявление потребностей", 20, "open"],
      ["Предложение", 40, "open"],
      ["Переговоры", 60, "open"],
      ["Договор", 80, "open"],
      ["Выиграна", 100, "won"],
      ["Проиграна", 0, "lost"],
    ]);
    // A second look finds the same one: it is made once.
    const again = await h.get("/api/v1/pipelines", org.admin);
    expect((again.json() as { items: unknown[] }).items).toHaveLength(1);
    const reasons = (await h.get("/api/v1/lost-reasons", org.m1)).json() as { items: { name: string }[] };
    expect(reasons.items.length).toBeGreaterThanOrEqual(5);
  });
});

describe("a deal's card", () => {
  it("is created at the first stage with the stage's probability, the company's name and its needs", async () => {
    const contact = await newContact(h, org.m1, { lastName: "Петров", firstName: "Иван", companyId });
    const deal = await newDeal(h, org.m1, companyId, {
      amount: "150000.50",
      contactId: contact.id,
      needs: "Нужна замена парка станков",
      needRows: [{ need: "Станки ЧПУ", level: "Главный инженер", direction: "Производство" }],
      expectedCloseDate: inDays(40),
      source: "Выставка",
    });
    expect(deal).toMatchObject({
      stage: "new",
      stageName: "Новый запрос",
      status: "open",
      probability: 10,
      amount: "150000.50",
      currency: "RUB",
      companyName: "ООО «Ромашка»",
      contactName: "Петров Иван",
      ownerId: org.m1.user.id,
      needRows: [{ need: "Станки ЧПУ", level: "Главный инженер", direction: "Производство" }],
    });
    const history = (await h.get(`/api/v1/deals/${deal.id}/stages`, org.m1)).json() as {
      items: { fromStage: string | null; toStage: string }[];
    };
    expect(history.items).toEqual([expect.objectContaining({ fromStage: null, toStage: "new" })]);
  });

  it("needs a next step and its date while open (422 naming both), on create and on edit", async () => {
    const res = await h.post("/api/v1/deals", { title: "Без шага", companyId }, org.m1);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "deal_next_step_required" });
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["nextStep", "nextStepDate"]);
    const deal = await newDeal(h, org.m1, companyId);
    const cleared = await h.patch(
      `/api/v1/deals/${deal.id}`,
      { version: deal.version, nextStep: null },
      org.m1,
    );
    expect(cleared.statusCode).toBe(422);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json().nextStep).toBe("Позвонить");
  });

  it("answers a stale edit with 409 and the current version", async () => {
    const deal = await newDeal(h, org.m1, companyId);
    const first = await h.patch(
      `/api/v1/deals/${deal.id}`,
      { version: deal.version, title: "Первая" },
      org.m1,
    );
    expect(first.statusCode).toBe(200);
    const second = await h.patch(
      `/api/v1/deals/${deal.id}`,
      { version: deal.version, title: "Вторая" },
      org.m1,
    );
    expect(second.statusCode).toBe(409);
    expect(second.json().currentVersion).toBe(deal.version + 1);
    const stale = await move(h, org.m1, deal, "needs");
    expect(stale.statusCode).toBe(409);
  });

  it("refuses a contact of another company", async () => {
    const other = await newCompany(h, org.m1, { name: "ООО «Другая»" });
    const contact = await newContact(h, org.m1, { lastName: "Чужой", companyId: other.id });
    const res = await h.post("/api/v1/deals", dealBody(companyId, { contactId: contact.id }), org.m1);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("deal_contact_mismatch");
  });

  it("keeps a dated negotiation log, newest first", async () => {
    const deal = await newDeal(h, org.m1, companyId);
    for (const [on, text] of [
      ["2026-03-01", "Первая встреча"],
      ["2026-03-10", "Согласовали спецификацию"],
    ])
      expect((await h.post(`/api/v1/deals/${deal.id}/log`, { on, text }, org.m1)).statusCode).toBe(201);
    const log = (await h.get(`/api/v1/deals/${deal.id}/log`, org.m1)).json() as { items: { text: string }[] };
    expect(log.items.map((e) => e.text)).toEqual(["Согласовали спецификацию", "Первая встреча"]);
  });
});

describe("stage moves", () => {
  it("follow the stage's probability and are recorded", async () => {
    const deal = await newDeal(h, org.m1, companyId);
    const next = await moved(h, org.m1, deal, "proposal");
    expect(next).toMatchObject({
      stage: "proposal",
      probability: 40,
      status: "open",
      version: deal.version + 1,
    });
    const history = (await h.get(`/api/v1/deals/${deal.id}/stages`, org.m1)).json() as {
      items: { fromStage: string | null; toStage: string }[];
    };
    expect(history.items.map((c) => [c.fromStage, c.toStage])).toEqual([
      [null, "new"],
      ["new", "proposal"],
    ]);
  });

  it("to an unknown stage → 422", async () => {
    const deal = await newDeal(h, org.m1, companyId);
    const res = await move(h, org.m1, deal, "nowhere");
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("deal_unknown_stage");
  });

  it("to Won require an amount above zero (422, nothing changes), and take it from the move", async () => {
    const deal = await newDeal(h, org.m1, companyId);
    const none = await move(h, org.m1, deal, "won");
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: "deal_won_needs_amount", errors: [{ path: "amount" }] });
    const zero = await move(h, org.m1, deal, "won", { amount: "0.00" });
    expect(zero.statusCode).toBe(422);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json()).toMatchObject({
      status: "open",
      stage: "new",
    });
    const won = await moved(h, org.m1, deal, "won", { amount: "99000.10" });
    expect(won).toMatchObject({ status: "won", probability: 100, amount: "99000.10" });
    expect(won.closedAt).not.toBeNull();
  });

  it("to Lost require an active reason (422), and keep the competitor who won", async () => {
    const deal = await newDeal(h, org.m1, companyId, { amount: "5000" });
    const none = await move(h, org.m1, deal, "lost");
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: "deal_lost_needs_reason", errors: [{ path: "lostReasonId" }] });
    const competitor = await h.post(
      "/api/v1/competitors",
      { name: "ООО «Конкурент»", inn: "7707083893" },
      org.admin,
    );
    expect(competitor.statusCode, competitor.body).toBe(201);
    const reasonId = await firstReason(h, org.m1);
    const lost = await moved(h, org.m1, deal, "lost", {
      lostReasonId: reasonId,
      competitorId: competitor.json().id,
      lostNote: "Дешевле на 10%",
    });
    expect(lost).toMatchObject({
      status: "lost",
      probability: 0,
      lostReasonId: reasonId,
      lostReason: expect.any(String),
      competitorName: "ООО «Конкурент»",
      lostNote: "Дешевле на 10%",
    });
  });

  it("leave a closed deal frozen (PATCH and move → 422) until a reopen, which is audited", async () => {
    const deal = await newDeal(h, org.m1, companyId, { amount: "1000" });
    const atNeeds = await moved(h, org.m1, deal, "negotiation");
    const won = await moved(h, org.m1, atNeeds, "won");
    const edit = await h.patch(`/api/v1/deals/${deal.id}`, { version: won.version, title: "Правка" }, org.m1);
    expect(edit.statusCode).toBe(422);
    expect(edit.json().code).toBe("deal_closed");
    expect((await move(h, org.m1, won, "new")).statusCode).toBe(422);
    const reopened = await h.post(`/api/v1/deals/${deal.id}/reopen`, { version: won.version }, org.m1);
    expect(reopened.statusCode, reopened.body).toBe(200);
    // Back where it was closed from.
    expect(reopened.json()).toMatchObject({
      status: "open",
      stage: "negotiation",
      probability: 60,
      closedAt: null,
    });
    const audit = await h.get(`/api/v1/audit?entity=deal&entityId=${deal.id}&limit=50`, org.admin);
    expect(audit.statusCode, audit.body).toBe(200);
    const actions = (audit.json() as { items: { action: string; entityId: string }[] }).items
      .filter((e) => e.entityId === deal.id)
      .map((e) => e.action);
    expect(actions).toContain("reopen");
    expect(actions).toContain("won");
    const reopenAgain = await h.post(
      `/api/v1/deals/${deal.id}/reopen`,
      { version: reopened.json().version },
      org.m1,
    );
    expect(reopenAgain.statusCode).toBe(422);
    const edited = await h.patch(
      `/api/v1/deals/${deal.id}`,
      { version: reopened.json().version, title: "После открытия" },
      org.m1,
    );
    expect(edited.statusCode).toBe(200);
  });
});

describe("who sees and moves a deal", () => {
  let deal: Deal;
  beforeAll(async () => {
    deal = await newDeal(h, org.m1, companyId, { title: "Сделка первого менеджера" });
  });

  it("a manager of the same team cannot see, edit or move another's deal (404)", async () => {
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m2)).statusCode).toBe(404);
    expect((await move(h, org.m2, deal, "needs")).statusCode).toBe(404);
    expect(
      (await h.patch(`/api/v1/deals/${deal.id}`, { version: deal.version, title: "x" }, org.m2)).statusCode,
    ).toBe(404);
    const list = (await h.get("/api/v1/deals?limit=200", org.m2)).json() as { items: Deal[] };
    expect(list.items.map((d) => d.id)).not.toContain(deal.id);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).statusCode).toBe(200);
  });

  it("the head sees the team's deals (and a sub-team's), another head does not", async () => {
    const m4Company = await newCompany(h, org.m4, { name: "ООО «Дальняя»" });
    const m4Deal = await newDeal(h, org.m4, m4Company.id);
    const ids = async (as: typeof org.head) =>
      ((await h.get("/api/v1/deals?limit=200", as)).json() as { items: Deal[] }).items.map((d) => d.id);
    expect(await ids(org.head)).toEqual(expect.arrayContaining([deal.id, m4Deal.id]));
    expect(await ids(org.otherHead)).not.toContain(deal.id);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.otherHead)).statusCode).toBe(404);
    expect(await ids(org.admin)).toEqual(expect.arrayContaining([deal.id, m4Deal.id]));
  });

  it("a department user has no deals at all (403)", async () => {
    expect((await h.get("/api/v1/deals", org.dept)).statusCode).toBe(403);
    expect((await h.post("/api/v1/deals", dealBody(companyId), org.dept)).statusCode).toBe(403);
  });

  it("a manager cannot give a deal to someone else (403) nor open one on another's company (404)", async () => {
    const res = await h.post("/api/v1/deals", dealBody(companyId, { ownerId: org.m2.user.id }), org.m1);
    expect(res.statusCode).toBe(403);
    const m3Company = await newCompany(h, org.m3, { name: "ООО «Чужая»" });
    expect((await h.post("/api/v1/deals", dealBody(m3Company.id), org.m1)).statusCode).toBe(404);
  });
});

describe("the list", () => {
  it("filters by stage, status, company and text, pages by keyset and sorts", async () => {
    const company = await newCompany(h, org.m2, { name: "ООО «Списочная»" });
    const made: Deal[] = [];
    for (let i = 0; i < 5; i++)
      made.push(
        await newDeal(h, org.m2, company.id, { title: `Лот номер ${i}`, amount: `${(i + 1) * 100}` }),
      );
    await moved(h, org.m2, made[0]!, "proposal");
    const get = async (q: string) =>
      (await h.get(`/api/v1/deals?${q}`, org.m2)).json() as { items: Deal[]; nextCursor: string | null };
    expect((await get(`companyId=${company.id}&stage=proposal`)).items.map((d) => d.id)).toEqual([
      made[0]!.id,
    ]);
    expect(
      (await get(`companyId=${company.id}&q=${encodeURIComponent("номер 3")}`)).items.map((d) => d.title),
    ).toEqual(["Лот номер 3"]);
    const first = await get(`companyId=${company.id}&limit=2&sort=-amount`);
    expect(first.items.map((d) => d.amount)).toEqual(["500.00", "400.00"]);
    const second = await get(
      `companyId=${company.id}&limit=2&sort=-amount&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.items.map((d) => d.amount)).toEqual(["300.00", "200.00"]);
    expect((await h.get("/api/v1/deals?sort=colour", org.m2)).statusCode).toBe(400);
  });
});
