import { z } from "zod";
import { Id, Timestamp } from "./common";

export const DocumentTemplateKind = z.enum(["proposal", "invoice"]);

/** A Word template an admin uploaded; the newest live one of a kind prints that kind. */
export const DocumentTemplate = z.object({
  id: Id,
  kind: DocumentTemplateKind,
  name: z.string(),
  fileName: z.string(),
  size: z.number().int(),
  placeholders: z.array(z.string()),
  active: z.boolean(),
  createdAt: Timestamp,
  createdBy: Id.nullable(),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
