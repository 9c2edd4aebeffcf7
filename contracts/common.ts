import { z } from "zod";

/** UUIDv7 primary keys (any RFC 4122 layout is accepted on input). */
export const Id = z.uuid();

export const Role = z.enum(["admin", "head", "manager", "department"]);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(["ru", "en"]);
export type Locale = z.infer<typeof Locale>;

/** Money travels as a decimal string with two decimals at most, e.g. "1234.50". */
export const MoneyString = z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, "money");

export const Timestamp = z.string().describe("ISO 8601 date-time");

/** Optimistic-locking version every editable entity carries. */
export const Version = z.number().int().min(1);

export const IdParams = z.object({ id: Id });

/** Cursor pagination: `?limit=&cursor=&sort=`. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof ListQuery>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** RFC 9457 problem details, as every error response of the API. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  currentVersion: z.number().int().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const Ok = z.object({ ok: z.literal(true) });
