import fc from "fast-check";

/**
 * Strings that have broken real systems: NUL (PostgreSQL refuses it in text), right-to-left and
 * zero-width marks, emoji with joiners, SQL and HTML payloads, lone surrogates, and one string of
 * almost 1 MB (the body limit is 1 MB, so it reaches validation rather than the size guard).
 */
export const badString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "abc\u0000def",
    "\u202eevil\u202c",
    "\u200f\u200e\u200b\ufeff",
    "👨‍👩‍👧‍👦🏳️‍🌈😀",
    "\ud800",
    "'; drop table companies; --",
    "' or 1=1 --",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "",
    "   ",
    "null",
    "NaN",
    "0e1000",
    "2026-02-30",
    "01890000-0000-7000-8000-000000000000",
    "x".repeat(1024 * 1024 - 4096),
    "я".repeat(70_000),
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

/** Values of the wrong type or out of any sensible range. */
export const badValue: fc.Arbitrary<unknown> = fc.oneof(
  badString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.1 + 0.2),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.oneof(fc.integer(), badString, fc.constant(null)), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), badString), { maxKeys: 4 }),
  fc.constant(deeplyNested(2000)),
);

function deeplyNested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

type Path = (string | number)[];

/** Every place in a JSON value: object keys and array items, at any depth. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pathsOf(v, [...prefix, i])]);
  if (value && typeof value === "object")
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k])]);
  return [];
}

type Mutation =
  | { kind: "replace"; at: Path; value: unknown }
  | { kind: "drop"; at: Path }
  | { kind: "add"; key: string; value: unknown };

function apply(body: unknown, m: Mutation): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  if (m.kind === "add") {
    // defineProperty, so "__proto__" becomes a key of the JSON and not the object's prototype.
    Object.defineProperty(copy, m.key, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  let parent: Record<string | number, unknown> = copy;
  for (const step of m.at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = m.at[m.at.length - 1]!;
  if (m.kind === "drop") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = m.value;
  return copy;
}

/**
 * A valid request body bent by one to three mutations: a field (at any depth) replaced by a bad
 * value or dropped, or an unknown field added; now and then the whole body is replaced instead.
 */
export function mutateBody(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    ...(paths.length
      ? [
          {
            weight: 6,
            arbitrary: fc.record({
              kind: fc.constant("replace" as const),
              at: fc.constantFrom(...paths),
              value: badValue,
            }),
          },
          {
            weight: 2,
            arbitrary: fc.record({ kind: fc.constant("drop" as const), at: fc.constantFrom(...paths) }),
          },
        ]
      : []),
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("add" as const),
        key: fc.constantFrom(
          "__proto__",
          "constructor",
          "id",
          "workspaceId",
          "ownerId",
          "deletedAt",
          "version",
          "zz",
        ),
        value: badValue,
      }),
    },
  );
  const bent = fc
    .array(mutation, { minLength: 1, maxLength: 3 })
    .map((ms) => ms.reduce<unknown>((body, m) => safeApply(body, m), valid));
  return fc.oneof({ weight: 9, arbitrary: bent }, { weight: 1, arbitrary: badValue });
}

/** A later mutation may point into a part an earlier one replaced: then it is skipped. */
function safeApply(body: unknown, m: Mutation): unknown {
  try {
    return apply(body, m);
  } catch {
    return body;
  }
}
