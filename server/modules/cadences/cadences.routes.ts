import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  Cadence,
  CadenceCreate,
  CadenceEnrol,
  CadenceEnrolJob,
  CadenceEnrolment,
  CadenceEnrolResult,
  CadenceListQuery,
  CadenceStats,
  CadenceUpdate,
  CompanyEnrolmentsQuery,
  EnrolmentListQuery,
} from "../../../contracts/cadences";
import { IdParams, listOf } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { enrol, enrolJobState } from "./cadences.enrol";
import {
  cadenceStats,
  createCadence,
  deleteCadence,
  getCadence,
  listCadences,
  listEnrolments,
  restoreCadence,
  stopEnrolment,
  updateCadence,
} from "./cadences.service";

/** Contact schemes: design, enrol clients, follow and stop enrolments, statistics. */
export async function cadencesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["cadences"];
  const base = "/api/v1/cadences";

  r.get(
    base,
    { schema: { tags, querystring: CadenceListQuery, response: { 200: listOf(Cadence) } } },
    (req) => listCadences(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: CadenceCreate, response: { 201: Cadence } } }, async (req, reply) =>
    reply.status(201).send(await createCadence(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Cadence } } }, (req) =>
    getCadence(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: CadenceUpdate, response: { 200: Cadence } } },
    (req) => updateCadence(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Cadence } } }, (req) =>
    deleteCadence(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Cadence } } }, (req) =>
    restoreCadence(ctx.db, requireActor(req), req.params.id),
  );
  r.post(
    `${base}/:id/enrol`,
    { schema: { tags, params: IdParams, body: CadenceEnrol, response: { 200: CadenceEnrolResult } } },
    (req) => enrol(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    `${base}/:id/enrolments`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: EnrolmentListQuery,
        response: { 200: listOf(CadenceEnrolment) },
      },
    },
    (req) => listEnrolments(ctx.db, requireActor(req), { cadenceId: req.params.id }, req.query),
  );
  r.get(`${base}/:id/stats`, { schema: { tags, params: IdParams, response: { 200: CadenceStats } } }, (req) =>
    cadenceStats(ctx.db, requireActor(req), req.params.id),
  );
  r.get(
    "/api/v1/cadence-enrolments",
    {
      schema: {
        tags,
        querystring: EnrolmentListQuery.extend(CompanyEnrolmentsQuery.shape),
        response: { 200: listOf(CadenceEnrolment) },
      },
    },
    (req) => listEnrolments(ctx.db, requireActor(req), { companyId: req.query.companyId }, req.query),
  );
  r.post(
    "/api/v1/cadence-enrolments/:id/stop",
    { schema: { tags, params: IdParams, response: { 200: CadenceEnrolment } } },
    (req) => stopEnrolment(ctx.db, requireActor(req), req.params.id),
  );
  r.get(
    "/api/v1/cadence-enrol-jobs/:id",
    { schema: { tags, params: IdParams, response: { 200: CadenceEnrolJob } } },
    (req) => enrolJobState(ctx.db, requireActor(req), req.params.id),
  );
}
