import type { SearchHit } from "../../../contracts/search";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { reachOf } from "../../platform/permissions";
import { authorize } from "../../platform/policy";
import { companySearch } from "../companies/companies.search";
import { contactSearch } from "../contacts/contacts.search";
import { dealSearch } from "../deals/deals.search";
import { gradesOf } from "../reliability/reliability.service";
import { parseSearch, type RankedHit, type SearchProvider, withIndexLookups } from "./search.types";

/** Everything the box can find. */
const providers: readonly SearchProvider[] = [companySearch, contactSearch, dealSearch];

/**
 * The search box: each provider the caller may read runs its branches, hits are de-duplicated
 * (a company found by INN and by name is one hit, by its best match) and ranked: exact
 * identifiers first, then parts of identifiers, then words, then near spellings.
 */
export async function searchEverything(
  db: Db,
  actor: Actor,
  query: { q: string; limit: number; types?: string },
): Promise<{ items: SearchHit[] }> {
  const wanted = query.types
    ?.split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const asked = wanted?.length ? providers.filter((p) => wanted.includes(p.type)) : providers;
  // Types with no provider simply find nothing.
  if (!asked.length) return { items: [] };
  const allowed = asked.filter((p) => reachOf(p.resource, "read", actor.role) !== null);
  // A role that may read none of what it asked for (a `department` user) is refused outright.
  if (!allowed.length) throw AppError.forbidden();
  const terms = parseSearch(query.q);
  const reaches = allowed.map((p) => authorize(actor, p.resource, "read"));
  const found = await withIndexLookups(db, async (tx) => {
    const hits: RankedHit[][] = [];
    for (const [i, p] of allowed.entries())
      hits.push(await p.search(tx, actor, reaches[i]!, terms, query.limit));
    return hits;
  });
  const best = new Map<string, RankedHit>();
  for (const hit of found.flat()) {
    const key = `${hit.hit.type}:${hit.hit.id}`;
    const seen = best.get(key);
    if (!seen || hit.tier < seen.tier || (hit.tier === seen.tier && hit.score > seen.score))
      best.set(key, hit);
  }
  const items = [...best.values()]
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.hit.title.localeCompare(b.hit.title, "ru"))
    .slice(0, query.limit)
    .map((h) => h.hit);
  const grades = await gradesOf(
    db,
    actor.workspaceId,
    items.flatMap((h) => (h.companyId ? [h.companyId] : [])),
  );
  return {
    items: items.map((h) => ({ ...h, grade: h.companyId ? (grades.get(h.companyId) ?? null) : null })),
  };
}
