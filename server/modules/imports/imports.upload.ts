import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { Id } from "../../../contracts/common";
import { uuidv7 } from "../../../core/uuid";
import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { readStoredJson, removeStored, saveStream, writeStoredJson } from "../../platform/storage";
import { type Detected, detectFile } from "./imports.detect";
import { readRows, uniqueHeader } from "./imports.reader";

/**
 * Uploads: a multipart file is streamed to storage (never buffered), checked by its content,
 * and described by a small JSON sidecar, so /imports can start from it without a re-upload.
 */
export const UploadMeta = z.object({
  id: Id,
  workspaceId: Id,
  userId: Id,
  fileName: z.string(),
  key: z.string(),
  size: z.number().int(),
  format: z.enum(["csv", "xlsx"]),
  encoding: z.enum(["utf-8", "utf-8-bom", "windows-1251", "utf-16le"]).nullable(),
  delimiter: z.enum([";", ",", "\t"]).nullable(),
  header: z.array(z.string()),
  createdAt: z.string(),
});
export type UploadMeta = z.infer<typeof UploadMeta>;

const metaKey = (workspaceId: string, id: string) => `imports/${workspaceId}/${id}.json`;

/** Reads a multipart request: the one `file` part goes to storage, other parts are fields. */
export async function receiveMultipart(
  req: FastifyRequest,
  ctx: AppContext,
  actor: Actor,
): Promise<{ upload: UploadMeta; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError("unsupported_media_type", 415);
  const fields: Record<string, string> = {};
  let stored: { id: string; key: string; fileName: string; size: number } | undefined;
  const parts = req.parts({
    limits: { fileSize: ctx.config.uploadLimitBytes, files: 1, fields: 10, fieldSize: 1024 * 1024 },
  });
  try {
    for await (const part of parts) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || stored) {
        part.file.resume();
        throw AppError.validation([{ path: part.fieldname, message: "unexpected file" }]);
      }
      const id = uuidv7();
      const key = `imports/${actor.workspaceId}/${id}`;
      const { size } = await saveStream(ctx.config, key, part.file);
      stored = { id, key, fileName: (part.filename || "upload").slice(0, 255), size };
      if (part.file.truncated) throw new AppError("too_large", 413);
    }
    if (!stored) throw AppError.validation([{ path: "file", message: "required" }]);
    const detected = await detectFile(ctx.config, stored.key, stored.fileName);
    const header = await readHeader(ctx, stored.key, detected);
    const upload: UploadMeta = {
      ...stored,
      workspaceId: actor.workspaceId,
      userId: actor.id,
      ...detected,
      header,
      createdAt: new Date().toISOString(),
    };
    await writeStoredJson(ctx.config, metaKey(actor.workspaceId, stored.id), upload);
    return { upload, fields };
  } catch (error) {
    if (stored) await removeStored(ctx.config, stored.key);
    throw error;
  }
}

async function readHeader(ctx: AppContext, key: string, detected: Detected): Promise<string[]> {
  const rows = readRows(ctx.config, { key, ...detected });
  try {
    const first = await rows.next();
    if (first.done || first.value.values.every((v) => !v.trim())) throw AppError.rule("import_empty_file");
    return uniqueHeader(first.value.values);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("import_unreadable", 400);
  } finally {
    await rows.return(undefined);
  }
}

/** The first data rows as text, for the preview table. */
export async function sampleRows(ctx: AppContext, upload: UploadMeta, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  const rows = readRows(ctx.config, upload);
  try {
    let first = true;
    for await (const { values } of rows) {
      if (first) {
        first = false;
        continue;
      }
      out.push(upload.header.map((_, i) => values[i] ?? ""));
      if (out.length >= limit) break;
    }
  } catch {
    throw new AppError("import_unreadable", 400);
  }
  return out;
}

/** An upload of the actor's own (anyone else's is "not found"). */
export async function loadUpload(ctx: AppContext, actor: Actor, id: string): Promise<UploadMeta> {
  const parsed = UploadMeta.safeParse(await readStoredJson(ctx.config, metaKey(actor.workspaceId, id)));
  if (!parsed.success || parsed.data.userId !== actor.id || parsed.data.workspaceId !== actor.workspaceId)
    throw AppError.notFound();
  return parsed.data;
}
