import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Deal, Pipeline } from "../../../contracts/deals";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, type Org } from "../companies/companies.fixtures";
import { defaultPipeline, moved, newDeal } from "./deals.fixtures";

/** The admin's settings (pipelines, lost reasons, competitors), deals as company children, search. */
let h: Harness;
let org: Org;
beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
});
afterAll(() => h.close());

const stages = [
  { key: "lead", name: "Заявка", probability: 10, kind: "open" },
  { key: "offer", name: "Оферта", probability: 50, kind: "open" },
  { key: "won", name: "Выиграна", probability: 100, kind: "won" },
  { key: "lost", name: "Проиграна", probability: 0, kind: "lost" },
];

describe("pipelines", () => {
  let pipeline: Pipeline;
  let deal: Deal;
  beforeAll(async () => {
    const res = await h.post("/api/v1/pipelines", { name: "Тендеры", stages }, org.admin);
    expect(res.statusCode, res.body).toBe(201);
    pipeline = res.json();
    const company = await newCompany(h, org.m1, { name: "ООО «Тендерная»" });
    deal = await newDeal(h, org.m1, company.id, { pipelineId: pipeline.id, stage: "offer", amount: "1000" });
    expect(deal).toMatchObject({ stage: "offer", probability: 50 });
  });

  it("an admin renames, reorders, re-weights and adds stages; the deals follow the probability", async () => {
    const next = [
      { ...stages[1]!, name: "Коммерческое предложение", probability: 55 },
      stages[0]!,
      { key: "tender", name: "Конкурс", probability: 70, kind: "open" },
      stages[2]!,
      stages[3]!,
    ];
    const res = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: pipeline.version, stages: next },
      org.admin,
    );
    expect(res.statusCode, res.body).toBe(200);
    pipeline = res.json();
    expect(pipeline.stages.map((s) => s.key)).toEqual(["offer", "lead", "tender", "won", "lost"]);
    const card = (await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json() as Deal;
    expect(card).toMatchObject({ probability: 55, stageName: "Коммерческое предложение" });
  });

  it("a stage with deals cannot be removed (422); an empty one can", async () => {
    const withoutOffer = pipeline.stages.filter((s) => s.key !== "offer");
    const refused = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: pipeline.version, stages: withoutOffer },
      org.admin,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe("pipeline_stage_in_use");
    const withoutTender = pipeline.stages.filter((s) => s.key !== "tender");
    const ok = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: pipeline.version, stages: withoutTender },
      org.admin,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    pipeline = ok.json();
  });

  it("refuses stages without exactly one won and one lost (422), a stale version (409), a manager (403)", async () => {
    const bad = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: pipeline.version, stages: stages.filter((s) => s.kind !== "lost") },
      org.admin,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("pipeline_stages_invalid");
    const stale = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: 1, name: "Старое" },
      org.admin,
    );
    expect(stale.statusCode).toBe(409);
    const manager = await h.patch(
      `/api/v1/pipelines/${pipeline.id}`,
      { version: pipeline.version, name: "x" },
      org.m1,
    );
    expect(manager.statusCode).toBe(403);
    expect((await h.post("/api/v1/pipelines", { name: "Моя", stages }, org.head)).statusCode).toBe(403);
    expect((await h.get("/api/v1/pipelines", org.m1)).statusCode).toBe(200);
  });

  it("a pipeline with deals, or the default one, cannot be deleted; an empty one can", async () => {
    expect((await h.del(`/api/v1/pipelines/${pipeline.id}`, org.admin)).statusCode).toBe(422);
    const main = await defaultPipeline(h, org.admin);
    expect((await h.del(`/api/v1/pipelines/${main.id}`, org.admin)).statusCode).toBe(422);
    const empty = (
      await h.post("/api/v1/pipelines", { name: "Пустая", stages }, org.admin)
    ).json() as Pipeline;
    expect((await h.del(`/api/v1/pipelines/${empty.id}`, org.admin)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/pipelines/${empty.id}`, org.admin)).statusCode).toBe(404);
  });
});

describe("lost reasons and competitors", () => {
  it("an admin adds and retires reasons; a retired reason no longer closes a deal", async () => {
    const created = await h.post("/api/v1/lost-reasons", { name: "Ушли к партнёру" }, org.admin);
    expect(created.statusCode, created.body).toBe(201);
    expect((await h.post("/api/v1/lost-reasons", { name: "Моя причина" }, org.m1)).statusCode).toBe(403);
    const id = created.json().id as string;
    expect((await h.del(`/api/v1/lost-reasons/${id}`, org.admin)).json().active).toBe(false);
    const active = (await h.get("/api/v1/lost-reasons", org.m1)).json() as { items: { id: string }[] };
    expect(active.items.map((r) => r.id)).not.toContain(id);
    const company = await newCompany(h, org.m1, { name: "ООО «Причинная»" });
    const deal = await newDeal(h, org.m1, company.id);
    const res = await h.post(
      `/api/v1/deals/${deal.id}/move`,
      { stage: "lost", version: deal.version, lostReasonId: id },
      org.m1,
    );
    expect(res.statusCode).toBe(422);
  });

  it("a competitor's INN is checked (400 naming the field), optional, and competitors are listed by name", async () => {
    const bad = await h.post(
      "/api/v1/competitors",
      { name: "ООО «Кривой ИНН»", inn: "7707083890" },
      org.admin,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: "inn", message: "ИНН не проходит проверку контрольной суммы" },
    ]);
    for (const name of ["ООО «Ясень»", "ООО «Берёза»"])
      expect((await h.post("/api/v1/competitors", { name }, org.admin)).statusCode).toBe(201);
    const list = (await h.get("/api/v1/competitors?limit=1", org.m1)).json() as {
      items: { name: string }[];
      nextCursor: string;
    };
    expect(list.items.map((c) => c.name)).toEqual(["ООО «Берёза»"]);
    const next = await h.get(
      `/api/v1/competitors?limit=1&cursor=${encodeURIComponent(list.nextCursor)}`,
      org.m1,
    );
    expect(next.json().items.map((c: { name: string }) => c.name)).toEqual(["ООО «Ясень»"]);
    expect((await h.post("/api/v1/competitors", { name: "Мой" }, org.m1)).statusCode).toBe(403);
  });
});

describe("deals belong to their company", () => {
  it("go with a deleted company and come back with its restore", async () => {
    const company = await newCompany(h, org.m1, { name: "ООО «Удаляемая»" });
    const deal = await newDeal(h, org.m1, company.id);
    expect((await h.del(`/api/v1/companies/${company.id}`, org.m1)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).statusCode).toBe(404);
    expect((await h.post(`/api/v1/companies/${company.id}/restore`, {}, org.admin)).statusCode).toBe(200);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json().deletedAt).toBeNull();
  });

  it("a transfer hands the open deals to the new owner; won ones stay with who won them", async () => {
    const company = await newCompany(h, org.m1, { name: "ООО «Передаваемая»" });
    const open = await newDeal(h, org.m1, company.id);
    const won = await moved(h, org.m1, await newDeal(h, org.m1, company.id, { amount: "10" }), "won");
    const res = await h.post(
      "/api/v1/companies/transfer",
      { ids: [company.id], ownerId: org.m2.user.id },
      org.head,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await h.get(`/api/v1/deals/${open.id}`, org.m2)).json().ownerId).toBe(org.m2.user.id);
    expect((await h.get(`/api/v1/deals/${won.id}`, org.m1)).json().ownerId).toBe(org.m1.user.id);
  });

  it("a merge moves the deals to the target company", async () => {
    const target = await newCompany(h, org.m1, { name: "ООО «Цель»" });
    const source = await newCompany(h, org.m1, { name: "ООО «Источник»" });
    const deal = await newDeal(h, org.m1, source.id);
    const res = await h.post(
      "/api/v1/companies/merge",
      { targetId: target.id, sourceIds: [source.id] },
      org.m1,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await h.get(`/api/v1/deals/${deal.id}`, org.m1)).json()).toMatchObject({
      companyId: target.id,
      companyName: "ООО «Цель»",
    });
    const list = (await h.get(`/api/v1/deals?companyId=${target.id}`, org.m1)).json() as { items: Deal[] };
    expect(list.items.map((d) => d.id)).toContain(deal.id);
  });
});

describe("the search box", () => {
  it("finds a deal by a part of its title or a typo, for whoever sees the deal only", async () => {
    const company = await newCompany(h, org.m1, { name: "ООО «Искомая»" });
    const deal = await newDeal(h, org.m1, company.id, { title: "Модернизация котельной" });
    const ids = async (as: typeof org.m1, q: string) =>
      (
        (await h.get(`/api/v1/search?q=${encodeURIComponent(q)}`, as)).json() as {
          items: { id: string; type: string }[];
        }
      ).items
        .filter((i) => i.type === "deal")
        .map((i) => i.id);
    expect(await ids(org.m1, "котельн")).toEqual([deal.id]);
    expect(await ids(org.m1, "модернезация")).toEqual([deal.id]);
    expect(await ids(org.head, "котельн")).toEqual([deal.id]);
    expect(await ids(org.m2, "котельн")).toEqual([]);
    expect(await ids(org.m3, "котельн")).toEqual([]);
  });
});
