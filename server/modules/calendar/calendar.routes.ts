import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CalendarEvents,
  CalendarFeed,
  CalendarFeedParams,
  CalendarQuery,
} from "../../../contracts/activities";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { calendarEvents, feedCalendar, getFeed, revokeFeed, rotateFeed } from "./calendar.service";

export async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["calendar"];
  const base = "/api/v1/calendar";
  // The feed's address must be reachable by calendar apps: the configured public URL, else this host.
  const origin = (req: FastifyRequest) => ctx.config.publicUrl ?? `${req.protocol}://${req.headers.host}`;

  r.get(
    `${base}/events`,
    { schema: { tags, querystring: CalendarQuery, response: { 200: CalendarEvents } } },
    (req) => calendarEvents(ctx.db, requireActor(req), req.query),
  );
  r.get(`${base}/feed`, { schema: { tags, response: { 200: CalendarFeed } } }, (req) =>
    getFeed(ctx.db, requireActor(req), origin(req)),
  );
  r.post(`${base}/feed`, { schema: { tags, response: { 200: CalendarFeed } } }, (req) =>
    rotateFeed(ctx.db, requireActor(req), origin(req)),
  );
  r.delete(`${base}/feed`, { schema: { tags, response: { 200: CalendarFeed } } }, (req) =>
    revokeFeed(ctx.db, requireActor(req)),
  );
  // Calendar apps cannot sign in: the secret in the path is the credential (public route).
  r.get(
    `${base}/feed/:token`,
    {
      config: { public: true },
      schema: { tags, security: [], params: CalendarFeedParams, response: { 200: z.string() } },
    },
    async (req, reply) => {
      const text = await feedCalendar(ctx.db, req.params.token, origin(req));
      return reply
        .header("cache-control", "private, max-age=300")
        .header("content-disposition", 'inline; filename="accord.ics"')
        .type("text/calendar; charset=utf-8")
        .send(text);
    },
  );
}
