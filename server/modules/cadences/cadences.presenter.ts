import type { Cadence, CadenceEnrolment, CadenceStats } from "../../../contracts/cadences";
import type { CadenceRow, EnrolmentView, StatsRow, StepRow } from "./cadences.repo";

export function presentCadence(
  row: CadenceRow,
  steps: readonly StepRow[],
  ownerName: string | null,
): Cadence {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    ownerId: row.ownerId,
    ownerName,
    steps: steps.map((s) => ({
      id: s.id,
      position: s.position,
      type: s.type,
      delayWorkingDays: s.delayWorkingDays,
      subject: s.subject,
      script: s.script,
    })),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
  };
}

export function presentEnrolment(row: EnrolmentView): CadenceEnrolment {
  return {
    id: row.id,
    cadenceId: row.cadenceId,
    cadenceName: row.cadenceName,
    companyId: row.companyId,
    companyName: row.companyName,
    contactId: row.contactId,
    contactName: row.contactName,
    ownerId: row.ownerId,
    status: row.status,
    stopReason: row.stopReason,
    startedOn: row.startedOn,
    stepsDone: row.stepsDone,
    stepsTotal: row.stepsTotal,
    currentTask: row.task,
    nextPosition: row.nextPosition,
    nextDueOn: row.nextDueOn,
    createdAt: row.createdAt,
    endedAt: row.endedAt,
    version: row.version,
  };
}

export function presentStats(row: StatsRow | undefined): CadenceStats {
  return {
    enrolled: row?.enrolled ?? 0,
    inProgress: row?.inProgress ?? 0,
    converted: row?.converted ?? 0,
    completed: row?.completed ?? 0,
    stopped: {
      reply: row?.reply ?? 0,
      manual: row?.manual ?? 0,
      dealWon: row?.dealWon ?? 0,
      dealLost: row?.dealLost ?? 0,
    },
  };
}
