import type { SalesDocument } from "../../../contracts/documents";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { proposalSalesDocument } from "../documents/proposal-document";
import { getProposal } from "./proposals.service";

/**
 * The printed form of a proposal revision (requisites, lines with ОКЕИ unit names, footer, amount
 * in words) for whoever may read the proposal; the documents module lays it out as PDF or DOCX.
 */
export async function proposalDocument(db: Db, actor: Actor, proposalId: string): Promise<SalesDocument> {
  await getProposal(db, actor, proposalId);
  return (await proposalSalesDocument(db, actor.workspaceId, proposalId)).doc;
}
