import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, Ok } from "../../../contracts/common";
import {
  CompanyIdParams,
  Financials,
  FinancialYear,
  FinancialYearParams,
  FinancialYearPut,
  OverrideBody,
  PaymentHistoryImport,
  PaymentHistoryList,
  RegistrySettings,
  RegistrySettingsPut,
  RegistryTestResult,
  Reliability,
  ReliabilitySettings,
} from "../../../contracts/reliability";
import type { Actor } from "../../platform/actor";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { requestLocale } from "../../platform/error-handler";
import { testRegistryConnection } from "./registry.service";
import {
  deleteFinancialYear,
  getFinancials,
  getPaymentHistory,
  getReliability,
  importPaymentHistory,
  overrideGrade,
  putFinancialYear,
  refreshCompanyRegistry,
} from "./reliability.service";
import {
  getRegistrySettings,
  getReliabilitySettings,
  putRegistrySettings,
  putReliabilitySettings,
} from "./reliability.settings";

/** Explanations and field reasons speak the request's language, as the error texts do. */
const actorOf = (req: FastifyRequest): Actor => ({ ...requireActor(req), locale: requestLocale(req) });

/** Counterparty reliability: registry, statements, models, payment discipline, grade and limit. */
export async function reliabilityRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reliability"];
  const one = "/api/v1/reliability/:companyId";

  r.get(one, { schema: { tags, params: CompanyIdParams, response: { 200: Reliability } } }, (req) =>
    getReliability(ctx.db, actorOf(req), req.params.companyId),
  );
  r.post(
    `${one}/refresh`,
    { schema: { tags, params: CompanyIdParams, response: { 200: Reliability } } },
    (req) => refreshCompanyRegistry(ctx, actorOf(req), req.params.companyId),
  );
  r.post(
    `${one}/override`,
    { schema: { tags, params: CompanyIdParams, body: OverrideBody, response: { 200: Reliability } } },
    (req) => overrideGrade(ctx.db, actorOf(req), req.params.companyId, req.body),
  );
  r.get(
    `${one}/payment-history`,
    { schema: { tags, params: CompanyIdParams, response: { 200: PaymentHistoryList } } },
    (req) => getPaymentHistory(ctx.db, actorOf(req), req.params.companyId),
  );
  r.put(
    `${one}/payment-history`,
    {
      schema: {
        tags,
        params: CompanyIdParams,
        body: PaymentHistoryImport,
        response: { 200: PaymentHistoryList },
      },
    },
    (req) => importPaymentHistory(ctx.db, actorOf(req), req.params.companyId, req.body.csv),
  );

  r.get(
    "/api/v1/companies/:id/financials",
    { schema: { tags, params: IdParams, response: { 200: Financials } } },
    (req) => getFinancials(ctx.db, actorOf(req), req.params.id),
  );
  r.put(
    "/api/v1/companies/:id/financials/:year",
    {
      schema: { tags, params: FinancialYearParams, body: FinancialYearPut, response: { 200: FinancialYear } },
    },
    (req) => putFinancialYear(ctx.db, actorOf(req), req.params.id, req.params.year, req.body),
  );
  r.delete(
    "/api/v1/companies/:id/financials/:year",
    { schema: { tags, params: FinancialYearParams, response: { 200: Ok } } },
    (req) => deleteFinancialYear(ctx.db, actorOf(req), req.params.id, req.params.year),
  );

  r.get("/api/v1/settings/registry", { schema: { tags, response: { 200: RegistrySettings } } }, (req) =>
    getRegistrySettings(ctx.db, ctx.config, actorOf(req)),
  );
  r.put(
    "/api/v1/settings/registry",
    { schema: { tags, body: RegistrySettingsPut, response: { 200: RegistrySettings } } },
    (req) => putRegistrySettings(ctx.db, ctx.config, actorOf(req), req.body),
  );
  r.post(
    "/api/v1/settings/registry/test",
    { schema: { tags, response: { 200: RegistryTestResult } } },
    (req) => testRegistryConnection(ctx, actorOf(req)),
  );
  r.get("/api/v1/settings/reliability", { schema: { tags, response: { 200: ReliabilitySettings } } }, (req) =>
    getReliabilitySettings(ctx.db, actorOf(req)),
  );
  r.put(
    "/api/v1/settings/reliability",
    { schema: { tags, body: ReliabilitySettings, response: { 200: ReliabilitySettings } } },
    (req) => putReliabilitySettings(ctx.db, actorOf(req), req.body),
  );
}
