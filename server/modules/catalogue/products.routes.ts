import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  OkeiUnitInfo,
  Product,
  ProductCreate,
  ProductGroup,
  ProductGroupCreate,
  ProductGroupUpdate,
  ProductImportResult,
  ProductListQuery,
  ProductUpdate,
} from "../../../contracts/catalogue";
import { IdParams, ListQuery, listOf } from "../../../contracts/common";
import { OKEI_UNITS } from "../../../core/okei";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { authorize } from "../../platform/policy";
import { receiveMultipart } from "../imports/imports.upload";
import {
  createProduct,
  createProductGroup,
  deleteProduct,
  deleteProductGroup,
  getProduct,
  listCatalogue,
  listProductGroups,
  restoreProduct,
  updateProductCard,
  updateProductGroup,
} from "./products.service";
import { exportProducts, importProducts } from "./products.transfer";

export async function productsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalogue"];
  const base = "/api/v1/products";

  r.get(
    base,
    { schema: { tags, querystring: ProductListQuery, response: { 200: listOf(Product) } } },
    (req) => listCatalogue(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: ProductCreate, response: { 201: Product } } }, async (req, reply) =>
    reply.status(201).send(await createProduct(ctx.db, requireActor(req), req.body)),
  );
  r.post(
    `${base}/import`,
    {
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        description:
          "Multipart {file (CSV or XLSX), dryRun?}: all rows are written or none; errors name rows.<row>.<field>.",
        response: { 200: ProductImportResult },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // Checked before the upload is read, so a refused caller stores nothing.
      authorize(actor, "catalogue", "import");
      const { upload, fields } = await receiveMultipart(req, ctx, actor);
      return importProducts(ctx, actor, upload, fields.dryRun === "true");
    },
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Product } } }, (req) =>
    getProduct(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: ProductUpdate, response: { 200: Product } } },
    (req) => updateProductCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Product } } }, (req) =>
    deleteProduct(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Product } } }, (req) =>
    restoreProduct(ctx.db, requireActor(req), req.params.id),
  );

  for (const format of ["csv", "xlsx"] as const) {
    r.get(
      `/api/v1/exports/products.${format}`,
      {
        schema: {
          tags,
          querystring: ProductListQuery,
          description: `The catalogue with the filters of GET /products, as ${format.toUpperCase()}.`,
        },
      },
      (req, reply) => {
        const file = exportProducts(ctx, requireActor(req), req.query, format);
        return reply
          .header("content-type", file.contentType)
          .header("content-disposition", `attachment; filename="${file.fileName}"`)
          .header("cache-control", "no-store")
          .send(file.stream);
      },
    );
  }

  r.get(
    "/api/v1/units",
    {
      schema: {
        tags,
        description: "ОКЕИ units the catalogue accepts.",
        response: { 200: z.array(OkeiUnitInfo) },
      },
    },
    (req) => {
      authorize(requireActor(req), "catalogue", "read");
      return [...OKEI_UNITS];
    },
  );

  const groups = "/api/v1/product-groups";
  r.get(
    groups,
    { schema: { tags, querystring: ListQuery, response: { 200: listOf(ProductGroup) } } },
    (req) => listProductGroups(ctx.db, requireActor(req), req.query),
  );
  r.post(
    groups,
    { schema: { tags, body: ProductGroupCreate, response: { 201: ProductGroup } } },
    async (req, reply) =>
      reply.status(201).send(await createProductGroup(ctx.db, requireActor(req), req.body)),
  );
  r.patch(
    `${groups}/:id`,
    { schema: { tags, params: IdParams, body: ProductGroupUpdate, response: { 200: ProductGroup } } },
    (req) => updateProductGroup(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${groups}/:id`, { schema: { tags, params: IdParams, response: { 200: ProductGroup } } }, (req) =>
    deleteProductGroup(ctx.db, requireActor(req), req.params.id),
  );
}
