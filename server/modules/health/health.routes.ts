import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { Health } from "../../../contracts/health";
import type { AppContext } from "../../platform/context";
import { appVersion } from "../../platform/version";

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database check",
        security: [],
        response: { 200: Health },
      },
    },
    async () => {
      await ctx.database.pool.query("select 1");
      return { status: "ok" as const, db: ctx.database.kind, version: appVersion };
    },
  );
}
