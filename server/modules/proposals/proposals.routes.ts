import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  CompareQuery,
  ProductOption,
  ProductOptionQuery,
  Proposal,
  ProposalComparison,
  ProposalCreate,
  ProposalDefaults,
  ProposalDefaultsQuery,
  ProposalListQuery,
  ProposalQuote,
  ProposalQuoteRequest,
  ProposalSummary,
  ProposalUpdate,
  StatusChange,
} from "../../../contracts/proposals";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { compareRevisions } from "./proposals.compare";
import {
  acceptProposal,
  markSent,
  rejectProposal,
  reviseProposal,
  revisionsOfProposal,
  submitProposal,
} from "./proposals.flow";
import { productOptions, proposalDefaults } from "./proposals.options";
import {
  createProposal,
  getProposal,
  listVisibleProposals,
  quoteProposal,
  updateProposalCard,
} from "./proposals.service";

const StatusBody = StatusChange.partial();

/** Commercial proposals (clause 2.7): build, price, number, revise, approve and track. */
export async function proposalsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["proposals"];
  const base = "/api/v1/proposals";

  r.get(
    base,
    { schema: { tags, querystring: ProposalListQuery, response: { 200: listOf(ProposalSummary) } } },
    (req) => listVisibleProposals(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: ProposalCreate, response: { 201: Proposal } } }, async (req, reply) =>
    reply.status(201).send(await createProposal(ctx.db, requireActor(req), req.body)),
  );
  r.post(
    `${base}/quote`,
    { schema: { tags, body: ProposalQuoteRequest, response: { 200: ProposalQuote } } },
    (req) => quoteProposal(ctx.db, requireActor(req), req.body),
  );
  r.get(
    `${base}/product-options`,
    {
      schema: {
        tags,
        querystring: ProductOptionQuery,
        response: { 200: z.object({ items: z.array(ProductOption) }) },
      },
    },
    async (req) => ({ items: await productOptions(ctx.db, requireActor(req), req.query) }),
  );
  r.get(
    `${base}/defaults`,
    { schema: { tags, querystring: ProposalDefaultsQuery, response: { 200: ProposalDefaults } } },
    (req) => proposalDefaults(ctx.db, requireActor(req), req.query.companyId),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Proposal } } }, (req) =>
    getProposal(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: ProposalUpdate, response: { 200: Proposal } } },
    (req) => updateProposalCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  const transitions = {
    submit: submitProposal,
    "mark-sent": markSent,
    accept: acceptProposal,
    reject: rejectProposal,
  } as const;
  for (const [path, fn] of Object.entries(transitions)) {
    r.post(
      `${base}/:id/${path}`,
      { schema: { tags, params: IdParams, body: StatusBody, response: { 200: Proposal } } },
      (req) => fn(ctx.db, requireActor(req), req.params.id, req.body?.version),
    );
  }
  r.post(
    `${base}/:id/revise`,
    { schema: { tags, params: IdParams, response: { 201: Proposal } } },
    async (req, reply) =>
      reply.status(201).send(await reviseProposal(ctx.db, requireActor(req), req.params.id)),
  );
  r.get(
    `${base}/:id/revisions`,
    { schema: { tags, params: IdParams, response: { 200: listOf(ProposalSummary) } } },
    async (req) => ({
      items: await revisionsOfProposal(ctx.db, requireActor(req), req.params.id),
      nextCursor: null,
    }),
  );
  r.get(
    `${base}/:id/compare`,
    { schema: { tags, params: IdParams, querystring: CompareQuery, response: { 200: ProposalComparison } } },
    (req) => compareRevisions(ctx.db, requireActor(req), req.params.id, req.query.with),
  );
}
