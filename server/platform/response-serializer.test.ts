import { describe, expect, it } from "vitest";
import { z } from "zod";
import { responseSerializer } from "./response-serializer";

const compile = (schema: z.ZodType) =>
  responseSerializer({ schema, method: "GET", url: "/x", httpStatus: "200" }) as (data: unknown) => string;

describe("the response serializer", () => {
  it("writes only the declared fields, as zod's parse did: a field a presenter leaks never goes out", () => {
    const user = compile(z.object({ id: z.string(), name: z.string(), locked: z.boolean().nullable() }));
    const out = user({ id: "u1", name: "Анна", locked: null, passwordHash: "$argon2id$…" });
    expect(JSON.parse(out)).toEqual({ id: "u1", name: "Анна", locked: null });
  });

  it("writes nested lists, optional fields, numbers, dates and free-form records", () => {
    const page = compile(
      z.object({
        items: z.array(z.object({ n: z.number().int(), note: z.string().optional(), at: z.string() })),
        extra: z.record(z.string(), z.unknown()),
        nextCursor: z.string().nullable(),
      }),
    );
    const at = new Date("2026-11-27T21:00:00.000Z");
    const out = JSON.parse(
      page({
        items: [
          { n: 1, at },
          { n: 2, note: '«кавычки» и "quotes"', at: "x" },
        ],
        extra: { a: [1] },
        nextCursor: null,
      }),
    );
    expect(out).toEqual({
      items: [
        { n: 1, at: "2026-11-27T21:00:00.000Z" },
        { n: 2, note: '«кавычки» и "quotes"', at: "x" },
      ],
      extra: { a: [1] },
      nextCursor: null,
    });
  });

  it("keeps zod's serializer for a schema JSON Schema cannot express", () => {
    const odd = compile(z.object({ n: z.string().transform((s) => s.length) }));
    expect(() => odd({ n: 5 })).toThrow();
    expect(odd({ n: "abc" })).toBe('{"n":3}');
  });
});
