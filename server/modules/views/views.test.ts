import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Session } from "../../test/harness";

let h: Harness;
let manager: Session;
let other: Session;
let dept: Session;
beforeAll(async () => {
  h = await createHarness();
  manager = await h.userWith("manager");
  other = await h.userWith("manager");
  dept = await h.userWith("department");
});
afterAll(() => h.close());

const view = {
  entity: "companies",
  name: "Мои VIP без контакта",
  query: { tag: "vip", noContactSince: "2026-01-01", sort: "-lastContactAt", q: "ООО & Ко" },
  columns: ["name", "inn", "lastContactAt"],
};

describe("saved views", () => {
  it("keep a list's query, sort and columns per user and per list", async () => {
    const res = await h.post("/api/v1/views", view, manager);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject(view);
    await h.post("/api/v1/views", { entity: "contacts", name: "Все", query: {} }, manager);
    const companies = (await h.get("/api/v1/views?entity=companies", manager)).json().items;
    expect(companies).toEqual([expect.objectContaining({ ...view, id: res.json().id })]);
    expect((await h.get("/api/v1/views", manager)).json().items).toHaveLength(2);
    expect((await h.get("/api/v1/views", other)).json().items).toEqual([]);
  });

  it("are removed by their owner only; someone else's view does not exist for them", async () => {
    const created = (await h.post("/api/v1/views", { ...view, name: "Удаляемый" }, manager)).json();
    expect((await h.del(`/api/v1/views/${created.id}`, other)).statusCode).toBe(404);
    expect((await h.del(`/api/v1/views/${created.id}`, manager)).json()).toEqual({ ok: true });
    expect((await h.del(`/api/v1/views/${created.id}`, manager)).statusCode).toBe(404);
    const names = (await h.get("/api/v1/views", manager)).json().items.map((v: { name: string }) => v.name);
    expect(names).not.toContain("Удаляемый");
  });

  it("are available to every role, and validated", async () => {
    expect((await h.post("/api/v1/views", { ...view, entity: "contacts" }, dept)).statusCode).toBe(201);
    expect((await h.post("/api/v1/views", { ...view, entity: "deals-2" }, manager)).statusCode).toBe(400);
    expect((await h.post("/api/v1/views", { ...view, name: "" }, manager)).statusCode).toBe(400);
    expect((await h.get("/api/v1/views")).statusCode).toBe(401);
  });
});
