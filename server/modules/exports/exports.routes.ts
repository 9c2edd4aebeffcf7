import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { CompanyListQuery } from "../../../contracts/companies";
import { ContactListQuery } from "../../../contracts/contacts";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { type ExportFile, exportCompanies, exportContacts } from "./exports.service";

function send(reply: FastifyReply, file: ExportFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", "no-store")
    .send(file.stream);
}

/** GET /exports/<entity>.csv|.xlsx with the list's query params (paging ignored: all matching rows). */
export async function exportsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["exports"];
  for (const format of ["csv", "xlsx"] as const) {
    r.get(
      `/api/v1/exports/companies.${format}`,
      {
        schema: {
          tags,
          querystring: CompanyListQuery,
          description: `The company list with the same filters as GET /companies, as ${format.toUpperCase()} (only what the caller may see).`,
        },
      },
      (req, reply) => send(reply, exportCompanies(ctx, requireActor(req), req.query, format)),
    );
    r.get(
      `/api/v1/exports/contacts.${format}`,
      {
        schema: {
          tags,
          querystring: ContactListQuery,
          description: `The contact list with the same filters as GET /contacts, as ${format.toUpperCase()}.`,
        },
      },
      (req, reply) => send(reply, exportContacts(ctx, requireActor(req), req.query, format)),
    );
  }
}
