import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  Notification,
  NotificationListQuery,
  ReadAllResult,
  UnreadCount,
} from "../../../contracts/notifications";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { listNotifications, markAllRead, markRead, unreadCount } from "./notifications.service";

/** The bell: everyone reads and marks their own notifications only. */
export async function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["notifications"];
  const base = "/api/v1/notifications";
  r.get(
    base,
    { schema: { tags, querystring: NotificationListQuery, response: { 200: listOf(Notification) } } },
    (req) => listNotifications(ctx.db, requireActor(req), req.query),
  );
  r.get(`${base}/unread-count`, { schema: { tags, response: { 200: UnreadCount } } }, (req) =>
    unreadCount(ctx.db, requireActor(req)),
  );
  r.post(`${base}/read-all`, { schema: { tags, response: { 200: ReadAllResult } } }, (req) =>
    markAllRead(ctx.db, requireActor(req)),
  );
  r.post(`${base}/:id/read`, { schema: { tags, params: IdParams, response: { 200: Notification } } }, (req) =>
    markRead(ctx.db, requireActor(req), req.params.id),
  );
}
