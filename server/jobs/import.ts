import { findImportById } from "../modules/imports/imports.repo";
import { failImport, runImport } from "../modules/imports/imports.runner";
import type { JobHandler } from "../platform/queue";

/**
 * Runs an import (server/modules/imports/imports.runner.ts). Idempotent: the import's
 * `position` is committed with every batch, so a second run resumes after the last committed
 * batch and a finished import is left alone. When the last attempt fails, the import is marked
 * failed so the page stops waiting for it.
 */
export const importJob: JobHandler = async (ctx, job, heartbeat) => {
  const importId = String(job.payload.importId);
  const imp = await findImportById(ctx.db, importId);
  if (!imp) return;
  try {
    await runImport(ctx, imp, heartbeat);
  } catch (error) {
    if (job.attempts >= job.maxAttempts) {
      const message = error instanceof Error ? error.message : String(error);
      await failImport(ctx, importId, null, message);
    }
    throw error;
  }
};
