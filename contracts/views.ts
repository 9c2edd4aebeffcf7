import { z } from "zod";
import { Id, Timestamp } from "./common";

/** A saved list view: the filters, sort and columns of a list, kept per user. */
export const SavedViewBody = z.object({
  entity: z.enum(["companies", "contacts"]),
  name: z.string().trim().min(1).max(100),
  query: z.record(z.string(), z.string().max(2000)),
  columns: z.array(z.string().max(50)).max(40).default([]),
});
export type SavedViewBody = z.infer<typeof SavedViewBody>;
export const SavedView = SavedViewBody.extend({ id: Id, createdAt: Timestamp });
export type SavedView = z.infer<typeof SavedView>;
export const SavedViewListQuery = z.object({ entity: SavedViewBody.shape.entity.optional() });
