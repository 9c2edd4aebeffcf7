import { z } from "zod";
import { Id } from "./common";

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  types: z.string().max(100).optional(),
});

export const SearchHit = z.object({
  type: z.enum(["company", "contact", "deal"]),
  id: Id,
  title: z.string(),
  subtitle: z.string().nullable(),
  /** The company card to open: a company's own id, a contact's or a deal's company. */
  companyId: Id.nullable(),
  matchedBy: z.enum(["inn", "ogrn", "phone", "email", "text", "fuzzy"]),
  /** The reliability grade of the hit's company, when it has one. */
  grade: z.enum(["A", "B", "C", "D"]).nullable().optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ items: z.array(SearchHit) });
