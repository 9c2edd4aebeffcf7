import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  ClientTerms,
  ClientTermsPut,
  TermsTemplate,
  TermsTemplateCreate,
  TermsTemplateQuery,
  TermsTemplateUpdate,
} from "../../../contracts/terms";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  createTermsTemplate,
  deleteTermsTemplate,
  getClientTerms,
  getTermsTemplate,
  listTermsTemplates,
  putClientTerms,
  updateTermsTemplate,
} from "./terms.service";

export async function termsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["terms"];
  const base = "/api/v1/terms-templates";

  r.get(
    base,
    { schema: { tags, querystring: TermsTemplateQuery, response: { 200: listOf(TermsTemplate) } } },
    (req) => listTermsTemplates(ctx.db, requireActor(req), req.query),
  );
  r.post(
    base,
    { schema: { tags, body: TermsTemplateCreate, response: { 201: TermsTemplate } } },
    async (req, reply) =>
      reply.status(201).send(await createTermsTemplate(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: TermsTemplate } } }, (req) =>
    getTermsTemplate(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: TermsTemplateUpdate, response: { 200: TermsTemplate } } },
    (req) => updateTermsTemplate(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: TermsTemplate } } }, (req) =>
    deleteTermsTemplate(ctx.db, requireActor(req), req.params.id),
  );

  r.get(
    "/api/v1/companies/:id/terms",
    { schema: { tags, params: IdParams, response: { 200: ClientTerms } } },
    (req) => getClientTerms(ctx.db, requireActor(req), req.params.id),
  );
  r.put(
    "/api/v1/companies/:id/terms",
    {
      schema: {
        tags,
        params: IdParams,
        body: ClientTermsPut,
        description: "The client's individual terms; omitted fields keep their value, null clears one.",
        response: { 200: ClientTerms },
      },
    },
    (req) => putClientTerms(ctx.db, requireActor(req), req.params.id, req.body),
  );
}
