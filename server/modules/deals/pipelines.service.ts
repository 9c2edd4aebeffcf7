import type {
  Competitor,
  CompetitorCreate,
  CompetitorUpdate,
  LostReason,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
  Stage,
} from "../../../contracts/deals";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { recomputeTopStages } from "./deals.repo";
import {
  type CompetitorRow,
  clearDefaultPipeline,
  dealsPerStage,
  findCompetitor,
  findDefaultPipeline,
  findLostReason,
  findPipeline,
  insertCompetitor,
  insertLostReasons,
  insertPipeline,
  type LostReasonRow,
  listCompetitors,
  listLostReasons,
  listPipelines,
  type PipelineRow,
  setStageProbability,
  updateCompetitor,
  updateLostReason,
  updatePipeline,
} from "./pipelines.repo";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

/** The default sales pipeline (issue: Новый запрос → … → Выиграна / Проиграна). */
export const defaultStages: Stage[] = [
  { key: "new", name: "Новый запрос", probability: 10, kind: "open" },
  { key: "needs", name: "Выявление потребностей", probability: 20, kind: "open" },
  { key: "proposal", name: "Предложение", probability: 40, kind: "open" },
  { key: "negotiation", name: "Переговоры", probability: 60, kind: "open" },
  { key: "contract", name: "Договор", probability: 80, kind: "open" },
  { key: "won", name: "Выиграна", probability: 100, kind: "won" },
  { key: "lost", name: "Проиграна", probability: 0, kind: "lost" },
];

export const defaultLostReasons = [
  "Цена выше, чем у конкурента",
  "Выбрали конкурента",
  "Нет бюджета",
  "Потребность отпала",
  "Не устроили сроки",
  "Клиент перестал отвечать",
  "Другое",
];

/** The stages a deal climbs, in order: the open ones and the won one (lost is not a step). */
export function funnelOf(stages: readonly Stage[]): string[] {
  return stages.filter((s) => s.kind !== "lost").map((s) => s.key);
}

export function presentPipeline(row: PipelineRow): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    stages: row.stages,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const presentReason = (row: LostReasonRow): LostReason => ({
  id: row.id,
  name: row.name,
  position: row.position,
  active: row.active,
  version: row.version,
});

const presentCompetitor = (row: CompetitorRow): Competitor => ({
  id: row.id,
  name: row.name,
  inn: row.inn,
  notes: row.notes,
  createdAt: row.createdAt,
  deletedAt: row.deletedAt,
  version: row.version,
});

/**
 * The workspace's default pipeline, made (with the default lost reasons) on first use. The
 * partial unique index on the default makes two concurrent first uses create it once.
 */
export async function ensureDefaultPipeline(tx: Db, workspaceId: string): Promise<PipelineRow> {
  const found = await findDefaultPipeline(tx, workspaceId);
  if (found) return found;
  const created = await insertPipeline(tx, {
    id: uuidv7(),
    workspaceId,
    name: "Продажи",
    isDefault: true,
    stages: defaultStages,
  });
  if (!created) return (await findDefaultPipeline(tx, workspaceId))!;
  const hasReasons = (await listLostReasons(tx, workspaceId, false)).length > 0;
  if (!hasReasons) {
    await insertLostReasons(
      tx,
      defaultLostReasons.map((name, i) => ({ id: uuidv7(), workspaceId, name, position: (i + 1) * 10 })),
    );
  }
  return created;
}

/** The pipeline a deal or a report works in: the named one, or the default. */
export async function pipelineFor(db: Db, workspaceId: string, id: string | undefined): Promise<PipelineRow> {
  // The default exists after the first use: read it without a transaction on the hot path.
  if (!id)
    return (
      (await findDefaultPipeline(db, workspaceId)) ??
      withTx(db, (tx) => ensureDefaultPipeline(tx, workspaceId))
    );
  const row = await findPipeline(db, workspaceId, id);
  if (!row) throw AppError.notFound();
  return row;
}

/** Unique keys, at least one open stage, exactly one won and one lost stage. */
function assertStages(stages: Stage[]): void {
  const keys = new Set(stages.map((s) => s.key));
  const kinds = (k: Stage["kind"]) => stages.filter((s) => s.kind === k).length;
  if (keys.size !== stages.length || kinds("open") < 1 || kinds("won") !== 1 || kinds("lost") !== 1) {
    throw AppError.rule("pipeline_stages_invalid", {}, [{ path: "stages", message: "pipeline_stages" }]);
  }
}

export async function listAllPipelines(db: Db, actor: Actor): Promise<{ items: Pipeline[] }> {
  authorize(actor, "pipelines", "read");
  await withTx(db, (tx) => ensureDefaultPipeline(tx, actor.workspaceId));
  return { items: (await listPipelines(db, actor.workspaceId)).map(presentPipeline) };
}

export async function getPipeline(db: Db, actor: Actor, id: string): Promise<Pipeline> {
  authorize(actor, "pipelines", "read");
  const row = await findPipeline(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentPipeline(row);
}

export async function createPipeline(db: Db, actor: Actor, input: PipelineCreate): Promise<Pipeline> {
  authorize(actor, "pipelines", "create");
  assertStages(input.stages);
  return withTx(db, async (tx) => {
    await ensureDefaultPipeline(tx, actor.workspaceId);
    if (input.isDefault) await clearDefaultPipeline(tx, actor.workspaceId);
    const row = await insertPipeline(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      isDefault: input.isDefault ?? false,
      stages: input.stages,
    });
    const pipeline = presentPipeline(row!);
    await recordChange(tx, actor, {
      action: "create",
      entity: "pipeline",
      entityId: row!.id,
      after: pipeline,
    });
    return pipeline;
  });
}

/**
 * Renames, reorders, re-weights and adds stages. A stage that still has deals cannot be removed
 * (422); the deals of a re-weighted stage follow its new probability.
 */
export async function editPipeline(
  db: Db,
  actor: Actor,
  id: string,
  input: PipelineUpdate,
): Promise<Pipeline> {
  authorize(actor, "pipelines", "update");
  return withTx(db, async (tx) => {
    const before = await findPipeline(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    if (before.version !== input.version) throw AppError.stale(before.version);
    if (input.stages) {
      assertStages(input.stages);
      const keys = new Set(input.stages.map((s) => s.key));
      const used = await dealsPerStage(tx, actor.workspaceId, id);
      for (const old of before.stages) {
        const n = used.get(old.key) ?? 0;
        if (!keys.has(old.key) && n > 0)
          throw AppError.rule("pipeline_stage_in_use", { stage: old.name, count: n }, [
            { path: "stages", message: old.key },
          ]);
        const next = input.stages.find((s) => s.key === old.key);
        // A stage's kind decides deal statuses; changing it under live deals would corrupt them.
        if (next && next.kind !== old.kind && n > 0)
          throw AppError.rule("pipeline_stage_in_use", { stage: old.name, count: n }, [
            { path: "stages", message: old.key },
          ]);
        if (next && next.probability !== old.probability && n > 0)
          await setStageProbability(tx, actor.workspaceId, id, next);
      }
    }
    if (input.isDefault && !before.isDefault) await clearDefaultPipeline(tx, actor.workspaceId);
    // Reordered steps change which stage is the furthest a deal reached.
    if (input.stages && funnelOf(input.stages).join("\n") !== funnelOf(before.stages).join("\n"))
      await recomputeTopStages(tx, id, funnelOf(input.stages));
    const row = await updatePipeline(tx, id, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.stages ? { stages: input.stages } : {}),
      ...(input.isDefault ? { isDefault: true } : {}),
      version: before.version + 1,
    });
    const pipeline = presentPipeline(row);
    await recordChange(tx, actor, {
      action: "update",
      entity: "pipeline",
      entityId: id,
      before: presentPipeline(before),
      after: pipeline,
    });
    return pipeline;
  });
}

export async function deletePipeline(db: Db, actor: Actor, id: string): Promise<Pipeline> {
  authorize(actor, "pipelines", "delete");
  return withTx(db, async (tx) => {
    const before = await findPipeline(tx, actor.workspaceId, id, true);
    if (!before) throw AppError.notFound();
    const used = [...(await dealsPerStage(tx, actor.workspaceId, id)).values()].some((n) => n > 0);
    if (before.isDefault || used) throw AppError.rule("pipeline_in_use");
    const row = await updatePipeline(tx, id, {
      deletedAt: new Date().toISOString(),
      version: before.version + 1,
    });
    await recordChange(tx, actor, {
      action: "delete",
      entity: "pipeline",
      entityId: id,
      changes: { deletedAt: { from: null, to: row.deletedAt } },
    });
    return presentPipeline(row);
  });
}

export async function lostReasonList(db: Db, actor: Actor, all: boolean): Promise<{ items: LostReason[] }> {
  authorize(actor, "pipelines", "read");
  await withTx(db, (tx) => ensureDefaultPipeline(tx, actor.workspaceId));
  return { items: (await listLostReasons(db, actor.workspaceId, !all)).map(presentReason) };
}

export async function createLostReason(
  db: Db,
  actor: Actor,
  input: { name: string; position?: number },
): Promise<LostReason> {
  authorize(actor, "pipelines", "create");
  return withTx(db, async (tx) => {
    await ensureDefaultPipeline(tx, actor.workspaceId);
    const last = (await listLostReasons(tx, actor.workspaceId, false)).at(-1);
    const [row] = await insertLostReasons(tx, [
      {
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        createdBy: stampOf(actor),
        name: input.name,
        position: input.position ?? (last?.position ?? 0) + 10,
      },
    ]);
    const reason = presentReason(row!);
    await recordChange(tx, actor, {
      action: "create",
      entity: "lost_reason",
      entityId: row!.id,
      after: reason,
    });
    return reason;
  });
}

/** A reason is never deleted (lost deals keep pointing at it): DELETE makes it inactive. */
export async function editLostReason(
  db: Db,
  actor: Actor,
  id: string,
  input: { name?: string; position?: number; active?: boolean; version?: number },
  action: "update" | "delete" = "update",
): Promise<LostReason> {
  authorize(actor, "pipelines", action);
  return withTx(db, async (tx) => {
    const before = await findLostReason(tx, actor.workspaceId, id);
    if (!before) throw AppError.notFound();
    if (input.version !== undefined && before.version !== input.version) throw AppError.stale(before.version);
    const row = await updateLostReason(tx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.position !== undefined ? { position: input.position } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      version: before.version + 1,
    });
    const reason = presentReason(row);
    await recordChange(tx, actor, {
      action,
      entity: "lost_reason",
      entityId: id,
      before: presentReason(before),
      after: reason,
    });
    return reason;
  });
}

export async function competitorList(
  db: Db,
  actor: Actor,
  q: { limit: number; cursor?: string; q?: string; deleted?: "only" | "include" },
) {
  authorize(actor, "pipelines", "read");
  const result = await listCompetitors(db, actor.workspaceId, q);
  return { items: result.items.map(presentCompetitor), nextCursor: result.nextCursor };
}

export async function getCompetitor(db: Db, actor: Actor, id: string): Promise<Competitor> {
  authorize(actor, "pipelines", "read");
  const row = await findCompetitor(db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return presentCompetitor(row);
}

export async function createCompetitor(db: Db, actor: Actor, input: CompetitorCreate): Promise<Competitor> {
  authorize(actor, "pipelines", "create");
  return withTx(db, async (tx) => {
    const row = await insertCompetitor(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      name: input.name,
      inn: input.inn || null,
      notes: input.notes || null,
    });
    const competitor = presentCompetitor(row);
    await recordChange(tx, actor, {
      action: "create",
      entity: "competitor",
      entityId: row.id,
      after: competitor,
    });
    return competitor;
  });
}

export async function editCompetitor(
  db: Db,
  actor: Actor,
  id: string,
  input: CompetitorUpdate | { delete: true },
): Promise<Competitor> {
  const deleting = "delete" in input;
  authorize(actor, "pipelines", deleting ? "delete" : "update");
  return withTx(db, async (tx) => {
    const before = await findCompetitor(tx, actor.workspaceId, id, true);
    if (!before || before.deletedAt) throw AppError.notFound();
    if (!deleting && before.version !== input.version) throw AppError.stale(before.version);
    const row = await updateCompetitor(
      tx,
      id,
      deleting
        ? { deletedAt: new Date().toISOString(), version: before.version + 1 }
        : {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.inn !== undefined ? { inn: input.inn || null } : {}),
            ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
            version: before.version + 1,
          },
    );
    const competitor = presentCompetitor(row);
    await recordChange(tx, actor, {
      action: deleting ? "delete" : "update",
      entity: "competitor",
      entityId: id,
      before: presentCompetitor(before),
      after: competitor,
    });
    return competitor;
  });
}
