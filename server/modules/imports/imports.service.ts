import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  ImportCreateJson,
  ImportEntity,
  type ImportMapping,
  type ImportPreview,
} from "../../../contracts/imports";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import { withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { fieldMessage } from "../../platform/field-messages";
import { authorize, authorizeRow, visibleOwnerIds } from "../../platform/policy";
import { enqueue } from "../../platform/queue";
import { neutralise } from "../exports/exports.format";
import { auditImport } from "./imports.audit";
import { checkMapping, entityFields, suggestMapping } from "./imports.mapping";
import { presentImport, presentSummary } from "./imports.presenter";
import {
  findImport,
  firstErrors,
  type ImportRow,
  insertImport,
  listImports,
  lockImport,
  notesPage,
  updateImport,
} from "./imports.repo";
import { loadUpload, receiveMultipart, sampleRows, type UploadMeta } from "./imports.upload";

/** Refuses a role without any import right before a byte of the upload is read. */
function authorizeAnyImport(actor: Actor): void {
  try {
    authorize(actor, "companies", "import");
  } catch {
    authorize(actor, "contacts", "import");
  }
}

export async function previewUpload(
  ctx: AppContext,
  actor: Actor,
  req: FastifyRequest,
): Promise<ImportPreview> {
  authorizeAnyImport(actor);
  const { upload, fields } = await receiveMultipart(req, ctx, actor);
  const entity = parseField(ImportEntity.optional(), fields.entity, actor, "entity") ?? "companies";
  authorize(actor, entity, "import");
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    size: upload.size,
    format: upload.format,
    encoding: upload.encoding,
    delimiter: upload.delimiter,
    header: upload.header,
    rows: await sampleRows(ctx, upload, 20),
    suggestedMapping: suggestMapping(entity, upload.header),
    fields: [...entityFields[entity]],
  };
}

/** Validates what the route could not (multipart fields, or a body of either shape). */
function parseField<T extends z.ZodType>(schema: T, value: unknown, actor: Actor, prefix = ""): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw AppError.validation(
      parsed.error.issues.map((issue) => ({
        path: [prefix, ...issue.path.map(String)].filter(Boolean).join(".") || "body",
        message: fieldMessage(issue as Parameters<typeof fieldMessage>[0], actor.locale),
      })),
    );
  return parsed.data;
}

/** POST /imports: multipart {entity, file, mapping?, dryRun?} or JSON {uploadId, entity, mapping?, dryRun?}. */
export async function createImport(ctx: AppContext, actor: Actor, req: FastifyRequest) {
  let upload: UploadMeta;
  let input: ImportCreateJson;
  if (req.isMultipart()) {
    authorizeAnyImport(actor);
    const received = await receiveMultipart(req, ctx, actor);
    upload = received.upload;
    let mapping: unknown;
    try {
      mapping = received.fields.mapping ? JSON.parse(received.fields.mapping) : undefined;
    } catch {
      throw AppError.validation([{ path: "mapping", message: "not JSON" }]);
    }
    const dryRun = received.fields.dryRun;
    input = parseField(
      ImportCreateJson,
      {
        uploadId: upload.id,
        entity: received.fields.entity,
        mapping,
        dryRun: dryRun === "true" || dryRun === "1",
      },
      actor,
    );
  } else {
    input = parseField(ImportCreateJson, req.body, actor);
    authorize(actor, input.entity, "import");
    upload = await loadUpload(ctx, actor, input.uploadId);
  }
  authorize(actor, input.entity, "import");
  const mapping: ImportMapping = input.mapping ?? suggestMapping(input.entity, upload.header);
  checkMapping(input.entity, upload.header, mapping);
  const row = await withTx(ctx.db, async (tx) => {
    const created = await insertImport(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: actor.id,
      userId: actor.id,
      entity: input.entity,
      fileName: upload.fileName,
      filePath: upload.key,
      format: upload.format,
      encoding: upload.encoding,
      delimiter: upload.delimiter,
      header: upload.header,
      mapping,
      dryRun: input.dryRun,
    });
    // The job exists only if the import row commits, and vice versa.
    await enqueue(tx, { kind: "import", payload: { importId: created.id }, workspaceId: actor.workspaceId });
    return created;
  });
  return presentImport(row, []);
}

/** An import job is its author's (an admin sees all): anyone else gets 404 (permissions: importJobs). */
async function visibleImport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: "read" | "update" = "read",
): Promise<ImportRow> {
  const row = await findImport(ctx.db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  authorizeRow(actor, "importJobs", action, row.userId);
  return row;
}

export async function getImport(ctx: AppContext, actor: Actor, id: string) {
  const row = await visibleImport(ctx, actor, id);
  return presentImport(row, await firstErrors(ctx.db, id, 100));
}

export async function listVisibleImports(
  ctx: AppContext,
  actor: Actor,
  query: { limit: number; cursor?: string },
) {
  const owners = visibleOwnerIds(actor, authorize(actor, "importJobs", "read"));
  const rows = await listImports(ctx.db, actor.workspaceId, owners, query);
  const items = rows.slice(0, query.limit);
  return {
    items: items.map(presentSummary),
    nextCursor: rows.length > query.limit ? items[items.length - 1]!.id : null,
  };
}

/**
 * Stops a queued or running import. The running batch finishes first (it holds the import's
 * lock); what was committed before stays — the audit entry records how much.
 */
export async function cancelImport(ctx: AppContext, actor: Actor, id: string) {
  // "update" is a write: a read-only API token may look at imports, not stop them.
  await visibleImport(ctx, actor, id, "update");
  const row = await withTx(ctx.db, async (tx) => {
    const current = await lockImport(tx, id);
    if (!current) throw AppError.notFound();
    if (current.status !== "queued" && current.status !== "running") throw AppError.rule("import_finished");
    await updateImport(tx, id, { status: "cancelled" });
    const cancelled = { ...current, status: "cancelled" as const };
    if (!current.dryRun) await auditImport(tx, actor, cancelled);
    return cancelled;
  });
  return presentImport(row, await firstErrors(ctx.db, id, 100));
}

const reportTexts = {
  row: { ru: "Строка", en: "Row" },
  field: { ru: "Поле", en: "Field" },
  column: { ru: "Колонка", en: "Column" },
  message: { ru: "Ошибка", en: "Error" },
  action: { ru: "Действие", en: "Action" },
  reason: { ru: "Причина", en: "Reason" },
  name: { ru: "Наименование", en: "Name" },
  inn: { ru: "ИНН", en: "INN" },
  create: { ru: "создать", en: "create" },
  update: { ru: "обновить", en: "update" },
  unchanged: { ru: "без изменений", en: "unchanged" },
  reject: { ru: "отклонить", en: "reject" },
} as const;

/**
 * The error report (`rejectsOnly`) or the plan of a dry run, streamed as CSV (UTF-8 with BOM,
 * ";") page by page: memory stays flat whatever the number of rows.
 */
export async function reportStream(
  ctx: AppContext,
  actor: Actor,
  id: string,
  kind: "errors" | "plan",
): Promise<{ fileName: string; stream: Readable }> {
  const imp = await visibleImport(ctx, actor, id);
  if (kind === "plan" && !imp.dryRun) throw AppError.notFound();
  const t = (key: keyof typeof reportTexts) => reportTexts[key][actor.locale];
  const header = imp.header ?? [];
  const columnsOf = (field: string) =>
    Object.entries(imp.mapping)
      .filter(([, f]) => f === field)
      .map(([c]) => c)
      .join(", ");
  const cell = (v: unknown) => neutralise(v === null || v === undefined ? "" : String(v));
  const titles =
    kind === "errors"
      ? [t("row"), t("field"), t("column"), t("message"), ...header]
      : [t("row"), t("action"), t("field"), t("reason"), t("name"), t("inn")];
  async function* lines() {
    yield `\uFEFF${stringify([titles.map(cell)], { delimiter: ";", record_delimiter: "\r\n" })}`;
    let after: string | null = null;
    while (true) {
      const page = await notesPage(ctx.db, id, kind === "errors", after, 1000);
      if (!page.length) return;
      after = page[page.length - 1]!.id;
      const records = page.map((n) => {
        const data = (n.data ?? {}) as Record<string, unknown>;
        return kind === "errors"
          ? [n.row, n.path, columnsOf(n.path), n.message, ...header.map((h) => data[h])].map(cell)
          : [n.row, t(n.outcome as "create"), n.path, n.message, data.name, data.inn].map(cell);
      });
      yield stringify(records, { delimiter: ";", record_delimiter: "\r\n" });
    }
  }
  return { fileName: `import-${id}-${kind}.csv`, stream: Readable.from(lines()) };
}
