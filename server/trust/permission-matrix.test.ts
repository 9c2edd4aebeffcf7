import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness";
import { keepSignedIn, makeWorld, rowFor, send, snapshot, type World } from "./fixtures";
import { apiOperations, type Operation } from "./operations";
import { expected, readOnly } from "./oracle";
import { routeMap } from "./route-map";

/**
 * The permission matrix: every operation of the OpenAPI document × every kind of caller, each
 * answer checked against the permission table (server/platform/permissions.ts) and the caller's
 * relation to the row's owner. Allowed → a success; anonymous → 401; a role without the action
 * (or a read-only token writing) → 403; a row outside the reach → 404, and a list shows A1's rows
 * exactly when they are within the reach. A refused write changes no table and stores no file.
 */
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

const key = (op: Pick<Operation, "method" | "path">) => `${op.method} ${op.path}`;
const methodOf = (k: string) => k.split(" ")[0] as Operation["method"];

describe("the route map", () => {
  it("classifies every operation of the OpenAPI document, and only those", () => {
    const served = apiOperations(h.app).map(key);
    const unclassified = served.filter((k) => !(k in routeMap));
    const stale = Object.keys(routeMap).filter((k) => !served.includes(k));
    expect(unclassified, `classify these operations in server/trust/route-map.ts`).toEqual([]);
    expect(stale, "these route-map entries name no served operation").toEqual([]);
  });

  it("agrees with operations.ts on what is public", () => {
    for (const op of apiOperations(h.app)) {
      const entry = routeMap[key(op)];
      if (entry)
        expect({ op: key(op), public: entry.kind === "public" }).toEqual({ op: key(op), public: op.public });
    }
  });
});

let serial = 0;
const walked = Object.entries(routeMap).filter(([, e]) => e.kind !== "public");

describe("every operation × every actor answers as the permission table says", () => {
  it.each(walked)("%s", async (k, entry) => {
    if (entry.kind === "public") return;
    const method = methodOf(k);
    // A POST that only reads (the duplicate check) changes nothing either way.
    const write = method !== "GET" && !(entry.kind === "table" && readOnly(entry.action));
    for (const who of w.actors) {
      const row = await rowFor(h, w, entry);
      const want = expected(entry, who, w, row?.owner ?? null);
      const call = entry.call({ w, row, who, n: ++serial });
      const before = write && want.status !== "allow" ? await snapshot(h, w, "before") : null;
      const res = await send(h, method, who, call);
      const where = `${k} as ${who.name}`;
      if (want.status === "allow") {
        const ok = entry.kind === "table" && entry.ok ? [entry.ok] : [200, 201];
        expect
          .soft({ where, status: res.statusCode, ok: ok.includes(res.statusCode) }, res.body.slice(0, 300))
          .toEqual({
            where,
            status: res.statusCode,
            ok: true,
          });
        if (entry.kind === "table" && entry.shows && want.shows !== undefined && res.statusCode < 300) {
          expect
            .soft({ where, showsA1Rows: await entry.shows(res, w) })
            .toEqual({ where, showsA1Rows: want.shows });
        }
      } else {
        expect
          .soft({ where, status: res.statusCode }, res.body.slice(0, 300))
          .toEqual({ where, status: want.status });
        // A refusal names nothing of the row it refused.
        for (const text of row?.texts ?? [])
          expect.soft({ where, leaks: res.body.includes(text) }).toEqual({ where, leaks: false });
      }
      if (before)
        expect.soft({ where, state: await snapshot(h, w, "after") }).toEqual({ where, state: before });
    }
    // A password change made with a token ends the user's sessions; the next operation needs them.
    if (entry.kind === "self" && entry.write) await keepSignedIn(h, w);
  });
});

describe("first-run operations after the first run", () => {
  it("setup reports it is done to anyone, and refuses a second admin without changing anything", async () => {
    for (const who of w.actors) {
      const status = await send(h, "GET", who, { url: "/api/v1/setup" });
      expect({ who: who.name, status: status.statusCode, body: status.json() }).toEqual({
        who: who.name,
        status: 200,
        body: { needsSetup: false },
      });
      const before = await snapshot(h, w, "before");
      const res = await send(h, "POST", who, {
        url: "/api/v1/setup",
        body: {
          email: `intruder-${who.name}@example.ru`,
          password: "correct horse battery",
          fullName: "Intruder",
        },
      });
      expect({ who: who.name, status: res.statusCode }).toEqual({ who: who.name, status: 409 });
      expect(await snapshot(h, w, "after")).toEqual(before);
    }
  });
});
