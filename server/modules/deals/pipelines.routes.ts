import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  Competitor,
  CompetitorCreate,
  CompetitorListQuery,
  CompetitorUpdate,
  LostReason,
  LostReasonCreate,
  LostReasonUpdate,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
} from "../../../contracts/deals";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  competitorList,
  createCompetitor,
  createLostReason,
  createPipeline,
  deletePipeline,
  editCompetitor,
  editLostReason,
  editPipeline,
  getCompetitor,
  getPipeline,
  listAllPipelines,
  lostReasonList,
} from "./pipelines.service";

/** Pipelines with their stages, lost reasons and competitors: read by sellers, edited by an admin. */
export async function pipelinesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["deals"];
  const p = "/api/v1/pipelines";
  r.get(p, { schema: { tags, response: { 200: z.object({ items: z.array(Pipeline) }) } } }, (req) =>
    listAllPipelines(ctx.db, requireActor(req)),
  );
  r.post(p, { schema: { tags, body: PipelineCreate, response: { 201: Pipeline } } }, async (req, reply) =>
    reply.status(201).send(await createPipeline(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${p}/:id`, { schema: { tags, params: IdParams, response: { 200: Pipeline } } }, (req) =>
    getPipeline(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${p}/:id`,
    { schema: { tags, params: IdParams, body: PipelineUpdate, response: { 200: Pipeline } } },
    (req) => editPipeline(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${p}/:id`, { schema: { tags, params: IdParams, response: { 200: Pipeline } } }, (req) =>
    deletePipeline(ctx.db, requireActor(req), req.params.id),
  );

  const lr = "/api/v1/lost-reasons";
  r.get(
    lr,
    {
      schema: {
        tags,
        querystring: z.object({ all: z.enum(["true", "false"]).optional() }),
        response: { 200: z.object({ items: z.array(LostReason) }) },
      },
    },
    (req) => lostReasonList(ctx.db, requireActor(req), req.query.all === "true"),
  );
  r.post(
    lr,
    { schema: { tags, body: LostReasonCreate, response: { 201: LostReason } } },
    async (req, reply) => reply.status(201).send(await createLostReason(ctx.db, requireActor(req), req.body)),
  );
  r.patch(
    `${lr}/:id`,
    { schema: { tags, params: IdParams, body: LostReasonUpdate, response: { 200: LostReason } } },
    (req) => editLostReason(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${lr}/:id`, { schema: { tags, params: IdParams, response: { 200: LostReason } } }, (req) =>
    editLostReason(ctx.db, requireActor(req), req.params.id, { active: false }, "delete"),
  );

  const c = "/api/v1/competitors";
  r.get(
    c,
    { schema: { tags, querystring: CompetitorListQuery, response: { 200: listOf(Competitor) } } },
    (req) => competitorList(ctx.db, requireActor(req), req.query),
  );
  r.post(c, { schema: { tags, body: CompetitorCreate, response: { 201: Competitor } } }, async (req, reply) =>
    reply.status(201).send(await createCompetitor(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${c}/:id`, { schema: { tags, params: IdParams, response: { 200: Competitor } } }, (req) =>
    getCompetitor(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${c}/:id`,
    { schema: { tags, params: IdParams, body: CompetitorUpdate, response: { 200: Competitor } } },
    (req) => editCompetitor(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${c}/:id`, { schema: { tags, params: IdParams, response: { 200: Competitor } } }, (req) =>
    editCompetitor(ctx.db, requireActor(req), req.params.id, { delete: true }),
  );
}
