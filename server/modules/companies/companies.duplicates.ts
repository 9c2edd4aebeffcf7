import type { DuplicateCandidate, DuplicateCheck, DuplicateReason } from "../../../contracts/companies";
import { normalizeDigits } from "../../../core/requisites";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import type { Reach } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { withIndexLookups } from "../search/search.types";
import { type DuplicateHit, type DuplicateKeys, findDuplicateHits } from "./companies.duplicates.repo";
import { companyNameKey, phoneKey, uniqueEmails } from "./companies.normalize";
import { authorizeCompany } from "./companies.policy";
import { presentCompany } from "./companies.presenter";
import { findCompany } from "./companies.repo";

/** How strongly each reason alone says "the same company". */
const weight: Record<DuplicateReason, number> = { inn: 1, ogrn: 1, email: 0.8, phone: 0.7, name: 0.6 };
const MAX_CANDIDATES = 20;

function keysOf(input: DuplicateCheck): DuplicateKeys {
  const inn = input.inn ? normalizeDigits(input.inn) : "";
  const ogrn = input.ogrn ? normalizeDigits(input.ogrn) : "";
  return {
    excludeId: input.excludeId,
    inn: inn.length >= 10 ? inn : undefined,
    ogrn: ogrn.length >= 13 ? ogrn : undefined,
    phones: [...new Set((input.phones ?? []).map(phoneKey).filter((d) => d.length >= 5))],
    emails: uniqueEmails(input.emails ?? []).filter((e) => e.includes("@")),
    nameKey: input.name ? companyNameKey(input.name) : undefined,
    city: input.city?.trim() || undefined,
  };
}

/**
 * Groups the hits by company and scores them: independent signals combine as 1 − Π(1 − wᵢ), so
 * an INN match alone is 1, a shared phone and a similar name together more than either.
 */
function rank(actor: Actor, readReach: Reach, hits: DuplicateHit[]): DuplicateCandidate[] {
  const byId = new Map<string, { hit: DuplicateHit; reasons: Map<DuplicateReason, number> }>();
  for (const hit of hits) {
    const entry = byId.get(hit.row.id) ?? { hit, reasons: new Map<DuplicateReason, number>() };
    const w = hit.reason === "name" ? weight.name * Math.min(1, hit.similarity) : weight[hit.reason];
    entry.reasons.set(hit.reason, Math.max(entry.reasons.get(hit.reason) ?? 0, w));
    byId.set(hit.row.id, entry);
  }
  const order: DuplicateReason[] = ["inn", "ogrn", "email", "phone", "name"];
  const candidates = [...byId.values()].map(({ hit, reasons }) => {
    const miss = [...reasons.values()].reduce((acc, w) => acc * (1 - w), 1);
    const score = Math.round((1 - miss) * 100) / 100;
    const reasonList = order.filter((r) => reasons.has(r));
    // Decision (see DuplicateCandidate in contracts): warn about someone else's client, by name
    // and owner only, so a manager learns it exists without seeing its card.
    const candidate: DuplicateCandidate = canReach(actor, readReach, hit.row.ownerId)
      ? { visible: true, company: presentCompany(hit.row), reasons: reasonList, score }
      : { visible: false, name: hit.row.name, ownerName: hit.ownerName, reasons: reasonList, score };
    return { candidate, name: hit.row.name };
  });
  candidates.sort((a, b) => b.candidate.score - a.candidate.score || a.name.localeCompare(b.name, "ru"));
  return candidates.slice(0, MAX_CANDIDATES).map((c) => c.candidate);
}

async function findDuplicates(db: Db, actor: Actor, readReach: Reach, keys: DuplicateKeys) {
  const hits = await withIndexLookups(db, (tx) => findDuplicateHits(tx, actor.workspaceId, keys));
  return { items: rank(actor, readReach, hits) };
}

/** POST /companies/duplicates/check: what the form asks before it saves. */
export async function checkDuplicates(db: Db, actor: Actor, input: DuplicateCheck) {
  const reach = authorize(actor, "companies", "read");
  return findDuplicates(db, actor, reach, keysOf(input));
}

/** GET /companies/:id/duplicates: likely duplicates of a company the caller can see. */
export async function duplicatesOf(db: Db, actor: Actor, id: string) {
  const row = await findCompany(db, actor.workspaceId, id);
  const reach = authorizeCompany(actor, "read", row);
  const company = row!;
  return findDuplicates(
    db,
    actor,
    reach,
    keysOf({
      excludeId: company.id,
      name: company.name,
      city: company.city,
      inn: company.inn,
      ogrn: company.ogrn,
      phones: company.phones,
      emails: company.emails,
    }),
  );
}
