import { sql } from "drizzle-orm";
import type { Company, MergeRequest, TransferRequest } from "../../../contracts/companies";
import { type Actor, isSystem } from "../../platform/actor";
import { diff, recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { companyChildren } from "./companies.children";
import { phoneSearchText, uniqueEmails, uniquePhones, uniqueTags } from "./companies.normalize";
import { assertAssignableOwner, authorizeCompany } from "./companies.policy";
import { type CompanyRow, presentCompany } from "./companies.presenter";
import { type CompanyValues, lockCompanies, setCompanyOwner, updateCompany } from "./companies.repo";
import { assertActiveOwner } from "./companies.service";

const simpleFields = [
  "fullName",
  "industry",
  "region",
  "city",
  "segment",
  "source",
  "website",
  "address",
  "notes",
] as const;
/**
 * Requisites travel as groups: an INN from one card with a KPP from another, or a BIK with
 * someone else's account, would be a valid-looking lie. A group is taken from the first source
 * that has it, and only when the target has none of it.
 */
const groups = [
  ["kind", "inn", "kpp", "ogrn"],
  ["bik", "account", "corrAccount", "bankName"],
] as const;

const empty = (v: unknown) => v === null || v === undefined || v === "";

/** What the target gains from the sources: its empty fields filled, the lists united. */
function mergedValues(target: CompanyRow, sources: CompanyRow[]): CompanyValues {
  const set: Record<string, unknown> = {};
  for (const field of simpleFields) {
    if (!empty(target[field])) continue;
    const donor = sources.find((s) => !empty(s[field]));
    if (donor) set[field] = donor[field];
  }
  for (const group of groups) {
    const values = group.filter((f) => f !== "kind");
    if (values.some((f) => !empty(target[f]))) continue;
    const donor = sources.find((s) => values.some((f) => !empty(s[f])));
    if (donor) for (const f of group) set[f] = donor[f];
  }
  const all = [target, ...sources];
  const phones = uniquePhones(all.flatMap((c) => c.phones));
  Object.assign(set, {
    tags: uniqueTags(all.flatMap((c) => c.tags)),
    phones,
    phoneSearch: phoneSearchText(phones),
    emails: uniqueEmails(all.flatMap((c) => c.emails)),
  });
  const lastContact = all
    .map((c) => c.lastContactAt)
    .filter((v): v is string => v !== null)
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  if (lastContact) set.lastContactAt = lastContact;
  return set as CompanyValues;
}

/**
 * Merges duplicates into the target in one transaction: children move over, empty fields are
 * filled, lists are united, the sources are deleted with `merged_into_id`, and every company
 * gets an audit entry. The sources' history stays readable through the target's history.
 */
export async function mergeCompanies(db: Db, actor: Actor, input: MergeRequest): Promise<Company> {
  authorize(actor, "companies", "update");
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.includes(input.targetId)) {
    throw AppError.rule("merge_into_self");
  }
  return withTx(db, async (tx) => {
    const rows = new Map(
      (await lockCompanies(tx, actor.workspaceId, [input.targetId, ...sourceIds])).map((r) => [r.id, r]),
    );
    // Every one must be the caller's to edit; any other is "not found", and nothing changes.
    for (const id of [input.targetId, ...sourceIds]) authorizeCompany(actor, "update", rows.get(id));
    const target = rows.get(input.targetId)!;
    const sources = sourceIds.map((id) => rows.get(id)!);

    for (const child of companyChildren) {
      await child.moveTo(tx, actor, sourceIds, { id: target.id, ownerId: target.ownerId });
    }
    for (const source of sources) {
      const gone = await updateCompany(tx, source.id, {
        deletedAt: sql`now()`,
        deletedBy: isSystem(actor) ? null : actor.id,
        mergedIntoId: target.id,
        version: source.version + 1,
      });
      await recordChange(tx, actor, {
        action: "merge",
        entity: "company",
        entityId: source.id,
        changes: {
          mergedIntoId: { from: null, to: target.id },
          deletedAt: { from: null, to: gone.deletedAt },
        },
      });
    }
    const row = await updateCompany(tx, target.id, {
      ...mergedValues(target, sources),
      version: target.version + 1,
    });
    const company = presentCompany(row);
    await recordChange(tx, actor, {
      action: "merge",
      entity: "company",
      entityId: target.id,
      changes: {
        ...diff(presentCompany(target), company),
        mergedFrom: { from: null, to: sources.map((s) => ({ id: s.id, name: s.name })) },
      },
    });
    return company;
  });
}

/**
 * Hands companies (one or up to 1000) to another owner, with their children, in one
 * transaction. A head may hand over only within their team; an id the caller cannot see fails
 * the whole request with 404 and nothing changes.
 */
export async function transferCompanies(
  db: Db,
  actor: Actor,
  input: TransferRequest,
): Promise<{ transferred: number }> {
  const reach = authorize(actor, "companies", "transfer");
  assertAssignableOwner(actor, reach, input.ownerId);
  const ids = [...new Set(input.ids)];
  return withTx(db, async (tx) => {
    await assertActiveOwner(tx, actor.workspaceId, input.ownerId);
    const rows = await lockCompanies(tx, actor.workspaceId, ids);
    if (rows.length !== ids.length) throw AppError.notFound();
    for (const row of rows) authorizeCompany(actor, "transfer", row);
    const moving = rows.filter((r) => r.ownerId !== input.ownerId);
    const movingIds = moving.map((r) => r.id);
    await setCompanyOwner(tx, actor.workspaceId, movingIds, input.ownerId);
    for (const child of companyChildren)
      await child.setOwner(tx, actor.workspaceId, movingIds, input.ownerId);
    for (const row of moving) {
      await recordChange(tx, actor, {
        action: "transfer",
        entity: "company",
        entityId: row.id,
        changes: { ownerId: { from: row.ownerId, to: input.ownerId } },
      });
    }
    return { transferred: moving.length };
  });
}
