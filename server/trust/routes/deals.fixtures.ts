import type { LightMyRequestResponse } from "fastify";
import type { Harness, Session } from "../../test/harness";
import type { Row, World } from "../fixtures";

/** The matrix's rows of the deals part: A1's deals and the admin's settings rows. */
export type DealFreshKind = "deal" | "closedDeal" | "deletedDeal" | "pipeline" | "lostReason" | "competitor";

export const DEAL_SECRET = { title: "Тайная поставка Аркадию" } as const;

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function json<T>(res: Promise<LightMyRequestResponse>, status: number): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`fixture: expected ${status}, got ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

const dealOf = (companyId: string, title: string) => ({
  title,
  companyId,
  amount: "12345.00",
  expectedCloseDate: day(30),
  nextStep: "Позвонить",
  nextStepDate: day(2),
});

/**
 * A1's deal shared by the reads: at the "proposal" stage, where no fresh deal of the matrix goes,
 * so lists and boards filtered by that stage always show it whatever else was created.
 */
export async function makeWorldDeal(h: Harness, A1: Session, companyId: string): Promise<{ id: string }> {
  const deal = await json<{ id: string; version: number }>(
    h.post("/api/v1/deals", dealOf(companyId, DEAL_SECRET.title), A1),
    201,
  );
  await json(h.post(`/api/v1/deals/${deal.id}/move`, { stage: "proposal", version: deal.version }, A1), 200);
  return { id: deal.id };
}

export async function makeFreshDealRow(h: Harness, w: World, kind: DealFreshKind, n: number): Promise<Row> {
  const A1 = w.sessions.A1;
  const admin = w.sessions.admin;
  const owner = A1.user.id;
  const title = `Свежая сделка ${n}`;
  const deal = () =>
    json<{ id: string; version: number }>(h.post("/api/v1/deals", dealOf(w.company.id, title), A1), 201);
  switch (kind) {
    case "deal":
      return { ids: [(await deal()).id], owner, texts: [title] };
    case "closedDeal": {
      const made = await deal();
      await json(h.post(`/api/v1/deals/${made.id}/move`, { stage: "won", version: made.version }, A1), 200);
      return { ids: [made.id], owner, texts: [title] };
    }
    case "deletedDeal": {
      const made = await deal();
      await json(h.del(`/api/v1/deals/${made.id}`, A1), 200);
      return { ids: [made.id], owner, texts: [title] };
    }
    case "pipeline": {
      const name = `Воронка ${n}`;
      const stages = [
        { key: "a", name: "Первый", probability: 10, kind: "open" },
        { key: "won", name: "Выиграна", probability: 100, kind: "won" },
        { key: "lost", name: "Проиграна", probability: 0, kind: "lost" },
      ];
      const made = await json<{ id: string }>(h.post("/api/v1/pipelines", { name, stages }, admin), 201);
      return { ids: [made.id], owner, texts: [] };
    }
    case "lostReason": {
      const made = await json<{ id: string }>(
        h.post("/api/v1/lost-reasons", { name: `Причина ${n}` }, admin),
        201,
      );
      return { ids: [made.id], owner, texts: [] };
    }
    case "competitor": {
      const made = await json<{ id: string }>(
        h.post("/api/v1/competitors", { name: `Конкурент ${n}` }, admin),
        201,
      );
      return { ids: [made.id], owner, texts: [] };
    }
  }
}
