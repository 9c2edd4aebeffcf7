import { expireProposals } from "../modules/proposals/proposals.flow";
import type { JobHandler } from "../platform/queue";

/** Sent proposals past their validity become expired; a repeated run finds nothing to do. */
export const proposalsExpire: JobHandler = async (ctx) => {
  await expireProposals(ctx.db);
};
