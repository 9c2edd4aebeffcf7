import type { FastifyRequest } from "fastify";
import type { DocumentTemplate } from "../../../contracts/document-templates";
import { DocumentTemplateKind } from "../../../contracts/document-templates";
import { uuidv7 } from "../../../core/uuid";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import {
  insertTemplate,
  listTemplates,
  softDeleteTemplate,
  type TemplateMeta,
  templateById,
} from "./documents.repo";
import { defaultDocxTemplate, inspectTemplate, TemplateError } from "./docx";

const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;

function present(row: TemplateMeta, activeIds: Set<string>): DocumentTemplate {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    fileName: row.fileName,
    size: row.size,
    placeholders: row.placeholders,
    active: activeIds.has(row.id),
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

/** The newest template of each kind is the one in use. */
function activeOf(rows: TemplateMeta[]): Set<string> {
  const seen = new Set<string>();
  const active = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.kind)) continue;
    seen.add(r.kind);
    active.add(r.id);
  }
  return active;
}

export async function listDocumentTemplates(ctx: AppContext, actor: Actor): Promise<DocumentTemplate[]> {
  authorize(actor, "documentTemplates", "read");
  const rows = await listTemplates(ctx.db, actor.workspaceId);
  const active = activeOf(rows);
  return rows.map((r) => present(r, active));
}

/** Reads the multipart upload into memory (a template is small) with its name and kind. */
async function readUpload(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError("unsupported_media_type", 415);
  const fields: Record<string, string> = {};
  let file: { name: string; content: Buffer } | null = null;
  for await (const part of req.parts({ limits: { fileSize: MAX_TEMPLATE_BYTES, files: 1, fields: 5 } })) {
    if (part.type === "field") {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const content = await part.toBuffer();
    if (part.file.truncated) throw new AppError("too_large", 413);
    file = { name: (part.filename || "template.docx").slice(0, 255), content };
  }
  if (!file || file.content.length === 0) throw AppError.validation([{ path: "file", message: "required" }]);
  const kind = DocumentTemplateKind.safeParse(fields.kind ?? "proposal");
  if (!kind.success) throw AppError.validation([{ path: "kind", message: "proposal | invoice" }]);
  const name = (fields.name ?? "").trim().slice(0, 200) || file.name.replace(/\.docx$/i, "");
  return { file, kind: kind.data, name };
}

/** A real .docx whose placeholders docxtemplater can parse; anything else answers 422 with why. */
export async function uploadDocumentTemplate(
  ctx: AppContext,
  actor: Actor,
  req: FastifyRequest,
): Promise<DocumentTemplate> {
  authorize(actor, "documentTemplates", "create");
  const { file, kind, name } = await readUpload(req);
  let placeholders: string[];
  try {
    placeholders = inspectTemplate(file.content).placeholders;
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    throw AppError.rule("document_template_invalid", { reason: error.reason }, [
      { path: "file", message: error.reason },
    ]);
  }
  return withTx(ctx.db, async (tx) => {
    const row = await insertTemplate(tx, {
      id: uuidv7(),
      workspaceId: actor.workspaceId,
      createdBy: isSystem(actor) ? null : actor.id,
      kind,
      name,
      fileName: file.name,
      size: file.content.length,
      placeholders,
      content: file.content,
    });
    await recordChange(tx, actor, {
      action: "create",
      entity: "document_template",
      entityId: row.id,
      after: { kind, name, fileName: file.name, size: file.content.length },
    });
    return present(row, new Set([row.id]));
  });
}

export async function deleteDocumentTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<DocumentTemplate> {
  authorize(actor, "documentTemplates", "delete");
  return withTx(ctx.db, async (tx) => {
    const row = await softDeleteTemplate(tx, actor.workspaceId, id);
    if (!row) throw AppError.notFound();
    await recordChange(tx, actor, {
      action: "delete",
      entity: "document_template",
      entityId: id,
      changes: { deletedAt: { from: null, to: "now" } },
    });
    return present(row, new Set());
  });
}

export async function templateFile(
  ctx: AppContext,
  actor: Actor,
  id: string | "default",
): Promise<{ fileName: string; content: Buffer }> {
  authorize(actor, "documentTemplates", "read");
  if (id === "default") return { fileName: "proposal-template.docx", content: defaultDocxTemplate() };
  const row = await templateById(ctx.db, actor.workspaceId, id);
  if (!row) throw AppError.notFound();
  return { fileName: row.fileName.replace(/[^A-Za-z0-9._-]+/g, "_"), content: row.content };
}
