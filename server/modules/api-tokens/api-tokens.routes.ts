import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiToken, ApiTokenCreate, ApiTokenCreated } from "../../../contracts/api-tokens";
import { IdParams, listOf, Ok } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { createToken, listTokens, revokeToken } from "./api-tokens.service";

const Query = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});

export async function apiTokensRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["api-tokens"];
  r.get(
    "/api/v1/api-tokens",
    { schema: { tags, querystring: Query, response: { 200: listOf(ApiToken) } } },
    (req) => listTokens(ctx.db, requireActor(req), req.query.cursor, req.query.limit),
  );
  r.post(
    "/api/v1/api-tokens",
    { schema: { tags, body: ApiTokenCreate, response: { 201: ApiTokenCreated } } },
    async (req, reply) => reply.status(201).send(await createToken(ctx.db, requireActor(req), req.body)),
  );
  r.delete(
    "/api/v1/api-tokens/:id",
    { schema: { tags, params: IdParams, response: { 200: Ok } } },
    async (req) => {
      await revokeToken(ctx.db, requireActor(req), req.params.id);
      return { ok: true as const };
    },
  );
}
