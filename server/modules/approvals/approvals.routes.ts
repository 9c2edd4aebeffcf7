import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { Approval, ApprovalDecision, ApprovalListQuery } from "../../../contracts/approvals";
import { IdParams, listOf } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { decideApproval, getApproval, listApprovals } from "./approvals.service";

/** Requests for a head's decision (clause 3.4): the inbox, one's own requests, the decision. */
export async function approvalsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["approvals"];
  const base = "/api/v1/approvals";
  r.get(
    base,
    { schema: { tags, querystring: ApprovalListQuery, response: { 200: listOf(Approval) } } },
    (req) => listApprovals(ctx.db, requireActor(req), req.query),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Approval } } }, (req) =>
    getApproval(ctx.db, requireActor(req), req.params.id),
  );
  r.post(
    `${base}/:id/approve`,
    { schema: { tags, params: IdParams, body: ApprovalDecision, response: { 200: Approval } } },
    (req) => decideApproval(ctx.db, requireActor(req), req.params.id, "approved", req.body),
  );
  r.post(
    `${base}/:id/reject`,
    { schema: { tags, params: IdParams, body: ApprovalDecision, response: { 200: Approval } } },
    (req) => decideApproval(ctx.db, requireActor(req), req.params.id, "rejected", req.body),
  );
}
