import { and, asc, gt, sql } from "drizzle-orm";
import { z } from "zod";
import {
  type Company,
  type CompanyCreate,
  type CompanyListQuery,
  CompanyScalarFields,
  type CompanyUpdate,
  checkRequisites,
} from "../../../contracts/companies";
import { uuidv7 } from "../../../core/uuid";
import { companies } from "../../db/schema/index";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import type { Reach } from "../../platform/permissions";
import { authorize } from "../../platform/policy";
import { listAuditEntries } from "../audit/audit.service";
import { enqueueRegistryCheck } from "../reliability/registry.service";
import { gradesOf } from "../reliability/reliability.service";
import { companyChildren, historyTargets } from "./companies.children";
import { companyFilterWhere } from "./companies.filters";
import { phoneSearchText, uniqueEmails, uniquePhones, uniqueTags } from "./companies.normalize";
import { assertAssignableOwner, authorizeCompany, mayRestore } from "./companies.policy";
import { type CompanyRow, presentCompany } from "./companies.presenter";
import {
  type CompanyValues,
  findCompany,
  findOwners,
  insertCompany,
  listCompanies,
  lockCompanies,
  mergedSourceIds,
  updateCompany,
} from "./companies.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

/** The new owner must be an active user of the workspace (checked inside the write's transaction). */
export async function assertActiveOwner(tx: Db, workspaceId: string, ownerId: string): Promise<void> {
  const [owner] = await findOwners(tx, workspaceId, [ownerId]);
  if (!owner?.active || owner.deleted) {
    throw AppError.rule("invalid_owner", {}, [{ path: "ownerId", message: "owner_invalid" }]);
  }
}

/** Phones, e-mails and tags as stored: de-duplicated, with the phone search tokens beside them. */
function contactChannels(input: { phones?: string[]; emails?: string[]; tags?: string[] }): CompanyValues {
  const set: CompanyValues = {};
  if (input.phones) {
    set.phones = uniquePhones(input.phones);
    set.phoneSearch = phoneSearchText(set.phones);
  }
  if (input.emails) set.emails = uniqueEmails(input.emails);
  if (input.tags) set.tags = uniqueTags(input.tags);
  return set;
}

const plainFields = CompanyScalarFields;

const requisiteFields = ["kind", "inn", "kpp", "ogrn", "bik", "account", "corrAccount"] as const;

/** Only the fields present in the input; an empty string clears a field. */
function plainSet(
  input: Partial<Record<(typeof plainFields)[number], string | null | undefined>>,
): CompanyValues {
  const set: Record<string, string | null> = {};
  for (const key of plainFields) {
    const value = input[key];
    if (value !== undefined) set[key] = value === "" ? null : value;
  }
  return set as CompanyValues;
}

const requisitesSchema = z.custom<Parameters<typeof checkRequisites>[0]>().superRefine(checkRequisites);

/** An update may change one requisite; the set is checked as it will be stored (BIK with account). */
function assertRequisites(record: CompanyRow): void {
  const result = requisitesSchema.safeParse(record);
  if (result.success) return;
  throw AppError.validation(
    result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  );
}

export async function createCompany(db: Db, actor: Actor, input: CompanyCreate): Promise<Company> {
  const reach = authorize(actor, "companies", "create");
  const ownerId = input.ownerId ?? actor.id;
  assertAssignableOwner(actor, reach, ownerId);
  return withTx(db, async (tx) => {
    await assertActiveOwner(tx, actor.workspaceId, ownerId);
    const row = await insertCompany(tx, {
      ...plainSet(input),
      ...contactChannels(input),
      name: input.name,
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      ownerId,
    });
    const company = presentCompany(row);
    await recordChange(tx, actor, { action: "create", entity: "company", entityId: row.id, after: company });
    if (row.inn) await enqueueRegistryCheck(tx, actor.workspaceId, row.id);
    return company;
  });
}

export async function getCompany(db: Db, actor: Actor, id: string): Promise<Company> {
  const row = await findCompany(db, actor.workspaceId, id);
  authorizeCompany(actor, "read", row);
  const grades = await gradesOf(db, actor.workspaceId, [id]);
  return { ...presentCompany(row!), reliabilityGrade: grades.get(id) ?? null };
}

export async function listVisibleCompanies(db: Db, actor: Actor, query: CompanyListQuery) {
  const reach = authorize(actor, "companies", "read");
  // Deleted companies are an admin's business (to restore them).
  if (query.deleted && !mayRestore(actor)) throw AppError.forbidden();
  return listCompanies(db, companyFilterWhere(actor, reach, query), query);
}

export async function updateCompanyCard(
  db: Db,
  actor: Actor,
  id: string,
  input: CompanyUpdate,
): Promise<Company> {
  authorize(actor, "companies", "update");
  return withTx(db, async (tx) => {
    const [before] = await lockCompanies(tx, actor.workspaceId, [id]);
    authorizeCompany(actor, "update", before);
    if (before!.version !== input.version) throw AppError.stale(before!.version);
    const set: CompanyValues = { ...plainSet(input), ...contactChannels(input) };
    if (requisiteFields.some((key) => input[key] !== undefined)) {
      assertRequisites({ ...before!, ...set } as CompanyRow);
    }
    const ownerChanges = input.ownerId !== undefined && input.ownerId !== before!.ownerId;
    if (ownerChanges) {
      const reach = authorize(actor, "companies", "transfer");
      assertAssignableOwner(actor, reach, input.ownerId!);
      await assertActiveOwner(tx, actor.workspaceId, input.ownerId!);
      set.ownerId = input.ownerId!;
      for (const child of companyChildren) await child.setOwner(tx, actor.workspaceId, [id], input.ownerId!);
    }
    const row = await updateCompany(tx, id, { ...set, version: before!.version + 1 });
    const company = presentCompany(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "company",
      entityId: id,
      before: presentCompany(before!),
      after: company,
    });
    if (row.inn && (row.inn !== before!.inn || row.kpp !== before!.kpp)) {
      await enqueueRegistryCheck(tx, actor.workspaceId, id);
    }
    return company;
  });
}

/** Soft delete: the company and its live children get one deletion stamp, so a restore is exact. */
export async function deleteCompany(db: Db, actor: Actor, id: string): Promise<Company> {
  authorize(actor, "companies", "delete");
  return withTx(db, async (tx) => {
    const [before] = await lockCompanies(tx, actor.workspaceId, [id]);
    authorizeCompany(actor, "delete", before);
    const row = await updateCompany(tx, id, {
      deletedAt: sql`now()`,
      deletedBy: stampOf(actor),
      version: before!.version + 1,
    });
    for (const child of companyChildren) await child.deleteWith(tx, actor, id, row.deletedAt!);
    await recordChange(tx, actor, {
      action: "delete",
      entity: "company",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentCompany(row);
  });
}

export async function restoreCompany(db: Db, actor: Actor, id: string): Promise<Company> {
  authorize(actor, "companies", "restore");
  return withTx(db, async (tx) => {
    const [before] = await lockCompanies(tx, actor.workspaceId, [id]);
    authorizeCompany(actor, "read", before);
    if (!before!.deletedAt) throw AppError.rule("not_deleted");
    // Its children and history now live on the target; bringing back a shell would mislead.
    if (before!.mergedIntoId) throw AppError.rule("company_merged", { targetId: before!.mergedIntoId });
    const row = await updateCompany(tx, id, {
      deletedAt: null,
      deletedBy: null,
      version: before!.version + 1,
    });
    for (const child of companyChildren) {
      await child.restoreWith(tx, actor, { id, ownerId: row.ownerId }, before!.deletedAt);
    }
    await recordChange(tx, actor, {
      action: "restore",
      entity: "company",
      entityId: id,
      changes: { deletedAt: { from: before!.deletedAt, to: null } },
    });
    return presentCompany(row);
  });
}

/**
 * The company's history: its own audit entries, its children's (contacts …) and those of the
 * companies merged into it, newest first. Whoever may read the company may read its history.
 */
export async function companyHistory(
  db: Db,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string },
) {
  const row = await findCompany(db, actor.workspaceId, id);
  authorizeCompany(actor, "read", row);
  const companyIds = [id, ...(await mergedSourceIds(db, actor.workspaceId, id))];
  const targets = await historyTargets(db, actor.workspaceId, companyIds);
  return listAuditEntries(db, actor.workspaceId, { targets }, page.cursor, page.limit);
}

/** For other modules (contacts): the company if the actor may do `action` with it, else 404/403. */
export async function companyForAction(
  db: Db,
  actor: Actor,
  id: string,
  action: "read" | "update",
): Promise<CompanyRow> {
  const row = await findCompany(db, actor.workspaceId, id);
  authorizeCompany(actor, action, row);
  return row!;
}

/**
 * Ids (and owners) of the companies a list filter matches for the actor under `reach`, in id
 * order after `afterId`: for bulk work on "everything the list shows" (e.g. enrolling in a
 * contact scheme), with exactly the list's visibility and filters.
 */
export async function companyIdsMatching(
  db: Db,
  actor: Actor,
  reach: Reach,
  query: Partial<CompanyListQuery>,
  page: { afterId?: string; limit: number },
): Promise<{ id: string; ownerId: string }[]> {
  const where = companyFilterWhere(actor, reach, { ...query, deleted: undefined });
  return db
    .select({ id: companies.id, ownerId: companies.ownerId })
    .from(companies)
    .where(page.afterId ? and(where, gt(companies.id, page.afterId)) : where)
    .orderBy(asc(companies.id))
    .limit(page.limit);
}

/** How many companies a list filter matches for the actor under `reach`. */
export async function countCompaniesMatching(
  db: Db,
  actor: Actor,
  reach: Reach,
  query: Partial<CompanyListQuery>,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(companies)
    .where(companyFilterWhere(actor, reach, { ...query, deleted: undefined }));
  return row?.n ?? 0;
}
