import { AppError } from "./errors";

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a JSON body would fail deep in the
 * database as a 500. It is refused up front, naming the field.
 */
export function findNul(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") || "body" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], [...path, String(i)]);
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key].join(".");
      const hit = findNul(v, [...path, key]);
      if (hit) return hit;
    }
  }
  return null;
}

export function rejectNul(body: unknown, query: unknown): void {
  const hit = findNul(body) ?? findNul(query);
  if (hit) throw AppError.validation([{ path: hit, message: "nul_character" }]);
}
