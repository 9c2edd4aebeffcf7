import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  Activity,
  ActivityComplete,
  ActivityCreate,
  ActivityListQuery,
  ActivityUpdate,
  ActivityVersion,
  MyDay,
} from "../../../contracts/activities";
import { IdParams, listOf } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  listVisibleActivities,
  myDay,
  reopenActivity,
  restoreActivity,
  updateActivityCard,
} from "./activities.service";

export async function activitiesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["activities"];
  const base = "/api/v1/activities";

  r.get(
    base,
    { schema: { tags, querystring: ActivityListQuery, response: { 200: listOf(Activity) } } },
    (req) => listVisibleActivities(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: ActivityCreate, response: { 201: Activity } } }, async (req, reply) =>
    reply.status(201).send(await createActivity(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${base}/my-day`, { schema: { tags, response: { 200: MyDay } } }, (req) =>
    myDay(ctx.db, requireActor(req)),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Activity } } }, (req) =>
    getActivity(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: ActivityUpdate, response: { 200: Activity } } },
    (req) => updateActivityCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${base}/:id/complete`,
    { schema: { tags, params: IdParams, body: ActivityComplete, response: { 200: Activity } } },
    (req) => completeActivity(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    `${base}/:id/reopen`,
    { schema: { tags, params: IdParams, body: ActivityVersion, response: { 200: Activity } } },
    (req) => reopenActivity(ctx.db, requireActor(req), req.params.id, req.body.version),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Activity } } }, (req) =>
    deleteActivity(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Activity } } }, (req) =>
    restoreActivity(ctx.db, requireActor(req), req.params.id),
  );
}
