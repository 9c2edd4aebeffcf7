import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import { recordChange } from "../../platform/audit";
import { requireActor } from "../../platform/auth";
import { writeBackup } from "../../platform/backup";
import type { AppContext } from "../../platform/context";
import { authorize } from "../../platform/policy";

/** An admin downloads a consistent backup from the running server (the CLI cannot open a locked PGlite). */
export async function backupsRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    "/api/v1/admin/backup",
    { schema: { tags: ["admin"], summary: "Download a consistent backup (gzip'd JSON lines)" } },
    async (req, reply) => {
      const actor = requireActor(req);
      authorize(actor, "backups", "read");
      await recordChange(ctx.db, actor, {
        action: "backup",
        entity: "workspace",
        entityId: actor.workspaceId,
        changes: {},
      });
      const out = new PassThrough();
      writeBackup(ctx.database.pool, out).catch((error: unknown) => {
        req.log.error({ err: error }, "backup failed");
        out.destroy(error as Error);
      });
      const name = `accord-${new Date().toISOString().slice(0, 19).replaceAll(":", "-")}.jsonl.gz`;
      return reply
        .type("application/gzip")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(out);
    },
  );
}
