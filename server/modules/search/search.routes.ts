import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { SearchQuery, SearchResult } from "../../../contracts/search";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { searchEverything } from "./search.service";

export async function searchRoutes(app: FastifyInstance, ctx: AppContext) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/search",
      { schema: { tags: ["search"], querystring: SearchQuery, response: { 200: SearchResult } } },
      (req) => searchEverything(ctx.db, requireActor(req), req.query),
    );
}
