import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import { Contact, ContactCreate, ContactListQuery, ContactUpdate } from "../../../contracts/contacts";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  createContact,
  deleteContact,
  getContact,
  listVisibleContacts,
  restoreContact,
  updateContactCard,
} from "./contacts.service";

export async function contactsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["contacts"];
  const base = "/api/v1/contacts";

  r.get(
    base,
    { schema: { tags, querystring: ContactListQuery, response: { 200: listOf(Contact) } } },
    (req) => listVisibleContacts(ctx.db, requireActor(req), req.query),
  );
  r.post(base, { schema: { tags, body: ContactCreate, response: { 201: Contact } } }, async (req, reply) =>
    reply.status(201).send(await createContact(ctx.db, requireActor(req), req.body)),
  );
  r.get(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Contact } } }, (req) =>
    getContact(ctx.db, requireActor(req), req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { schema: { tags, params: IdParams, body: ContactUpdate, response: { 200: Contact } } },
    (req) => updateContactCard(ctx.db, requireActor(req), req.params.id, req.body),
  );
  r.delete(`${base}/:id`, { schema: { tags, params: IdParams, response: { 200: Contact } } }, (req) =>
    deleteContact(ctx.db, requireActor(req), req.params.id),
  );
  r.post(`${base}/:id/restore`, { schema: { tags, params: IdParams, response: { 200: Contact } } }, (req) =>
    restoreContact(ctx.db, requireActor(req), req.params.id),
  );
}
