import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParams, ListQuery, listOf } from "../../../contracts/common";
import {
  DiscountRule,
  DiscountRuleCreate,
  DiscountRuleQuery,
  DiscountRuleSet,
  DiscountRuleSetCreate,
  DiscountRuleSetUpdate,
  DiscountRuleUpdate,
  PriceItem,
  PriceList,
  PriceListCreate,
  PriceListQuery,
  PriceListUpdate,
  PricesPut,
  PricesResult,
  SegmentPriceList,
  SegmentPriceListPut,
} from "../../../contracts/pricing";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  createRule,
  createRuleSet,
  deleteRule,
  deleteRuleSet,
  getDiscountRule,
  listDiscountRuleSets,
  listDiscountRules,
  updateRuleCard,
  updateRuleSetCard,
} from "./discounts.service";
import {
  assignSegment,
  createPriceList,
  deletePriceList,
  getPriceList,
  listAllPriceLists,
  pricesOf,
  putPrices,
  segmentAssignments,
  updatePriceListCard,
} from "./pricing.service";

export async function pricingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["pricing"];
  const lists = "/api/v1/price-lists";

  r.get(
    lists,
    { schema: { tags, querystring: PriceListQuery, response: { 200: listOf(PriceList) } } },
    (req) => listAllPriceLists(ctx.db, requireActor(req), req.query),
  );
  r.post(
    lists,
    { schema: { tags, body: PriceListCreate, response: { 201: PriceList } } },
    async (req, reply) => reply.status(201).send(await createPriceList(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${lists}/:id`, { schema: { tags, params: IdParams, response: { 200: PriceList } } }, (req) =>
    getPriceList(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${lists}/:id`,
    { schema: { tags, params: IdParams, body: PriceListUpdate, response: { 200: PriceList } } },
    (req) => updatePriceListCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${lists}/:id`, { schema: { tags, params: IdParams, response: { 200: PriceList } } }, (req) =>
    deletePriceList(ctx.db, requireActor(req), req.params.id),
  );
  r.get(
    `${lists}/:id/prices`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ListQuery.omit({ sort: true }),
        response: { 200: listOf(PriceItem) },
      },
    },
    (req) => pricesOf(ctx.db, requireActor(req), req.params.id, req.query),
  );
  r.put(
    `${lists}/:id/prices`,
    {
      schema: {
        tags,
        params: IdParams,
        body: PricesPut,
        description: "Bulk upsert of prices: a price sets it, null removes the product from the list.",
        response: { 200: PricesResult },
      },
    },
    (req) => putPrices(ctx.db, requireActor(req), req.params.id, req.body),
  );

  const segments = "/api/v1/segment-price-lists";
  const SegmentList = z.object({ items: z.array(SegmentPriceList) });
  r.get(segments, { schema: { tags, response: { 200: SegmentList } } }, (req) =>
    segmentAssignments(ctx.db, requireActor(req)),
  );
  r.put(segments, { schema: { tags, body: SegmentPriceListPut, response: { 200: SegmentList } } }, (req) =>
    assignSegment(ctx.db, requireActor(req), req.body),
  );

  const sets = "/api/v1/discount-rule-sets";
  r.get(
    sets,
    { schema: { tags, querystring: ListQuery, response: { 200: listOf(DiscountRuleSet) } } },
    (req) => listDiscountRuleSets(ctx.db, requireActor(req), req.query),
  );
  r.post(
    sets,
    { schema: { tags, body: DiscountRuleSetCreate, response: { 201: DiscountRuleSet } } },
    async (req, reply) => reply.status(201).send(await createRuleSet(ctx.db, requireActor(req), req.body)),
  );
  r.patch(
    `${sets}/:id`,
    { schema: { tags, params: IdParams, body: DiscountRuleSetUpdate, response: { 200: DiscountRuleSet } } },
    (req) => updateRuleSetCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${sets}/:id`, { schema: { tags, params: IdParams, response: { 200: DiscountRuleSet } } }, (req) =>
    deleteRuleSet(ctx.db, requireActor(req), req.params.id),
  );

  const rules = "/api/v1/discount-rules";
  r.get(
    rules,
    { schema: { tags, querystring: DiscountRuleQuery, response: { 200: listOf(DiscountRule) } } },
    (req) => listDiscountRules(ctx.db, requireActor(req), req.query),
  );
  r.post(
    rules,
    { schema: { tags, body: DiscountRuleCreate, response: { 201: DiscountRule } } },
    async (req, reply) => reply.status(201).send(await createRule(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${rules}/:id`, { schema: { tags, params: IdParams, response: { 200: DiscountRule } } }, (req) =>
    getDiscountRule(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${rules}/:id`,
    { schema: { tags, params: IdParams, body: DiscountRuleUpdate, response: { 200: DiscountRule } } },
    (req) => updateRuleCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${rules}/:id`, { schema: { tags, params: IdParams, response: { 200: DiscountRule } } }, (req) =>
    deleteRule(ctx.db, requireActor(req), req.params.id),
  );
}
