import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  Deal,
  DealBoard,
  DealBoardQuery,
  DealCreate,
  DealListQuery,
  DealLogCreate,
  DealLogEntry,
  DealMove,
  DealReopen,
  DealUpdate,
  Forecast,
  ForecastQuery,
  StageChange,
} from "../../../contracts/deals";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { dealBoard } from "./deals.board";
import { dealForecast } from "./deals.forecast";
import { addDealLog, dealLogList, dealStageHistory } from "./deals.log";
import {
  createDeal,
  deleteDeal,
  getDeal,
  listVisibleDeals,
  moveDealStage,
  reopenDeal,
  restoreDeal,
  updateDealCard,
} from "./deals.service";

export async function dealsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["deals"];
  const base = "/api/v1/deals";

  r.get(base, { schema: { tags, querystring: DealListQuery, response: { 200: listOf(Deal) } } }, (req) =>
    listVisibleDeals(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: DealCreate, response: { 201: Deal } } }, async (req, reply) =>
    reply.status(201).send(await createDeal(ctx.db, requireActor(req), req.body)),
  );
  r.get(
    `${base}/board`,
    { schema: { tags, querystring: DealBoardQuery, response: { 200: DealBoard } } },
    (req) => dealBoard(ctx.db, requireActor(req), req.query),
  );
  r.get(
    `${base}/forecast`,
    { schema: { tags, querystring: ForecastQuery, response: { 200: Forecast } } },
    (req) => dealForecast(ctx.db, requireActor(req), req.query),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Deal } } }, (req) =>
    getDeal(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: DealUpdate, response: { 200: Deal } } },
    (req) => updateDealCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Deal } } }, (req) =>
    deleteDeal(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Deal } } }, (req) =>
    restoreDeal(ctx.db, requireActor(req), req.params.id),
  );
  r.post(
    `${base}/:id/move`,
    { schema: { tags, params: IdParams, body: DealMove, response: { 200: Deal } } },
    (req) => moveDealStage(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${base}/:id/reopen`,
    { schema: { tags, params: IdParams, body: DealReopen, response: { 200: Deal } } },
    (req) => reopenDeal(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    `${base}/:id/stages`,
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(StageChange) }) } } },
    (req) => dealStageHistory(ctx.db, requireActor(req), req.params.id),
  );
  r.get(
    `${base}/:id/log`,
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(DealLogEntry) }) } } },
    (req) => dealLogList(ctx.db, requireActor(req), req.params.id),
  );
  r.post(
    `${base}/:id/log`,
    { schema: { tags, params: IdParams, body: DealLogCreate, response: { 201: DealLogEntry } } },
    async (req, reply) =>
      reply.status(201).send(await addDealLog(ctx.db, requireActor(req), req.params.id, req.body)),
  );
}
