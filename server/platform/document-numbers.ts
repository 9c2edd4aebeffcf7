import { sql } from "drizzle-orm";
import { documentSequences } from "../db/schema/index";
import type { Db } from "./db/client";

/**
 * The next number of a document kind (proposal, invoice) for an organisation and year. The upsert
 * takes the sequence row's lock until the caller's transaction ends, so concurrent documents queue
 * here and a rolled-back one gives its number back: numbers have no gaps and no repeats.
 */
export async function nextDocumentNumber(
  tx: Db,
  k: { workspaceId: string; organisationId: string; kind: "proposal" | "invoice"; year: number },
): Promise<number> {
  const [row] = await tx
    .insert(documentSequences)
    .values({ ...k, last: 1 })
    .onConflictDoUpdate({
      target: [
        documentSequences.workspaceId,
        documentSequences.organisationId,
        documentSequences.kind,
        documentSequences.year,
      ],
      set: { last: sql`${documentSequences.last} + 1` },
    })
    .returning({ last: documentSequences.last });
  return row!.last;
}
