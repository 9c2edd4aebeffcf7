import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Session } from "../test/harness";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.userWith("admin");
});
afterAll(() => h.close());

describe("optimistic locking under contention", () => {
  it("50 concurrent read-modify-write updaters lose no acknowledged update", async () => {
    const created = await h.post("/api/v1/companies", { name: "ООО «Конкурент»", notes: "" }, admin);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    let conflicts = 0;
    const acknowledged: string[] = [];
    const updater = async (n: number) => {
      const mark = `u${n};`;
      for (let attempt = 0; attempt < 200; attempt++) {
        const current = (await h.get(`/api/v1/companies/${id}`, admin)).json();
        const res = await h.patch(
          `/api/v1/companies/${id}`,
          { version: current.version, notes: `${current.notes ?? ""}${mark}` },
          admin,
        );
        if (res.statusCode === 200) {
          acknowledged.push(mark);
          return;
        }
        expect(res.statusCode).toBe(409);
        expect(res.json().currentVersion).toBeGreaterThan(current.version - 1);
        conflicts++;
      }
      throw new Error(`updater ${n} never got through`);
    };
    await Promise.all(Array.from({ length: 50 }, (_, n) => updater(n)));
    const final = (await h.get(`/api/v1/companies/${id}`, admin)).json();
    expect(acknowledged).toHaveLength(50);
    for (const mark of acknowledged) expect(final.notes).toContain(mark);
    expect(final.version).toBe(51);
    // Contention really happened, or the test proves nothing.
    expect(conflicts).toBeGreaterThan(0);
  });
});
