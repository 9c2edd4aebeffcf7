import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal, DealBoard, Forecast } from "../../../contracts/deals";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { firstReason, inDays, moved, newDeal } from "./deals.fixtures";

/**
 * The board and the forecast on a small data set whose numbers are worked out by hand below.
 * Head's team: m1 and m2; m3 is in another team.
 *
 *   deal  owner stage (path)                     amount      prob  expected close
 *   A     m1    new                              100000.00   10    month +2
 *   B     m1    new → proposal (skips needs)      50000.50   40    month +2
 *   C     m1    new → negotiation                 30000.00   60    month +3
 *   W     m1    new → needs → won (75000.00)      70000.00  100    —   created 10 days ago
 *   L     m1    new → lost                        20000.00    0    —
 *   E     m2    new → contract                    10000.00   80    month +3
 *   F     m2    new                               (none)     10    month +3
 *   G     m3    new                              999999.00   10    month +2
 */
let h: Harness;
let org: Org;
const d: Record<string, Deal> = {};
const monthDate = (offset: number, day: number) => {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, day));
  return first.toISOString().slice(0, 10);
};
const M2 = monthDate(2, 1);
const M3 = monthDate(3, 15);
const thisMonth = new Date().toISOString().slice(0, 7);
const period = `from=${inDays(-30)}&to=${inDays(400)}`;

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  const c1 = (await newCompany(h, org.m1, { name: "ООО «Первая»" })).id;
  const c2 = (await newCompany(h, org.m2, { name: "ООО «Вторая»" })).id;
  const c3 = (await newCompany(h, org.m3, { name: "ООО «Третья»" })).id;
  const make = (as: Session, company: string, title: string, amount: string | null, close?: string) =>
    newDeal(h, as, company, { title, amount, expectedCloseDate: close ?? null });
  d.A = await make(org.m1, c1, "A", "100000.00", M2);
  d.B = await moved(h, org.m1, await make(org.m1, c1, "B", "50000.50", M2), "proposal");
  d.C = await moved(h, org.m1, await make(org.m1, c1, "C", "30000.00", M3), "negotiation");
  const w = await moved(h, org.m1, await make(org.m1, c1, "W", "70000.00"), "needs");
  d.W = await moved(h, org.m1, w, "won", { amount: "75000.00" });
  d.L = await moved(h, org.m1, await make(org.m1, c1, "L", "20000.00"), "lost", {
    lostReasonId: await firstReason(h, org.m1),
  });
  d.E = await moved(h, org.m2, await make(org.m2, c2, "E", "10000.00", M3), "contract");
  d.F = await make(org.m2, c2, "F", null, M3);
  d.G = await make(org.m3, c3, "G", "999999.00", M2);
  // W took ten days from creation to winning.
  await h.ctx.db.execute(
    sql`update deals set created_at = closed_at - interval '10 days' where id = ${d.W.id}`,
  );
});
afterAll(() => h.close());

const forecast = async (as: Session, extra = "") => {
  const res = await h.get(`/api/v1/deals/forecast?${period}${extra}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Forecast;
};

const board = async (as: Session, q = "") => {
  const res = await h.get(`/api/v1/deals/board?${q}`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as DealBoard;
};
const column = (b: DealBoard, stage: string) => b.columns.find((c) => c.stage === stage)!;

describe("the forecast", () => {
  it("gives the head the team's weighted pipeline, won/lost, conversion and cycle, as worked out by hand", async () => {
    const f = await forecast(org.head);
    expect(f.byMonth).toEqual([
      { month: M2.slice(0, 7), count: 2, amount: "150000.50", weighted: "30000.20" },
      { month: M3.slice(0, 7), count: 3, amount: "40000.00", weighted: "26000.00" },
    ]);
    expect(
      f.byOwner.map(({ ownerId, count, amount, weighted }) => ({ ownerId, count, amount, weighted })),
    ).toEqual([
      { ownerId: org.m1.user.id, count: 3, amount: "180000.50", weighted: "48000.20" },
      { ownerId: org.m2.user.id, count: 2, amount: "10000.00", weighted: "8000.00" },
    ]);
    expect(f.won).toEqual({ count: 1, amount: "75000.00" });
    expect(f.lost).toEqual({ count: 1, amount: "20000.00" });
    expect(f.closedByMonth).toEqual([
      { month: thisMonth, wonCount: 1, wonAmount: "75000.00", lostCount: 1, lostAmount: "20000.00" },
    ]);
    // Reached (furthest stage): A 0, B 2, C 3, W 5, L 0, E 4, F 0 → 7, 4, 4, 3, 2, 1.
    expect(f.conversion.map((c) => [c.stage, c.reached, c.toNext, c.rate])).toEqual([
      ["new", 7, 4, 0.5714],
      ["needs", 4, 4, 1],
      ["proposal", 4, 3, 0.75],
      ["negotiation", 3, 2, 0.6667],
      ["contract", 2, 1, 0.5],
      ["won", 1, null, null],
    ]);
    expect(f.cycle).toEqual({ count: 1, averageDays: 10 });
  });

  it("gives a manager only their own, and the admin everyone's", async () => {
    const mine = await forecast(org.m2);
    expect(mine.byMonth).toEqual([
      { month: M3.slice(0, 7), count: 2, amount: "10000.00", weighted: "8000.00" },
    ]);
    expect(mine.won.count).toBe(0);
    const all = await forecast(org.admin);
    expect(all.byMonth[0]).toEqual({
      month: M2.slice(0, 7),
      count: 3,
      amount: "1149999.50",
      weighted: "130000.10",
    });
    expect(all.byOwner.map((o) => o.ownerId)).toContain(org.m3.user.id);
  });

  it("filters by owner within the reach only, and refuses a department user", async () => {
    const m1Only = await forecast(org.head, `&ownerId=${org.m1.user.id}`);
    expect(m1Only.byOwner.map((o) => o.ownerId)).toEqual([org.m1.user.id]);
    const outside = await forecast(org.head, `&ownerId=${org.m3.user.id}`);
    expect(outside.byMonth).toEqual([]);
    expect((await h.get(`/api/v1/deals/forecast?${period}`, org.dept)).statusCode).toBe(403);
    expect((await h.get("/api/v1/deals/forecast", org.head)).statusCode).toBe(400);
  });
});

describe("the board", () => {
  it("totals every column of the team: count, sum and weighted sum", async () => {
    const b = await board(org.head);
    expect(b.columns.map((c) => c.stage)).toEqual([
      "new",
      "needs",
      "proposal",
      "negotiation",
      "contract",
      "won",
      "lost",
    ]);
    expect(column(b, "new")).toMatchObject({ count: 2, sum: "100000.00", weighted: "10000.00" });
    expect(column(b, "proposal")).toMatchObject({ count: 1, sum: "50000.50", weighted: "20000.20" });
    expect(column(b, "won")).toMatchObject({ count: 1, sum: "75000.00", weighted: "75000.00" });
    expect(column(b, "lost")).toMatchObject({ count: 1, sum: "20000.00", weighted: "0.00" });
    expect(column(b, "needs")).toMatchObject({ count: 0, sum: "0.00", items: [] });
  });

  it("filters by owner and by expected close period", async () => {
    const m1 = await board(org.head, `ownerId=${org.m1.user.id}`);
    expect(column(m1, "new").items.map((x) => x.title)).toEqual(["A"]);
    const later = await board(org.head, `from=${monthDate(3, 1)}&to=${monthDate(3, 28)}`);
    expect(column(later, "new").items.map((x) => x.title)).toEqual(["F"]);
    expect(column(later, "proposal").count).toBe(0);
    const m3 = await board(org.m3);
    expect(column(m3, "new").items.map((x) => x.title)).toEqual(["G"]);
  });

  it("pages one column with its cursor ('more')", async () => {
    const first = await board(org.head, "limit=1");
    const col = column(first, "new");
    expect(col.items).toHaveLength(1);
    expect(col.nextCursor).not.toBeNull();
    const more = await board(org.head, `limit=1&stage=new&cursor=${encodeURIComponent(col.nextCursor!)}`);
    expect(more.columns).toHaveLength(1);
    expect(more.columns[0]!.items).toHaveLength(1);
    expect(more.columns[0]!.items[0]!.id).not.toBe(col.items[0]!.id);
    expect(more.columns[0]!.nextCursor).toBeNull();
  });
});

describe("stage conversion after the stages are reordered", () => {
  it("recounts each deal's furthest stage in the new order, from its history", async () => {
    const pipeline = (await h.get(`/api/v1/pipelines/${d.A!.pipelineId}`, org.admin)).json();
    const swap = (stages: { key: string }[]) => {
      const i = stages.findIndex((s) => s.key === "needs");
      const out = [...stages];
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      return out;
    };
    const put = async (stages: unknown, version: number) => {
      const res = await h.patch(`/api/v1/pipelines/${pipeline.id}`, { stages, version }, org.admin);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const swapped = await put(swap(pipeline.stages), pipeline.version);
    // New order new, proposal, needs, …: B's proposal is now step 1 and W's needs step 2, so
    // tops are A 0, B 1, C 3, W 5, L 0, E 4, F 0 → 7, 4, 3, 3, 2, 1.
    const f = await forecast(org.head);
    expect(f.conversion.map((c) => [c.stage, c.reached])).toEqual([
      ["new", 7],
      ["proposal", 4],
      ["needs", 3],
      ["negotiation", 3],
      ["contract", 2],
      ["won", 1],
    ]);
    await put(pipeline.stages, swapped.version);
    expect((await forecast(org.head)).conversion.map((c) => c.reached)).toEqual([7, 4, 4, 3, 2, 1]);
  });
});

describe("currencies", () => {
  it("never adds up amounts in different currencies: the report is of one, RUB unless asked", async () => {
    const before = await forecast(org.head);
    expect(before).toMatchObject({ currency: "RUB", currencies: ["RUB"] });
    const company = (await newCompany(h, org.m1, { name: "Trading Ltd" })).id;
    const usd = await newDeal(h, org.m1, company, {
      title: "USD",
      amount: "5000.00",
      currency: "USD",
      expectedCloseDate: M2,
    });
    await moved(h, org.m1, usd, "proposal");

    const rub = await forecast(org.head);
    expect(rub).toEqual({ ...before, currencies: ["RUB", "USD"] });
    const dollars = await forecast(org.head, "&currency=USD");
    expect(dollars).toMatchObject({
      currency: "USD",
      currencies: ["RUB", "USD"],
      byMonth: [{ month: M2.slice(0, 7), count: 1, amount: "5000.00" }],
      byOwner: [{ ownerId: org.m1.user.id, count: 1, amount: "5000.00" }],
      won: { count: 0, amount: "0.00" },
    });
    expect(dollars.conversion.map((c) => c.reached)).toEqual([1, 1, 1, 0, 0, 0]);
    // The board's column counts the dollar deal, and sums it apart from the roubles.
    expect(column(await board(org.head), "proposal")).toMatchObject({
      count: 2,
      sum: "50000.50",
      weighted: "20000.20",
      otherCurrencies: [{ currency: "USD", sum: "5000.00", weighted: "2000.00" }],
    });
    // Asked for a currency nobody uses: an empty report, not another currency's figures.
    expect((await forecast(org.head, "&currency=EUR")).byMonth).toEqual([]);
    const bad = await h.get(`/api/v1/deals/forecast?${period}&currency=usd`, org.head);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("querystring.currency");
  });
});
