import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AuditEntry } from "../../../contracts/audit";
import { IdParams, listOf } from "../../../contracts/common";
import {
  Company,
  CompanyCreate,
  CompanyHistoryQuery,
  CompanyListQuery,
  CompanyUpdate,
  DuplicateCheck,
  DuplicateList,
  MergeRequest,
  TransferRequest,
  TransferResult,
} from "../../../contracts/companies";
import { Contact, ContactListQuery } from "../../../contracts/contacts";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { sendJsonPage } from "../../platform/json-items";
import { listVisibleContacts } from "../contacts/contacts.service";
import { checkDuplicates, duplicatesOf } from "./companies.duplicates";
import { mergeCompanies, transferCompanies } from "./companies.merge";
import {
  companyHistory,
  createCompany,
  deleteCompany,
  getCompany,
  listVisibleCompanies,
  restoreCompany,
  updateCompanyCard,
} from "./companies.service";

export async function companiesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["companies"];
  const base = "/api/v1/companies";

  r.get(
    base,
    { schema: { tags, querystring: CompanyListQuery, response: { 200: listOf(Company) } } },
    async (req, reply) =>
      sendJsonPage(reply, await listVisibleCompanies(ctx.db, requireActor(req), req.query)),
  );
  r.post(base, { schema: { tags, body: CompanyCreate, response: { 201: Company } } }, async (req, reply) =>
    reply.status(201).send(await createCompany(ctx.db, requireActor(req), req.body)),
  );
  r.post(
    `${base}/duplicates/check`,
    { schema: { tags, body: DuplicateCheck, response: { 200: DuplicateList } } },
    (req) => checkDuplicates(ctx.db, requireActor(req), req.body),
  );
  r.post(`${base}/merge`, { schema: { tags, body: MergeRequest, response: { 200: Company } } }, (req) =>
    mergeCompanies(ctx.db, requireActor(req), req.body),
  );
  r.post(
    `${base}/transfer`,
    { schema: { tags, body: TransferRequest, response: { 200: TransferResult } } },
    (req) => transferCompanies(ctx.db, requireActor(req), req.body),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Company } } }, (req) =>
    getCompany(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: CompanyUpdate, response: { 200: Company } } },
    (req) => updateCompanyCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Company } } }, (req) =>
    deleteCompany(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Company } } }, (req) =>
    restoreCompany(ctx.db, requireActor(req), req.params.id),
  );
  r.get(
    `${base}/:id/history`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: CompanyHistoryQuery,
        response: { 200: listOf(AuditEntry) },
      },
    },
    (req) => companyHistory(ctx.db, requireActor(req), req.params.id, req.query),
  );
  r.get(
    `${base}/:id/contacts`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ContactListQuery.omit({ companyId: true }),
        response: { 200: listOf(Contact) },
      },
    },
    (req) => listVisibleContacts(ctx.db, requireActor(req), { ...req.query, companyId: req.params.id }),
  );
  r.get(
    `${base}/:id/duplicates`,
    { schema: { tags, params: IdParams, response: { 200: DuplicateList } } },
    (req) => duplicatesOf(ctx.db, requireActor(req), req.params.id),
  );
}
