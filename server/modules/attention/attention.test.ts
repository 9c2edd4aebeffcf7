import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AttentionItem } from "../../../contracts/attention";
import type { Company } from "../../../contracts/companies";
import { uuidv7 } from "../../../core/uuid";
import { companies, deals } from "../../db/schema/index";
import { createHarness, type Harness, type Session } from "../../test/harness";
import { allPages, makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { alertNewlyOverdue } from "./attention.service";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

/** A company whose last contact was `days` ago (null: never contacted, created `created` days ago). */
async function client(
  as: Session,
  name: string,
  days: number | null,
  extra: Record<string, unknown> = {},
  created = 0,
) {
  const c = await newCompany(h, as, { name, status: "client", ...extra });
  await h.ctx.db
    .update(companies)
    .set({
      lastContactAt: days === null ? null : sql`now() - make_interval(days => ${days})`,
      createdAt: sql`now() - make_interval(days => ${created})`,
    } as never)
    .where(eq(companies.id, c.id));
  return c;
}

async function openDeal(company: Company, owner: Session, amount: string, status: "open" | "won" = "open") {
  await h.ctx.db.insert(deals).values({
    id: uuidv7(),
    workspaceId: h.ctx.workspaceId,
    pipelineId: uuidv7(),
    stage: status,
    status,
    title: `Сделка ${amount}`,
    companyId: company.id,
    ownerId: owner.user.id,
    amount,
  });
}

const names = (items: AttentionItem[]) => items.map((i) => i.name);

describe("Needs attention", () => {
  it("lists overdue clients by how overdue, then by open deals, within the caller's reach", async () => {
    const a = await client(o.m1, "А: 40 дней, мелкий", 40);
    const b = await client(o.m1, "Б: 40 дней, крупный", 40);
    await client(o.m1, "В: 10 дней", 10);
    const never = await client(o.m1, "Г: без контакта, создан 50 дней назад", null, {}, 50);
    await client(o.m1, "Д: перспективный 20 дней", 20, { status: "prospect" });
    await client(o.m1, "Е: бывший 400 дней", 400, { status: "former" });
    const other = await client(o.m3, "Ж: чужой 90 дней", 90);
    await openDeal(a, o.m1, "1000.00");
    await openDeal(b, o.m1, "250000.50");
    await openDeal(b, o.m1, "100.25");
    await openDeal(a, o.m1, "999999.00", "won");

    const mine = await allPages<AttentionItem>(h, o.m1, "/api/v1/attention?limit=2");
    expect(names(mine)).toEqual([
      "Г: без контакта, создан 50 дней назад",
      "Б: 40 дней, крупный",
      "А: 40 дней, мелкий",
      "Д: перспективный 20 дней",
    ]);
    const first = mine[0]!;
    expect(first).toMatchObject({
      id: never.id,
      lastContactAt: null,
      daysSinceContact: 50,
      targetDays: 30,
      overdueDays: 20,
    });
    expect(first.overdueWorkingDays).toBeGreaterThan(0);
    expect(first.overdueWorkingDays).toBeLessThanOrEqual(20);
    expect(mine[1]).toMatchObject({ openDealsAmount: "250100.75", daysSinceContact: 40, overdueDays: 10 });
    expect(mine[2]!.openDealsAmount).toBe("1000.00");
    expect(mine[3]).toMatchObject({ targetDays: 14, overdueDays: 6 });

    // A manager sees only own clients; the other team's head sees theirs; an admin may filter by owner.
    expect(names((await h.get("/api/v1/attention", o.m2)).json().items)).toEqual([]);
    expect(names((await h.get("/api/v1/attention", o.otherHead)).json().items)).toEqual(["Ж: чужой 90 дней"]);
    expect((await h.get("/api/v1/attention", o.head)).json().items).toHaveLength(4);
    expect((await h.get(`/api/v1/attention?ownerId=${o.m3.user.id}`, o.m1)).json().items).toEqual([]);
    expect(names((await h.get(`/api/v1/attention?ownerId=${o.m3.user.id}`, o.admin)).json().items)).toEqual([
      other.name,
    ]);
    expect((await h.get("/api/v1/attention", o.dept)).statusCode).toBe(403);
    expect((await h.get("/api/v1/attention?cursor=garbage", o.m1)).statusCode).toBe(400);
  });

  it("follows the targets: defaults by status and segment, a company's own, set by whom may", async () => {
    const seg = await client(o.m2, "З: ключевой сегмент 12 дней", 12, { segment: "Ключевые" });
    expect((await h.get("/api/v1/attention", o.m2)).json().items).toEqual([]);
    const targets = (await h.get("/api/v1/attention/targets", o.m2)).json();
    expect(targets.byStatus).toContainEqual({ status: "client", days: 30 });
    const body = { byStatus: targets.byStatus, bySegment: [{ segment: "Ключевые", days: 7 }] };
    expect(
      (await h.request("PUT", "/api/v1/attention/targets", { body, cookie: o.head.cookie })).statusCode,
    ).toBe(403);
    const put = await h.request("PUT", "/api/v1/attention/targets", { body, cookie: o.admin.cookie });
    expect(put.statusCode, put.body).toBe(200);
    expect((await h.get("/api/v1/attention", o.m2)).json().items).toMatchObject([
      { id: seg.id, targetDays: 7, overdueDays: 5 },
    ]);

    // The company's own target wins; the card shows it with the contact clock.
    const url = `/api/v1/companies/${seg.id}/contact-target`;
    expect((await h.request("PUT", url, { body: { days: 60 }, cookie: o.m1.cookie })).statusCode).toBe(404);
    const own = await h.request("PUT", url, { body: { days: 60 }, cookie: o.m2.cookie });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      days: 60,
      source: "company",
      overrideDays: 60,
      daysSinceContact: 12,
      overdueDays: 0,
    });
    expect((await h.get("/api/v1/attention", o.m2)).json().items).toEqual([]);
    expect((await h.request("PUT", url, { body: { days: 0 }, cookie: o.m2.cookie })).statusCode).toBe(400);
    const cleared = await h.request("PUT", url, { body: { days: null }, cookie: o.m2.cookie });
    expect(cleared.json()).toMatchObject({ days: 7, source: "segment", overdueDays: 5 });
    expect((await h.get(url, o.m3)).statusCode).toBe(404);
  });

  it("alerts each owner once about newly overdue clients", async () => {
    const first = await alertNewlyOverdue(h.ctx.db, h.ctx.workspaceId);
    expect(first).toBeGreaterThanOrEqual(5);
    expect(await alertNewlyOverdue(h.ctx.db, h.ctx.workspaceId)).toBe(0);
    const bell = (await h.get("/api/v1/notifications?limit=50", o.m1)).json().items as { title: string }[];
    const toM1 = bell.filter((n) => n.title.includes("клиентов давно без контакта"));
    expect(toM1).toHaveLength(1);
    // A new overdue client is announced on the next run, alone.
    await client(o.m1, "И: новый просроченный", 31);
    expect(await alertNewlyOverdue(h.ctx.db, h.ctx.workspaceId)).toBe(1);
  });
});
