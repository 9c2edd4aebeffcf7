import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, Ok } from "../../../contracts/common";
import { SavedView, SavedViewBody, SavedViewListQuery } from "../../../contracts/views";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { createView, listOwnViews, removeView } from "./views.service";

export async function viewsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["views"];
  r.get(
    "/api/v1/views",
    {
      schema: {
        tags,
        querystring: SavedViewListQuery,
        response: { 200: z.object({ items: z.array(SavedView) }) },
      },
    },
    (req) => listOwnViews(ctx.db, requireActor(req), req.query.entity),
  );
  r.post(
    "/api/v1/views",
    { schema: { tags, body: SavedViewBody, response: { 201: SavedView } } },
    async (req, reply) => reply.status(201).send(await createView(ctx.db, requireActor(req), req.body)),
  );
  r.delete("/api/v1/views/:id", { schema: { tags, params: IdParams, response: { 200: Ok } } }, (req) =>
    removeView(ctx.db, requireActor(req), req.params.id),
  );
}
