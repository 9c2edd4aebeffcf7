import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness";
import { apiOperations } from "./operations";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("every private operation refuses an anonymous caller", () => {
  it("answers 401 problem+json, whatever the body", async () => {
    const ops = apiOperations(h.app).filter((op) => !op.public);
    expect(ops.length).toBeGreaterThan(10);
    for (const op of ops) {
      const res = await h.request(op.method, op.url, op.hasBody ? { body: { junk: true } } : {});
      expect({ op: `${op.method} ${op.path}`, status: res.statusCode }).toEqual({
        op: `${op.method} ${op.path}`,
        status: 401,
      });
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("answers 401 to an invalid bearer token and to a revoked-looking cookie", async () => {
    for (const op of apiOperations(h.app).filter((o) => !o.public && o.method === "GET")) {
      const bearer = await h.request("GET", op.url, { token: "acc_not-a-real-token" });
      expect(bearer.statusCode).toBe(401);
      const cookie = await h.request("GET", op.url, { cookie: "accord_session=forged" });
      expect(cookie.statusCode).toBe(401);
    }
  });
});
