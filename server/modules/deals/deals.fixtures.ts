import { expect } from "vitest";
import type { Deal, Pipeline } from "../../../contracts/deals";
import type { Harness, Session } from "../../test/harness";

/** A date `days` from today, as the API takes dates. */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The smallest valid open deal of a company: a title and the required next step. */
export function dealBody(companyId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Поставка оборудования",
    companyId,
    nextStep: "Позвонить",
    nextStepDate: inDays(3),
    ...extra,
  };
}

export async function newDeal(
  h: Harness,
  as: Session,
  companyId: string,
  extra: Record<string, unknown> = {},
): Promise<Deal> {
  const res = await h.post("/api/v1/deals", dealBody(companyId, extra), as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function defaultPipeline(h: Harness, as: Session): Promise<Pipeline> {
  const res = await h.get("/api/v1/pipelines", as);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Pipeline[] }).items.find((p) => p.isDefault)!;
}

export async function move(
  h: Harness,
  as: Session,
  deal: Deal,
  stage: string,
  extra: Record<string, unknown> = {},
) {
  return h.post(`/api/v1/deals/${deal.id}/move`, { stage, version: deal.version, ...extra }, as);
}

export async function moved(
  h: Harness,
  as: Session,
  deal: Deal,
  stage: string,
  extra: Record<string, unknown> = {},
) {
  const res = await move(h, as, deal, stage, extra);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Deal;
}

export async function firstReason(h: Harness, as: Session): Promise<string> {
  const res = await h.get("/api/v1/lost-reasons", as);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items[0]!.id;
}
