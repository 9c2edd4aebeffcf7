import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import {
  Invoice,
  InvoiceCreate,
  InvoiceListQuery,
  InvoiceWithPayment,
  Payment,
  PaymentCreate,
  PaymentParams,
} from "../../../contracts/invoices";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { sendFile } from "../documents/documents.routes";
import {
  addPayment,
  createInvoice,
  deletePayment,
  getInvoice,
  invoicePdf,
  listInvoices,
  listPayments,
} from "./invoices.service";

/** «Счета на оплату» made from accepted proposals, their PDF and the payments against them. */
export async function invoicesRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["invoices"];
  const invoice = "/api/v1/invoices/:id";

  r.post(
    "/api/v1/proposals/:id/invoice",
    {
      schema: {
        tags,
        params: IdParams,
        body: InvoiceCreate,
        response: { 201: Invoice },
        description: "An invoice from an ACCEPTED proposal (else 422), numbered per organisation and year.",
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createInvoice(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.get(
    "/api/v1/invoices",
    { schema: { tags, querystring: InvoiceListQuery, response: { 200: listOf(Invoice) } } },
    (req) => listInvoices(ctx, requireActor(req), req.query),
  );
  r.get(invoice, { schema: { tags, params: IdParams, response: { 200: Invoice } } }, (req) =>
    getInvoice(ctx, requireActor(req), req.params.id),
  );
  r.get(
    `${invoice}/pdf`,
    { schema: { tags, params: IdParams, description: "The invoice as PDF (application/pdf)." } },
    async (req, reply) => sendFile(reply, await invoicePdf(ctx, requireActor(req), req.params.id)),
  );
  r.get(
    `${invoice}/payments`,
    { schema: { tags, params: IdParams, response: { 200: listOf(Payment) } } },
    async (req) => ({ items: await listPayments(ctx, requireActor(req), req.params.id), nextCursor: null }),
  );
  r.post(
    `${invoice}/payments`,
    {
      schema: {
        tags,
        params: IdParams,
        body: PaymentCreate,
        response: { 201: InvoiceWithPayment },
        description:
          "A payment: amount > 0 and not above what is left (else 422); the invoice's status follows.",
      },
    },
    async (req, reply) =>
      reply.status(201).send(await addPayment(ctx, requireActor(req), req.params.id, req.body)),
  );
  r.delete(
    `${invoice}/payments/:paymentId`,
    { schema: { tags, params: PaymentParams, response: { 200: InvoiceWithPayment } } },
    (req) => deletePayment(ctx, requireActor(req), req.params.id, req.params.paymentId),
  );
}
