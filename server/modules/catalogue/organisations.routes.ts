import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, ListQuery, listOf } from "../../../contracts/common";
import {
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
  RoleLimits,
  UserLimits,
  UserLimitsPut,
} from "../../../contracts/organisations";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  getRoleLimits,
  getUserLimits,
  listUserLimits,
  myLimits,
  putRoleLimits,
  putUserLimits,
} from "./limits.service";
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  listAllOrganisations,
  updateOrganisationCard,
} from "./organisations.service";

export async function organisationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const base = "/api/v1/organisations";

  r.get(base, { schema: { tags, querystring: ListQuery, response: { 200: listOf(Organisation) } } }, (req) =>
    listAllOrganisations(ctx.db, requireActor(req), req.query),
  );
  r.post(
    base,
    { schema: { tags, body: OrganisationCreate, response: { 201: Organisation } } },
    async (req, reply) =>
      reply.status(201).send(await createOrganisation(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Organisation } } }, (req) =>
    getOrganisation(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: OrganisationUpdate, response: { 200: Organisation } } },
    (req) => updateOrganisationCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Organisation } } }, (req) =>
    deleteOrganisation(ctx.db, requireActor(req), req.params.id),
  );

  const limitTags = ["authority"];
  r.get("/api/v1/authority-limits", { schema: { tags: limitTags, response: { 200: RoleLimits } } }, (req) =>
    getRoleLimits(ctx.db, requireActor(req)),
  );
  r.put(
    "/api/v1/authority-limits",
    { schema: { tags: limitTags, body: RoleLimits, response: { 200: RoleLimits } } },
    (req) => putRoleLimits(ctx.db, requireActor(req), req.body),
  );
  r.get(
    "/api/v1/user-limits",
    { schema: { tags: limitTags, querystring: ListQuery, response: { 200: listOf(UserLimits) } } },
    (req) => listUserLimits(ctx.db, requireActor(req), req.query),
  );
  r.get(
    "/api/v1/users/:id/limits",
    { schema: { tags: limitTags, params: IdParams, response: { 200: UserLimits } } },
    (req) => getUserLimits(ctx.db, requireActor(req), req.params.id),
  );
  r.put(
    "/api/v1/users/:id/limits",
    {
      schema: {
        tags: limitTags,
        params: IdParams,
        body: UserLimitsPut,
        description: "The user's own limits; override null returns the user to the role's defaults.",
        response: { 200: UserLimits },
      },
    },
    (req) => putUserLimits(ctx.db, requireActor(req), req.params.id, req.body.override),
  );
  r.get("/api/v1/auth/me/limits", { schema: { tags: limitTags, response: { 200: UserLimits } } }, (req) =>
    myLimits(ctx.db, requireActor(req)),
  );
}
