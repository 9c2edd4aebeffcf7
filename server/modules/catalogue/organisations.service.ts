import { sql } from "drizzle-orm";
import { z } from "zod";
import { Id } from "../../../contracts/common";
import { checkRequisites } from "../../../contracts/companies";
import type { Organisation, OrganisationCreate, OrganisationUpdate } from "../../../contracts/organisations";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { assertVersion, RuleCheck, stampOf } from "./catalogue.common";
import {
  clearDefaultOrganisation,
  findOrganisation,
  hasLiveOrganisation,
  insertOrganisation,
  listOrganisations,
  type OrganisationRow,
  updateOrganisation,
} from "./organisations.repo";

export function presentOrganisation(row: OrganisationRow): Organisation {
  const { workspaceId: _w, createdBy: _c, deletedAt: _d, ...rest } = row;
  return rest;
}

const LOGO_MAX_BYTES = 200 * 1024;

/**
 * A logo is a PNG or JPEG data URL of at most 200 KB. The bytes are checked, not the declared
 * type, so a renamed file of another kind is refused.
 */
function checkLogo(check: RuleCheck, logo: string | null | undefined): void {
  if (!logo) return;
  const m = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/.exec(logo);
  if (!m) {
    check.add("logo", "logo_format");
    return;
  }
  const bytes = Buffer.from(m[2]!, "base64");
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!(m[1] === "png" ? png : jpeg)) check.add("logo", "logo_format");
  else check.when(bytes.length > LOGO_MAX_BYTES, "logo", "logo_too_large");
}

const requisitesSchema = z.custom<Parameters<typeof checkRequisites>[0]>().superRefine(checkRequisites);

/** An update may change one requisite; the set is checked as it will be stored (BIK with account). */
function assertRequisites(record: Parameters<typeof checkRequisites>[0]): void {
  const result = requisitesSchema.safeParse(record);
  if (result.success) return;
  throw AppError.validation(result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
}

function columns(input: Partial<OrganisationCreate>): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || key === "version") continue;
    set[key] = value === "" ? null : value;
  }
  // A УСН organisation does not charge VAT (НК РФ ст. 346.11), so the flag follows the system.
  if (input.taxSystem === "usn") set.vatPayer = false;
  return set;
}

export async function listAllOrganisations(db: Db, actor: Actor, paging: { limit: number; cursor?: string }) {
  authorize(actor, "organisations", "read");
  if (paging.cursor && !Id.safeParse(paging.cursor).success)
    throw AppError.validation([{ path: "cursor", message: "invalid cursor" }]);
  const result = await listOrganisations(db, actor.workspaceId, paging);
  return { items: result.items.map(presentOrganisation), nextCursor: result.nextCursor };
}

export async function getOrganisation(db: Db, actor: Actor, id: string) {
  authorize(actor, "organisations", "read");
  const row = await findOrganisation(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentOrganisation(row);
}

export async function createOrganisation(
  db: Db,
  actor: Actor,
  input: OrganisationCreate,
): Promise<Organisation> {
  authorize(actor, "organisations", "create");
  const check = new RuleCheck();
  checkLogo(check, input.logo);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const id = uuidv7();
    // The first organisation is the default one: documents always have a seller.
    const isDefault = input.isDefault ?? !(await hasLiveOrganisation(tx, actor.workspaceId));
    if (isDefault) await clearDefaultOrganisation(tx, actor.workspaceId, id);
    const row = await insertOrganisation(tx, {
      ...(columns(input) as { name: string; inn: string }),
      id,
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      isDefault,
    });
    const org = presentOrganisation(row);
    await recordChange(tx, actor, { action: "create", entity: "organisation", entityId: id, after: org });
    return org;
  });
}

export async function updateOrganisationCard(
  db: Db,
  actor: Actor,
  id: string,
  input: OrganisationUpdate,
): Promise<Organisation> {
  authorize(actor, "organisations", "update");
  const check = new RuleCheck();
  checkLogo(check, input.logo);
  check.throwIfAny();
  return withTx(db, async (tx) => {
    const before = await findOrganisation(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    assertVersion(before, input.version);
    const set = columns(input);
    assertRequisites({ ...before, ...set } as Parameters<typeof checkRequisites>[0]);
    if (input.isDefault) await clearDefaultOrganisation(tx, actor.workspaceId, id);
    const row = await updateOrganisation(tx, id, set);
    const after = presentOrganisation(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "organisation",
      entityId: id,
      before: presentOrganisation(before),
      after,
    });
    return after;
  });
}

export async function deleteOrganisation(db: Db, actor: Actor, id: string): Promise<Organisation> {
  authorize(actor, "organisations", "delete");
  return withTx(db, async (tx) => {
    const before = await findOrganisation(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    const row = await updateOrganisation(tx, id, { deletedAt: sql`now()`, isDefault: false });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "organisation",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentOrganisation(row);
  });
}
