import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  ProductionCalendarQuery,
  ProductionCalendarYear,
  ProductionDayParams,
  ProductionDayUpdate,
} from "../../../contracts/calendar";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { getProductionYear, setProductionDay } from "./production-calendar.service";

/** The workspace's production calendar (holidays, transferred days), read by all, edited by an admin. */
export async function productionCalendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendar"];
  const base = "/api/v1/calendar/production";

  r.get(
    base,
    { schema: { tags, querystring: ProductionCalendarQuery, response: { 200: ProductionCalendarYear } } },
    (req) => getProductionYear(ctx.db, requireActor(req), req.query.year),
  );
  r.put(
    `${base}/:date`,
    {
      schema: {
        tags,
        params: ProductionDayParams,
        body: ProductionDayUpdate,
        response: { 200: ProductionCalendarYear },
      },
    },
    (req) => setProductionDay(ctx.db, requireActor(req), req.params.date, req.body),
  );
}
