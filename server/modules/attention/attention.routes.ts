import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  AttentionItem,
  AttentionQuery,
  CompanyContactTarget,
  CompanyContactTargetUpdate,
  ContactTargets,
} from "../../../contracts/attention";
import { IdParams, listOf } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { companyTarget, getTargets, needsAttention, putCompanyTarget, putTargets } from "./attention.service";

/** Constant contact: frequency targets and the "Needs attention" list. */
export async function attentionRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["attention"];

  r.get(
    "/api/v1/attention",
    { schema: { tags, querystring: AttentionQuery, response: { 200: listOf(AttentionItem) } } },
    (req) => needsAttention(ctx.db, requireActor(req), req.query),
  );
  r.get("/api/v1/attention/targets", { schema: { tags, response: { 200: ContactTargets } } }, (req) =>
    getTargets(ctx.db, requireActor(req)),
  );
  r.put(
    "/api/v1/attention/targets",
    { schema: { tags, body: ContactTargets, response: { 200: ContactTargets } } },
    (req) => putTargets(ctx.db, requireActor(req), req.body),
  );
  r.get(
    "/api/v1/companies/:id/contact-target",
    { schema: { tags, params: IdParams, response: { 200: CompanyContactTarget } } },
    (req) => companyTarget(ctx.db, requireActor(req), req.params.id),
  );
  r.put(
    "/api/v1/companies/:id/contact-target",
    {
      schema: {
        tags,
        params: IdParams,
        body: CompanyContactTargetUpdate,
        response: { 200: CompanyContactTarget },
      },
    },
    (req) => putCompanyTarget(ctx.db, requireActor(req), req.params.id, req.body.days),
  );
}
