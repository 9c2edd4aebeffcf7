import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import { Contact } from "../../../contracts/contacts";
import {
  ConsentEvent,
  ConsentEventCreate,
  EraseBody,
  PersonalDataExport,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestListQuery,
} from "../../../contracts/privacy";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  eraseContact,
  exportPersonalData,
  fileRequest,
  listConsents,
  listRequests,
  recordConsent,
} from "./privacy.service";

/** Personal data under 152-ФЗ: consents, data subject requests, export and erasure. */
export async function privacyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["privacy"];
  const contact = "/api/v1/contacts/:id";

  r.post(
    `${contact}/consents`,
    { schema: { tags, params: IdParams, body: ConsentEventCreate, response: { 201: ConsentEvent } } },
    async (req, reply) =>
      reply.status(201).send(await recordConsent(ctx.db, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    `${contact}/consents`,
    { schema: { tags, params: IdParams, response: { 200: listOf(ConsentEvent) } } },
    async (req) => ({
      items: await listConsents(ctx.db, requireActor(req), req.params.id),
      nextCursor: null,
    }),
  );
  r.get(
    `${contact}/personal-data`,
    { schema: { tags, params: IdParams, response: { 200: PersonalDataExport } } },
    (req) => exportPersonalData(ctx.db, requireActor(req), req.params.id),
  );
  r.post(
    `${contact}/erase`,
    { schema: { tags, params: IdParams, body: EraseBody, response: { 200: Contact } } },
    (req) => eraseContact(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.post(
    "/api/v1/privacy/requests",
    { schema: { tags, body: PrivacyRequestCreate, response: { 201: PrivacyRequest } } },
    async (req, reply) => reply.status(201).send(await fileRequest(ctx.db, requireActor(req), req.body)),
  );
  r.get(
    "/api/v1/privacy/requests",
    { schema: { tags, querystring: PrivacyRequestListQuery, response: { 200: listOf(PrivacyRequest) } } },
    (req) => listRequests(ctx.db, requireActor(req), req.query),
  );
}
