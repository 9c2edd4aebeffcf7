import { z } from "zod";
import { Id, Timestamp } from "./common";

export const Notification = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: Timestamp,
  readAt: Timestamp.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(30),
  cursor: z.string().max(500).optional(),
  unread: z.enum(["true", "false"]).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const UnreadCount = z.object({ count: z.number().int().min(0) });
export const ReadAllResult = z.object({ updated: z.number().int().min(0) });
