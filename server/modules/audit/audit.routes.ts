import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AuditEntry, AuditQuery } from "../../../contracts/audit";
import { listOf } from "../../../contracts/common";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import { listAudit } from "./audit.service";

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      "/api/v1/audit",
      { schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: listOf(AuditEntry) } } },
      (req) => listAudit(ctx.db, requireActor(req), req.query),
    );
}
