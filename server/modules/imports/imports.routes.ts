import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { IdParams, listOf } from "../../../contracts/common";
import { Import, ImportListQuery, ImportPreview, ImportSummary } from "../../../contracts/imports";
import { requireActor } from "../../platform/auth";
import type { AppContext } from "../../platform/context";
import {
  cancelImport,
  createImport,
  getImport,
  listVisibleImports,
  previewUpload,
  reportStream,
} from "./imports.service";

export async function importsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["imports"];
  r.post(
    "/api/v1/imports/preview",
    {
      schema: {
        tags,
        description:
          "multipart/form-data: `file` (CSV or XLSX, checked by content), optional `entity`. Stores the file and returns what was detected, 20 sample rows and the suggested mapping; pass `uploadId` to POST /imports.",
        response: { 200: ImportPreview },
      },
    },
    (req) => previewUpload(ctx, requireActor(req), req),
  );
  r.post(
    "/api/v1/imports",
    {
      schema: {
        tags,
        description:
          "Starts an import job. multipart/form-data {entity, file, mapping? (JSON), dryRun?} or JSON {uploadId, entity, mapping?, dryRun?}. 202 with the import; poll GET /imports/:id.",
        response: { 202: Import },
      },
    },
    async (req, reply) => reply.status(202).send(await createImport(ctx, requireActor(req), req)),
  );
  r.get(
    "/api/v1/imports",
    { schema: { tags, querystring: ImportListQuery, response: { 200: listOf(ImportSummary) } } },
    (req) => listVisibleImports(ctx, requireActor(req), req.query),
  );
  r.get("/api/v1/imports/:id", { schema: { tags, params: IdParams, response: { 200: Import } } }, (req) =>
    getImport(ctx, requireActor(req), req.params.id),
  );
  r.post(
    "/api/v1/imports/:id/cancel",
    { schema: { tags, params: IdParams, response: { 200: Import } } },
    (req) => cancelImport(ctx, requireActor(req), req.params.id),
  );
  for (const kind of ["errors", "plan"] as const) {
    r.get(
      `/api/v1/imports/:id/${kind}.csv`,
      {
        schema: {
          tags,
          params: IdParams,
          description:
            kind === "errors"
              ? "The error report: row, field, column, message and the row's original values (CSV, UTF-8 with BOM, ';')."
              : "The plan of a dry run: each row → create / update / unchanged / reject, with the reason.",
        },
      },
      async (req, reply) => {
        const { fileName, stream } = await reportStream(ctx, requireActor(req), req.params.id, kind);
        return reply
          .header("content-type", "text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${fileName}"`)
          .send(stream);
      },
    );
  }
}
