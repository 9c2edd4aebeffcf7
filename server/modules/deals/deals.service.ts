import { sql } from "drizzle-orm";
import type {
  Deal,
  DealCreate,
  DealListQuery,
  DealMove,
  DealReopen,
  DealUpdate,
} from "../../../contracts/deals";
import { MAIN_CURRENCY, parseMoney } from "../../../core/money";
import { uuidv7 } from "../../../core/uuid";
import type { PipelineStage } from "../../db/schema/index";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Action, type Reach, reachOf } from "../../platform/permissions";
import { authorize, canReach } from "../../platform/policy";
import { stopEnrolments } from "../cadences/cadences.service";
import { assertAssignableOwner } from "../companies/companies.policy";
import { assertActiveOwner, companyForAction } from "../companies/companies.service";
import { findContact } from "../contacts/contacts.repo";
import { gradesOf } from "../reliability/reliability.service";
import { presentDeal, stageNamesOf } from "./deals.presenter";
import {
  type DealRow,
  type DealSet,
  dealFilterWhere,
  findDeal,
  insertDeal,
  insertStageChange,
  listDeals,
  lockDeal,
  needsOf,
  replaceNeeds,
  updateDeal,
} from "./deals.repo";
import { assertRiskCleared, DealNeedsApproval, requestRiskApproval } from "./deals.risk";
import {
  findCompetitor,
  findLostReason,
  findPipeline,
  listPipelines,
  type PipelineRow,
} from "./pipelines.repo";
import { funnelOf, pipelineFor } from "./pipelines.service";

const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);
const mayRestore = (actor: Actor) => reachOf("deals", "restore", actor.role) !== null;

/**
 * A deal is seen by its own owner's reach (a manager their deals, a head the team's, an admin
 * all); outside it → 404. A deleted deal exists only for those who may restore it.
 */
export function authorizeDeal(actor: Actor, action: Action, row: DealRow | undefined): Reach {
  const reach = authorize(actor, "deals", action);
  if (!row || !canReach(actor, reach, row.ownerId)) throw AppError.notFound();
  if (row.deletedAt && (action !== "read" || !mayRestore(actor))) throw AppError.notFound();
  return reach;
}

/** A closed deal is frozen: only a reopen (audited) makes it editable again. */
function assertOpen(row: DealRow): void {
  if (row.status !== "open") throw AppError.rule("deal_closed", { status: row.status });
}

function stageOf(pipeline: PipelineRow, key: string): PipelineStage {
  const stage = pipeline.stages.find((s) => s.key === key);
  if (!stage)
    throw AppError.rule("deal_unknown_stage", { stage: key }, [{ path: "stage", message: "required" }]);
  return stage;
}

/** While a deal is open it must say what happens next and when (clause 2.4). */
function assertNextStep(values: { nextStep?: string | null; nextStepDate?: string | null }): void {
  const errors = [
    ...(values.nextStep ? [] : [{ path: "nextStep", message: "required" }]),
    ...(values.nextStepDate ? [] : [{ path: "nextStepDate", message: "required" }]),
  ];
  if (errors.length) throw AppError.rule("deal_next_step_required", {}, errors);
}

async function presentOne(db: Db, row: DealRow): Promise<Deal> {
  const pipeline = await findPipeline(db, row.workspaceId, row.pipelineId);
  const needs = await needsOf(db, [row.id]);
  const grades = await gradesOf(db, row.workspaceId, [row.companyId]);
  return presentDeal(
    row,
    stageNamesOf(pipeline ? [pipeline] : []),
    needs.get(row.id) ?? [],
    grades.get(row.companyId) ?? null,
  );
}

/** Presents a page of deals with three extra queries whatever its size (pipelines, needs, grades). */
export async function presentMany(db: Db, workspaceId: string, rows: DealRow[]): Promise<Deal[]> {
  if (!rows.length) return [];
  const names = stageNamesOf(await listPipelines(db, workspaceId));
  const needs = await needsOf(
    db,
    rows.map((r) => r.id),
  );
  const grades = await gradesOf(
    db,
    workspaceId,
    rows.map((r) => r.companyId),
  );
  return rows.map((r) => presentDeal(r, names, needs.get(r.id) ?? [], grades.get(r.companyId) ?? null));
}

/** The contact must be one of the deal's company. */
async function assertContact(
  db: Db,
  workspaceId: string,
  contactId: string | null | undefined,
  companyId: string,
) {
  if (!contactId) return;
  const contact = await findContact(db, workspaceId, contactId);
  if (!contact || contact.deletedAt || contact.companyId !== companyId)
    throw AppError.rule("deal_contact_mismatch", {}, [{ path: "contactId", message: "required" }]);
}

const optionalText = (v: string | null | undefined) => (v === undefined ? undefined : v === "" ? null : v);

/** One stage change of a deal in its history (the furthest stage is set with the deal's own update). */
function stageChanged(
  tx: Db,
  actor: Actor,
  dealId: string,
  pipelineId: string,
  fromStage: string | null,
  toStage: string,
): Promise<void> {
  return insertStageChange(tx, {
    id: uuidv7(),
    workspaceId: actor.workspaceId,
    dealId,
    pipelineId,
    fromStage,
    toStage,
    userId: stampOf(actor),
  });
}

/** The deal's new furthest funnel stage when `to` lies beyond `top`, else nothing to set. */
function raisedTop(pipeline: PipelineRow, top: string | null, to: string): { topStage?: string } {
  const funnel = funnelOf(pipeline.stages);
  const at = funnel.indexOf(to);
  return at > (top === null ? -1 : funnel.indexOf(top)) ? { topStage: to } : {};
}

export async function createDeal(db: Db, actor: Actor, input: DealCreate): Promise<Deal> {
  const reach = authorize(actor, "deals", "create");
  return withTx(db, async (tx) => {
    const company = await companyForAction(tx, actor, input.companyId, "read");
    const ownerId = input.ownerId ?? (canReach(actor, reach, company.ownerId) ? company.ownerId : actor.id);
    assertAssignableOwner(actor, reach, ownerId);
    await assertActiveOwner(tx, actor.workspaceId, ownerId);
    const pipeline = await pipelineFor(tx, actor.workspaceId, input.pipelineId);
    const stage = input.stage
      ? stageOf(pipeline, input.stage)
      : pipeline.stages.find((s) => s.kind === "open")!;
    if (stage.kind !== "open")
      throw AppError.rule("deal_create_closed", {}, [{ path: "stage", message: "required" }]);
    assertNextStep(input);
    await assertContact(tx, actor.workspaceId, input.contactId, company.id);
    const id = uuidv7();
    await insertDeal(tx, {
      id,
      workspaceId: actor.workspaceId,
      createdBy: stampOf(actor),
      pipelineId: pipeline.id,
      stage: stage.key,
      // The first stage counts as reached: conversion starts from the creation.
      topStage: stage.key,
      status: "open",
      probability: stage.probability,
      title: input.title,
      companyId: company.id,
      contactId: input.contactId ?? null,
      amount: input.amount ?? null,
      currency: input.currency ?? MAIN_CURRENCY,
      expectedCloseDate: input.expectedCloseDate ?? null,
      source: optionalText(input.source) ?? null,
      needs: optionalText(input.needs) ?? null,
      nextStep: input.nextStep ?? null,
      nextStepDate: input.nextStepDate ?? null,
      ownerId,
    });
    if (input.needRows?.length) await replaceNeeds(tx, actor.workspaceId, id, input.needRows, uuidv7);
    await stageChanged(tx, actor, id, pipeline.id, null, stage.key);
    const deal = await presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, { action: "create", entity: "deal", entityId: id, after: deal });
    return deal;
  });
}

export async function getDeal(db: Db, actor: Actor, id: string): Promise<Deal> {
  const row = await findDeal(db, actor.workspaceId, id);
  authorizeDeal(actor, "read", row);
  return presentOne(db, row!);
}

export async function listVisibleDeals(db: Db, actor: Actor, query: DealListQuery) {
  const reach = authorize(actor, "deals", "read");
  if (query.deleted && !mayRestore(actor)) throw AppError.forbidden();
  // Deals of a company the caller cannot see: the company does not exist for them.
  if (query.companyId) await companyForAction(db, actor, query.companyId, "read");
  const result = await listDeals(db, dealFilterWhere(actor, reach, query), query);
  return { items: await presentMany(db, actor.workspaceId, result.items), nextCursor: result.nextCursor };
}

export async function updateDealCard(db: Db, actor: Actor, id: string, input: DealUpdate): Promise<Deal> {
  const reach = authorize(actor, "deals", "update");
  return withTx(db, async (tx) => {
    const before = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "update", before);
    if (before!.version !== input.version) throw AppError.stale(before!.version);
    assertOpen(before!);
    const set: DealSet = {};
    if (input.title !== undefined) set.title = input.title;
    if (input.amount !== undefined) set.amount = input.amount;
    if (input.currency !== undefined) set.currency = input.currency;
    if (input.expectedCloseDate !== undefined) set.expectedCloseDate = input.expectedCloseDate;
    if (input.source !== undefined) set.source = optionalText(input.source);
    if (input.needs !== undefined) set.needs = optionalText(input.needs);
    if (input.nextStep !== undefined) set.nextStep = optionalText(input.nextStep);
    if (input.nextStepDate !== undefined) set.nextStepDate = input.nextStepDate;
    assertNextStep({
      nextStep: input.nextStep !== undefined ? input.nextStep : before!.nextStep,
      nextStepDate: input.nextStepDate !== undefined ? input.nextStepDate : before!.nextStepDate,
    });
    const companyId = input.companyId ?? before!.companyId;
    if (input.companyId && input.companyId !== before!.companyId) {
      set.companyId = (await companyForAction(tx, actor, input.companyId, "read")).id;
      // The old contact belongs to the old company.
      if (input.contactId === undefined) set.contactId = null;
    }
    if (input.contactId !== undefined) {
      await assertContact(tx, actor.workspaceId, input.contactId, companyId);
      set.contactId = input.contactId;
    }
    if (input.ownerId && input.ownerId !== before!.ownerId) {
      assertAssignableOwner(actor, reach, input.ownerId);
      await assertActiveOwner(tx, actor.workspaceId, input.ownerId);
      set.ownerId = input.ownerId;
    }
    await updateDeal(tx, id, { ...set, version: before!.version + 1 });
    if (input.needRows) await replaceNeeds(tx, actor.workspaceId, id, input.needRows, uuidv7);
    const deal = await presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
    const old = await presentOne(tx, before!);
    await recordChange(tx, actor, {
      action: "update",
      entity: "deal",
      entityId: id,
      before: old,
      after: deal,
    });
    return deal;
  });
}

/**
 * The one place a deal changes stage, and so the one place it is won or lost: a stale version
 * is a 409, a closed deal must be reopened first, Won needs an amount above zero, Lost needs an
 * active reason (and optionally the competitor who won). The probability follows the stage and
 * every move is written to deal_stage_changes, from which conversion and cycle length come.
 */
export async function moveDealStage(db: Db, actor: Actor, id: string, input: DealMove): Promise<Deal> {
  authorize(actor, "deals", "update");
  try {
    return await moveInTx(db, actor, id, input);
  } catch (error) {
    if (!(error instanceof DealNeedsApproval)) throw error;
    throw await withTx(db, (tx) => requestRiskApproval(tx, actor, error.deal));
  }
}

function moveInTx(db: Db, actor: Actor, id: string, input: DealMove): Promise<Deal> {
  return withTx(db, async (tx) => {
    const before = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "update", before);
    const row = before!;
    if (row.version !== input.version) throw AppError.stale(row.version);
    assertOpen(row);
    const pipeline = (await findPipeline(tx, actor.workspaceId, row.pipelineId))!;
    const stage = stageOf(pipeline, input.stage);
    if (stage.key === row.stage) return presentOne(tx, row);
    await assertRiskCleared(tx, actor, row, stage.key);
    const set: DealSet = {
      stage: stage.key,
      status: stage.kind,
      probability: stage.probability,
      stageChangedAt: sql`now()`,
      closedAt: stage.kind === "open" ? null : sql`now()`,
      ...raisedTop(pipeline, row.topStage, stage.key),
      version: row.version + 1,
    };
    if (stage.kind === "won") {
      const amount = input.amount ?? row.amount;
      if (!amount || parseMoney(amount) <= 0)
        throw AppError.rule("deal_won_needs_amount", {}, [{ path: "amount", message: "required" }]);
      set.amount = amount;
    } else if (input.amount !== undefined) set.amount = input.amount;
    if (stage.kind === "lost") {
      const reason = input.lostReasonId
        ? await findLostReason(tx, actor.workspaceId, input.lostReasonId)
        : null;
      if (!reason?.active)
        throw AppError.rule("deal_lost_needs_reason", {}, [{ path: "lostReasonId", message: "required" }]);
      if (input.competitorId) {
        const competitor = await findCompetitor(tx, actor.workspaceId, input.competitorId);
        if (!competitor || competitor.deletedAt)
          throw AppError.rule("deal_unknown_reference", { field: "competitorId" }, [
            { path: "competitorId", message: "required" },
          ]);
      }
      set.lostReasonId = reason.id;
      set.competitorId = input.competitorId ?? null;
      set.lostNote = optionalText(input.lostNote) ?? null;
    }
    await updateDeal(tx, id, set);
    await stageChanged(tx, actor, id, row.pipelineId, row.stage, stage.key);
    const deal = await presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, {
      action: stage.kind === "open" ? "move" : stage.kind,
      entity: "deal",
      entityId: id,
      before: await presentOne(tx, row),
      after: deal,
    });
    // A won or lost deal ends the contact schemes its company was walked through.
    if (stage.kind !== "open")
      await stopEnrolments(
        tx,
        actor,
        { companyId: row.companyId },
        stage.kind === "won" ? "deal_won" : "deal_lost",
      );
    return deal;
  });
}

/** Reopens a won or lost deal at an open stage (by default the one it was closed from); audited. */
export async function reopenDeal(db: Db, actor: Actor, id: string, input: DealReopen): Promise<Deal> {
  authorize(actor, "deals", "update");
  return withTx(db, async (tx) => {
    const before = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "update", before);
    const row = before!;
    if (row.version !== input.version) throw AppError.stale(row.version);
    if (row.status === "open") throw AppError.rule("deal_not_closed");
    const pipeline = (await findPipeline(tx, actor.workspaceId, row.pipelineId))!;
    const [last] = await tx
      .execute<{ from_stage: string | null }>(
        sql`select from_stage from deal_stage_changes where deal_id = ${id} and to_stage = ${row.stage}
          order by at desc, id desc limit 1`,
      )
      .then((r) => r.rows);
    const wanted = input.stage ?? last?.from_stage ?? undefined;
    const open = pipeline.stages.filter((s) => s.kind === "open");
    const stage = (wanted && open.find((s) => s.key === wanted)) || (input.stage ? null : open[0]);
    if (!stage)
      throw AppError.rule("deal_unknown_stage", { stage: input.stage }, [
        { path: "stage", message: "required" },
      ]);
    await updateDeal(tx, id, {
      stage: stage.key,
      status: "open",
      probability: stage.probability,
      stageChangedAt: sql`now()`,
      closedAt: null,
      ...raisedTop(pipeline, row.topStage, stage.key),
      lostReasonId: null,
      lostNote: null,
      competitorId: null,
      version: row.version + 1,
    });
    await stageChanged(tx, actor, id, row.pipelineId, row.stage, stage.key);
    const deal = await presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, {
      action: "reopen",
      entity: "deal",
      entityId: id,
      before: await presentOne(tx, row),
      after: deal,
    });
    return deal;
  });
}

export async function deleteDeal(db: Db, actor: Actor, id: string): Promise<Deal> {
  authorize(actor, "deals", "delete");
  return withTx(db, async (tx) => {
    const before = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "delete", before);
    await updateDeal(tx, id, {
      deletedAt: sql`now()`,
      deletedBy: stampOf(actor),
      version: before!.version + 1,
    });
    const deal = await presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
    await recordChange(tx, actor, {
      action: "delete",
      entity: "deal",
      entityId: id,
      changes: { deletedAt: { from: null, to: deal.deletedAt } },
    });
    return deal;
  });
}

export async function restoreDeal(db: Db, actor: Actor, id: string): Promise<Deal> {
  authorize(actor, "deals", "restore");
  return withTx(db, async (tx) => {
    const before = await lockDeal(tx, actor.workspaceId, id);
    authorizeDeal(actor, "read", before);
    if (!before!.deletedAt) throw AppError.rule("not_deleted");
    const company = await companyForAction(tx, actor, before!.companyId, "read");
    if (company.deletedAt) throw AppError.rule("company_deleted");
    await updateDeal(tx, id, { deletedAt: null, deletedBy: null, version: before!.version + 1 });
    await recordChange(tx, actor, {
      action: "restore",
      entity: "deal",
      entityId: id,
      changes: { deletedAt: { from: before!.deletedAt, to: null } },
    });
    return presentOne(tx, (await findDeal(tx, actor.workspaceId, id))!);
  });
}
