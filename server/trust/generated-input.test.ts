import { rmSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness";
import { keepSignedIn, makeWorld, rowFor, send, snapshot, type World } from "./fixtures";
import { mutateBody } from "./generated-values";
import { readOnly } from "./oracle";
import { routeMap } from "./route-map";

/**
 * Bad input, generated: every JSON write of the route map gets its valid minimal request bent by
 * fast-check — a field replaced by a wrong type, an oversized, NUL-, RTL-, emoji-, SQL- or
 * HTML-laden string, a field dropped, an unknown one added — and sent by the admin, who may do
 * everything, so each answer comes from validation or the domain rules, not from the permission
 * table. Whatever the input: never a 5xx; a 4xx is problem+json and leaves every table and stored
 * file as it was. FC_RUNS sets the runs per operation (default 6; FC_SEED replays a failure).
 */
const RUNS = Number(process.env.FC_RUNS ?? 6);
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await makeWorld(h);
});
afterAll(async () => {
  await h.close();
  rmSync(w.dataDir, { recursive: true, force: true });
});

type Method = "POST" | "PUT" | "PATCH" | "DELETE";
/** JSON writes: multipart uploads are covered by the import and template tests (content, not name). */
const writes = Object.entries(routeMap).filter(([k, e]) => {
  const method = k.split(" ")[0]!;
  if (method === "GET" || e.kind === "public") return false;
  return !(e.kind === "table" && readOnly(e.action));
});

let serial = 0;
/** Answers by class, to show the generator reached both validation and the domain. */
const seen: Record<string, number> = {};

describe("generated bad input to every JSON write", () => {
  it("covers the writes of the route map", () => {
    expect(writes.length).toBeGreaterThan(50);
  });

  it.each(writes)("%s", { timeout: 120_000 }, async (k, entry) => {
    if (entry.kind === "public") return;
    const method = k.split(" ")[0] as Method;
    const admin = w.actors.find((a) => a.name === "admin")!;
    let row = await rowFor(h, w, entry);
    const valid = entry.call({ w, row, who: admin, n: ++serial });
    if (valid.multipart || valid.body === undefined || valid.body === null || typeof valid.body !== "object")
      return;
    let state = await snapshot(h, w, "before");
    await fc.assert(
      fc.asyncProperty(mutateBody(valid.body as Record<string, unknown>), async (body) => {
        const call = { ...entry.call({ w, row, who: admin, n: ++serial }), body };
        const res = await send(h, method, admin, call);
        const where = `${k} ← ${JSON.stringify(body).slice(0, 200)}`;
        const cls = `${Math.floor(res.statusCode / 100)}xx`;
        seen[cls] = (seen[cls] ?? 0) + 1;
        seen[res.statusCode] = (seen[res.statusCode] ?? 0) + 1;
        expect({ where, status: res.statusCode, fiveHundred: res.statusCode >= 500 }).toMatchObject({
          where,
          fiveHundred: false,
        });
        if (res.statusCode >= 400) {
          expect({ where, type: res.headers["content-type"] }).toEqual({
            where,
            type: expect.stringContaining("application/problem+json"),
          });
          expect({ where, state: await snapshot(h, w, "after") }).toEqual({ where, state });
        } else {
          // The bent request was still valid and went through: use a fresh row from now on.
          if (entry.kind === "self") await keepSignedIn(h, w);
          row = await rowFor(h, w, entry);
        }
        state = await snapshot(h, w, "before");
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it("reached both refusals and bent requests that were still valid", () => {
    console.log("generated input, answers:", JSON.stringify(seen));
    expect(seen["4xx"] ?? 0).toBeGreaterThan(writes.length);
    expect(seen["2xx"] ?? 0).toBeGreaterThan(0);
  });
});
