import type { Deal } from "../../../contracts/deals";
import type { PipelineStage } from "../../db/schema/index";
import type { DealRow, NeedRowValue } from "./deals.repo";

/** Stage names by pipeline id and stage key, for presenting deals of several pipelines. */
export type StageNames = Map<string, Map<string, string>>;

export function stageNamesOf(pipelines: { id: string; stages: PipelineStage[] }[]): StageNames {
  return new Map(pipelines.map((p) => [p.id, new Map(p.stages.map((s) => [s.key, s.name]))]));
}

export function presentDeal(
  row: DealRow,
  stages: StageNames,
  needRows: NeedRowValue[] = [],
  companyGrade: Deal["companyGrade"] = null,
): Deal {
  return {
    id: row.id,
    pipelineId: row.pipelineId,
    companyId: row.companyId,
    companyName: row.companyName,
    companyGrade,
    contactId: row.contactId,
    contactName: row.contactName,
    title: row.title,
    stage: row.stage,
    stageName: stages.get(row.pipelineId)?.get(row.stage) ?? null,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    probability: row.probability,
    expectedCloseDate: row.expectedCloseDate,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    source: row.source,
    needs: row.needs,
    needRows,
    nextStep: row.nextStep,
    nextStepDate: row.nextStepDate,
    lostReason: row.lostReason,
    lostReasonId: row.lostReasonId,
    lostNote: row.lostNote,
    competitorId: row.competitorId,
    competitorName: row.competitorName,
    stageChangedAt: row.stageChangedAt,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    version: row.version,
  };
}
