import type { RegistryError } from "../../../contracts/reliability";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, systemActor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { authorize } from "../../platform/policy";
import { enqueue } from "../../platform/queue";
import { notify } from "../notifications/notifications.service";
import { type RegistryParty, type RegistryProvider, RegistryProviderError } from "./registry.provider";
import { storeGrade } from "./reliability.compute";
import {
  companyBrief,
  headOf,
  insertTimelineNote,
  type RegistryValues,
  registryRecordOf,
  upsertRegistryRecord,
} from "./reliability.repo";
import { registryProviderFor } from "./reliability.settings";

export const REGISTRY_CHECK_JOB = "registry-check";

/**
 * Enqueues a registry check of one company in the caller's transaction (the company's create):
 * the check runs after the commit, so a slow or failing registry never blocks saving a company.
 */
export async function enqueueRegistryCheck(tx: Db, workspaceId: string, companyId: string): Promise<void> {
  await enqueue(tx, {
    kind: REGISTRY_CHECK_JOB,
    workspaceId,
    payload: { companyId },
    dedupeKey: `registry-check:${companyId}`,
    maxAttempts: 3,
  });
}

export type RefreshOutcome = {
  error: RegistryError | null;
  retryAfterMs: number | null;
  statusChanged: boolean;
};

function partyValues(p: RegistryParty): RegistryValues {
  return {
    found: true,
    status: p.status,
    registeredAt: p.registeredAt,
    liquidatedAt: p.liquidatedAt,
    ogrn: p.ogrn,
    name: p.name,
    entityType: p.entityType,
    management: p.management,
    founders: p.founders,
    okved: p.okved,
    okvedName: p.okvedName,
    sizeCategory: p.sizeCategory,
    employeeCount: p.employeeCount,
    taxSystem: p.taxSystem,
    massAddress: p.massAddress,
    massDirector: p.massDirector,
    branchCount: p.branchCount,
    address: p.address,
  };
}

const CLEARED: RegistryValues = {
  found: false,
  status: null,
  registeredAt: null,
  liquidatedAt: null,
  ogrn: null,
  name: null,
  entityType: null,
  management: null,
  founders: null,
  okved: null,
  okvedName: null,
  sizeCategory: null,
  employeeCount: null,
  taxSystem: null,
  massAddress: null,
  massDirector: null,
  branchCount: null,
  address: null,
};

/**
 * Asks the registry about one company and stores the answer. A failure keeps the last good data
 * and records the failure's state; it never throws for a registry problem. A change of status
 * (between two successful answers) is announced to the owner, their head and the timeline.
 */
export async function refreshRegistry(
  ctx: Pick<AppContext, "db" | "config">,
  workspaceId: string,
  companyId: string,
  provider?: RegistryProvider | null,
): Promise<RefreshOutcome | null> {
  const company = await companyBrief(ctx.db, workspaceId, companyId);
  if (!company || company.deletedAt) return null;
  const key = { id: uuidv7(), workspaceId, companyId };
  const now = new Date().toISOString();
  const fail = async (error: RegistryError, retryAfterMs: number | null = null) => {
    await upsertRegistryRecord(ctx.db, key, { inn: company.inn, kpp: company.kpp, checkedAt: now, error });
    return { error, retryAfterMs, statusChanged: false };
  };
  if (!company.inn) return fail("no_inn");
  const p = provider === undefined ? await registryProviderFor(ctx.db, ctx.config, workspaceId) : provider;
  if (!p) return fail("not_configured");
  let answer: Awaited<ReturnType<RegistryProvider["findById"]>>;
  try {
    answer = await p.findById(company.inn, company.kpp);
    // A KPP that is not a branch's (a head office's own KPP, a typo) still finds the company.
    if (!answer.found && company.kpp) answer = await p.findById(company.inn, null);
  } catch (error) {
    if (error instanceof RegistryProviderError) return fail(error.kind, error.retryAfterMs);
    throw error;
  }
  return withTx(ctx.db, async (tx) => {
    const before = await registryRecordOf(tx, workspaceId, companyId, true);
    const values: RegistryValues = {
      ...(answer.found ? partyValues(answer.party) : CLEARED),
      inn: company.inn,
      kpp: company.kpp,
      raw: answer.raw as RegistryValues["raw"],
      checkedAt: now,
      succeededAt: now,
      error: null,
    };
    await upsertRegistryRecord(tx, key, values);
    const from = before?.succeededAt ? before.status : null;
    const to = values.status ?? null;
    const statusChanged = Boolean(before?.succeededAt) && from !== to;
    if (statusChanged) {
      await announceStatusChange(tx, {
        workspaceId,
        companyId,
        companyName: company.name,
        ownerId: company.ownerId,
        from,
        to,
      });
    }
    await storeGrade(tx, workspaceId, companyId);
    return { error: null, retryAfterMs: null, statusChanged };
  });
}

const STATUS_RU: Record<string, string> = {
  ACTIVE: "действующая",
  LIQUIDATING: "ликвидируется",
  LIQUIDATED: "ликвидирована",
  BANKRUPT: "банкротство",
  REORGANIZING: "в процессе реорганизации",
};
const statusText = (s: string | null) => (s ? (STATUS_RU[s] ?? s) : "не найдена в реестре");

/**
 * A registry status change, told to the people who need it, in the caller's transaction: a note
 * on the company's timeline (activities) and an in-app notification to the owner and their head.
 * Returns who is to be notified.
 */
export async function announceStatusChange(
  tx: Db,
  change: {
    workspaceId: string;
    companyId: string;
    companyName: string;
    ownerId: string;
    from: string | null;
    to: string | null;
  },
): Promise<{ activityId: string; userIds: string[] }> {
  const actor: Actor = systemActor(change.workspaceId);
  const head = await headOf(tx, change.workspaceId, change.ownerId);
  const userIds = head ? [change.ownerId, head] : [change.ownerId];
  const title = `Статус в реестре: ${statusText(change.from)} → ${statusText(change.to)}`;
  const note = await insertTimelineNote(tx, {
    id: uuidv7(),
    workspaceId: change.workspaceId,
    createdBy: null,
    type: "note",
    subject: title,
    body: `«${change.companyName}»: ${title}. Оценка надёжности пересчитана.`,
    companyId: change.companyId,
    ownerId: change.ownerId,
  });
  await recordChange(tx, actor, {
    action: "create",
    entity: "activity",
    entityId: note.id,
    after: { type: note.type, subject: note.subject, companyId: note.companyId },
  });
  // The domain event lets other parts (webhooks, the bell) react to the change.
  await recordChange(tx, actor, {
    action: "registry_status",
    entity: "company",
    entityId: change.companyId,
    changes: { registryStatus: { from: change.from, to: change.to } },
  });
  await notify(tx, {
    workspaceId: change.workspaceId,
    userIds,
    kind: "registry_status",
    title: `«${change.companyName}»: ${title}`,
    link: `/clients/${change.companyId}?tab=reliability`,
    dedupeKey: `registry:${change.companyId}:${note.id}`,
  });
  return { activityId: note.id, userIds };
}

/**
 * Checks the connection with a well-known INN (Sberbank's): the answer's content does not
 * matter, only that the registry accepted the token and answered in time.
 */
export async function testRegistryConnection(
  ctx: Pick<AppContext, "db" | "config">,
  actor: Actor,
): Promise<{ ok: boolean; error: RegistryError | null; ms: number }> {
  authorize(actor, "reliabilitySettings", "update");
  const p = await registryProviderFor(ctx.db, ctx.config, actor.workspaceId);
  const started = performance.now();
  if (!p) return { ok: false, error: "not_configured", ms: 0 };
  try {
    await p.findById("7707083893", null);
    return { ok: true, error: null, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (!(error instanceof RegistryProviderError)) throw error;
    return { ok: false, error: error.kind, ms: Math.round(performance.now() - started) };
  }
}
