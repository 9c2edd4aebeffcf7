import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Session } from "../test/harness";
import { apiOperations } from "./operations";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.userWith("admin");
});
afterAll(() => h.close());

const nasty: unknown[] = [
  "{not json",
  "[]",
  "null",
  '"string"',
  "12345",
  JSON.stringify({ name: "\u0000\u202e<script>alert(1)</script>' OR 1=1 --", email: "😀@😀", version: "1" }),
  JSON.stringify({ limit: -1, version: -5, ids: "x", lines: [{}], password: 1 }),
];

/** Row counts of every table, to prove a refused write changed nothing. */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await h.ctx.database.pool.query<{ t: string }>(
    "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const counts: Record<string, number> = {};
  for (const { t } of tables.rows) {
    if (t === "__drizzle_migrations" || t === "sessions") continue;
    const r = await h.ctx.database.pool.query<{ n: number }>(`select count(*)::int as n from "${t}"`);
    counts[t] = r.rows[0]!.n;
  }
  return counts;
}

describe("malformed input never reaches a 5xx", () => {
  it("every write operation answers 4xx problem+json to malformed and wrong-typed bodies, and writes nothing", async () => {
    const before = await tableCounts();
    const writes = apiOperations(h.app).filter((op) => op.method !== "GET" && op.hasBody && !op.multipart);
    expect(writes.length).toBeGreaterThan(5);
    for (const op of writes) {
      for (const body of nasty) {
        const res = await h.request(op.method, op.url, {
          cookie: admin.cookie,
          body: body as string,
          headers: { "content-type": "application/json" },
        });
        const where = `${op.method} ${op.path} ← ${String(body).slice(0, 40)}`;
        expect({ where, status: res.statusCode < 500 }).toEqual({ where, status: true });
        expect({ where, type: res.headers["content-type"] }).toMatchObject({
          where,
          type: expect.stringContaining("json"),
        });
      }
    }
    expect(await tableCounts()).toEqual(before);
  });

  it("a body over 1 MB is refused with 413", async () => {
    const big = JSON.stringify({ name: "x".repeat(1024 * 1024 + 10) });
    const res = await h.request("POST", "/api/v1/users", {
      cookie: admin.cookie,
      body: big,
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("too_large");
  });

  it("query strings with garbage never reach a 5xx", async () => {
    const reads = apiOperations(h.app).filter((op) => op.method === "GET");
    for (const op of reads) {
      for (const qs of [
        "?limit=abc",
        "?limit=100000",
        "?cursor=%00%ff",
        "?sort=;drop table users",
        "?q=%27%22%3C",
      ]) {
        const res = await h.request("GET", `${op.url}${qs}`, { cookie: admin.cookie });
        expect({ op: op.path, qs, ok: res.statusCode < 500 }).toEqual({ op: op.path, qs, ok: true });
      }
    }
  });
});
