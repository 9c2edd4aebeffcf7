import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Activity } from "../../../contracts/activities";
import { createHarness, type Harness } from "../../test/harness";
import { seedActivities } from "./activities";
import { seedDeals } from "./deals";
import { seedDemo } from "./demo";

/** The demo activities: reproducible, valid for the API (timelines, My day), on both databases. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx.database, h.ctx.workspaceId, { companies: 100, contactsPerCompany: 1, seed: 9 });
  await seedDeals(h.ctx.database, h.ctx.workspaceId, { deals: 60, seed: 9 });
  await seedActivities(h.ctx.database, h.ctx.workspaceId, { activities: 2000, seed: 9, batchSize: 700 });
});
afterAll(() => h.close());

describe("seedActivities", () => {
  it("writes done history and open work, each by the company's owner, deals only of the same company", async () => {
    const { rows } = await h.ctx.database.pool.query<{
      n: number;
      done: number;
      open_due: number;
      wrong_owner: number;
      wrong_deal: number;
      deal_linked: number;
      key_max: number;
    }>(
      `select count(*)::int as n,
              count(*) filter (where a.done_at is not null)::int as done,
              count(*) filter (where a.done_at is null and a.due_at is not null)::int as open_due,
              count(*) filter (where a.owner_id <> c.owner_id)::int as wrong_owner,
              count(*) filter (where a.deal_id is not null and d.company_id <> a.company_id)::int as wrong_deal,
              count(*) filter (where a.deal_id is not null)::int as deal_linked,
              (select max(k) from (select count(*) as k from activities group by company_id) x)::int as key_max
       from activities a join companies c on c.id = a.company_id left join deals d on d.id = a.deal_id`,
    );
    const r = rows[0]!;
    expect(r.n).toBe(2000);
    expect(r.done / r.n).toBeGreaterThan(0.85);
    expect(r.open_due).toBe(r.n - r.done);
    expect(r.wrong_owner).toBe(0);
    expect(r.wrong_deal).toBe(0);
    expect(r.deal_linked).toBeGreaterThan(0);
    expect(r.key_max).toBeGreaterThan(20);
  });

  it("gives timelines the API serves, newest first", async () => {
    const { rows } = await h.ctx.database.pool.query<{ company_id: string; n: number }>(
      "select company_id, count(*)::int as n from activities group by company_id order by n desc limit 1",
    );
    const admin = await h.userWith("admin");
    const res = await h.get(`/api/v1/activities?companyId=${rows[0]!.company_id}&limit=200`, admin);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Activity[];
    expect(items.length).toBe(Math.min(200, rows[0]!.n));
    const times = items.map((a) => Date.parse(a.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});
