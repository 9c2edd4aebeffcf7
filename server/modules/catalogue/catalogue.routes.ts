import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../platform/context";
import { organisationsRoutes } from "./organisations.routes";
import { pricingRoutes } from "./pricing.routes";
import { productsRoutes } from "./products.routes";
import { termsRoutes } from "./terms.routes";

/** Catalogue, prices and discounts, terms, our organisations and authority limits. */
export async function catalogueRoutes(app: FastifyInstance, ctx: AppContext) {
  await productsRoutes(app, ctx);
  await pricingRoutes(app, ctx);
  await termsRoutes(app, ctx);
  await organisationsRoutes(app, ctx);
}
