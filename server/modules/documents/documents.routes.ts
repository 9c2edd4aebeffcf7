import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, IdParams, listOf } from "../../../contracts/common";
import { DocumentTemplate } from "../../../contracts/document-templates";
import {
  MailSent,
  MailSettings,
  MailSettingsUpdate,
  MailTest,
  ProposalSend,
  ProposalSendPreview,
  ProposalSent,
} from "../../../contracts/mail";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  DOCX,
  type DocumentFile,
  previewSend,
  proposalDocx,
  proposalPdf,
  sendProposal,
} from "./documents.service";
import { getMailSettings, putMailSettings, testMail } from "./mail-settings.service";
import {
  deleteDocumentTemplate,
  listDocumentTemplates,
  templateFile,
  uploadDocumentTemplate,
} from "./templates.service";

export function sendFile(reply: FastifyReply, file: DocumentFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.content);
}

/** Printed proposals (PDF, DOCX), sending them by mail, Word templates and the SMTP settings. */
export async function documentsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["documents"];
  const proposal = "/api/v1/proposals/:id";

  r.get(
    `${proposal}/pdf`,
    { schema: { tags, params: IdParams, description: "The proposal revision as PDF (application/pdf)." } },
    async (req, reply) => sendFile(reply, await proposalPdf(ctx, requireActor(req), req.params.id)),
  );
  r.get(
    `${proposal}/docx`,
    {
      schema: {
        tags,
        params: IdParams,
        description:
          "The proposal revision as a Word document, from the admin's template or the default one.",
      },
    },
    async (req, reply) => sendFile(reply, await proposalDocx(ctx, requireActor(req), req.params.id)),
  );
  r.get(
    `${proposal}/send-preview`,
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ contactId: Id.optional() }),
        response: { 200: ProposalSendPreview },
      },
    },
    (req) => previewSend(ctx, requireActor(req), req.params.id, req.query),
  );
  r.post(
    `${proposal}/send`,
    {
      schema: {
        tags,
        params: IdParams,
        body: ProposalSend,
        response: { 200: ProposalSent },
        description:
          "Emails the PDF to a contact of the company (or to addresses given) and marks the proposal sent. An SMTP failure answers 502/503 and records nothing.",
      },
    },
    (req) => sendProposal(ctx, requireActor(req), req.params.id, req.body),
  );

  r.get(
    "/api/v1/document-templates",
    { schema: { tags, response: { 200: listOf(DocumentTemplate) } } },
    async (req) => ({ items: await listDocumentTemplates(ctx, requireActor(req)), nextCursor: null }),
  );
  r.post(
    "/api/v1/document-templates",
    {
      schema: {
        tags,
        response: { 201: DocumentTemplate },
        description:
          "multipart/form-data: `file` (.docx with docxtemplater placeholders, see docs/templates.md), optional `name` and `kind` (proposal | invoice). A file that is not a usable template answers 422 with the reason.",
      },
    },
    async (req, reply) => reply.status(201).send(await uploadDocumentTemplate(ctx, requireActor(req), req)),
  );
  r.get(
    "/api/v1/document-templates/default.docx",
    { schema: { tags, description: "The default proposal template that ships with Accord." } },
    async (req, reply) =>
      sendFile(reply, { ...(await templateFile(ctx, requireActor(req), "default")), contentType: DOCX }),
  );
  r.get(
    "/api/v1/document-templates/:id/file",
    { schema: { tags, params: IdParams, description: "An uploaded template as it was uploaded." } },
    async (req, reply) =>
      sendFile(reply, { ...(await templateFile(ctx, requireActor(req), req.params.id)), contentType: DOCX }),
  );
  r.delete(
    "/api/v1/document-templates/:id",
    { schema: { tags, params: IdParams, response: { 200: DocumentTemplate } } },
    (req) => deleteDocumentTemplate(ctx, requireActor(req), req.params.id),
  );

  r.get("/api/v1/settings/mail", { schema: { tags, response: { 200: MailSettings } } }, (req) =>
    getMailSettings(ctx, requireActor(req)),
  );
  r.put(
    "/api/v1/settings/mail",
    { schema: { tags, body: MailSettingsUpdate, response: { 200: MailSettings } } },
    (req) => putMailSettings(ctx, requireActor(req), req.body),
  );
  r.post(
    "/api/v1/settings/mail/test",
    {
      schema: {
        tags,
        body: MailTest,
        response: { 200: MailSent },
        description:
          "Sends a test letter; an unreachable server answers 503, a refusal 502, with the server's reason.",
      },
    },
    (req) => testMail(ctx, requireActor(req), req.body.to),
  );
}
