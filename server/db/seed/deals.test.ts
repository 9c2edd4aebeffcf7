import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal, DealBoard, Forecast } from "../../../contracts/deals";
import { createHarness, type Harness } from "../../test/harness";
import { seedDeals } from "./deals";
import { seedDemo } from "./demo";

/** The demo deals: reproducible, valid for the API (cards, board, forecast), on both databases. */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx.database, h.ctx.workspaceId, { companies: 120, contactsPerCompany: 1, seed: 7 });
  await seedDeals(h.ctx.database, h.ctx.workspaceId, { deals: 600, seed: 7, batchSize: 250 });
});
afterAll(() => h.close());

describe("seedDeals", () => {
  it("writes the deals with their stage history, open ones with a next step, closed ones closed", async () => {
    const { rows } = await h.ctx.database.pool.query<{
      status: string;
      n: number;
      no_step: number;
      no_close: number;
    }>(
      `select status, count(*)::int as n,
              count(*) filter (where next_step is null)::int as no_step,
              count(*) filter (where closed_at is null)::int as no_close
       from deals group by status order by status`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r]));
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(600);
    expect(by.open!.n).toBeGreaterThan(250);
    expect(by.open!.no_step).toBe(0);
    expect(by.won!.no_close).toBe(0);
    expect(by.lost!.no_close).toBe(0);
    const orphans = await h.ctx.database.pool.query<{ n: number }>(
      `select count(*)::int as n from deals d
       where not exists (select 1 from deal_stage_changes c where c.deal_id = d.id and c.from_stage is null)
          or d.owner_id <> (select owner_id from companies where id = d.company_id)`,
    );
    expect(orphans.rows[0]!.n).toBe(0);
  });

  it("gives deals the API serves: the admin's board totals all of them, the forecast adds up", async () => {
    const admin = await h.userWith("admin");
    const board = (await h.get("/api/v1/deals/board?limit=5", admin)).json() as DealBoard;
    expect(board.columns.reduce((s, c) => s + c.count, 0)).toBe(600);
    const one = board.columns[0]!.items[0] as Deal;
    expect((await h.get(`/api/v1/deals/${one.id}`, admin)).statusCode).toBe(200);
    const year = new Date().getUTCFullYear();
    const res = await h.get(`/api/v1/deals/forecast?from=${year - 2}-01-01&to=${year + 1}-12-31`, admin);
    const f = res.json() as Forecast;
    expect(f.won.count + f.lost.count).toBe(
      board.columns.filter((c) => c.kind !== "open").reduce((s, c) => s + c.count, 0),
    );
  });
});
