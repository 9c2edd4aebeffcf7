import type { JobHandler } from "../platform/queue";

/** PGlite has no autovacuum: dead rows and planner statistics are handled by this job. */
export const vacuum: JobHandler = async (ctx) => {
  if (ctx.database.kind !== "pglite") return;
  await ctx.database.pool.query("VACUUM ANALYZE");
};
