import { and, eq, sql } from "drizzle-orm";
import { settings } from "../db/schema/index";
import type { Db } from "./db/client";

/**
 * Workspace settings an admin changes at run time, one JSON value per key. Each module parses its
 * own value (and falls back to its defaults); null when nothing is stored.
 */
export async function readSetting(db: Db, workspaceId: string, key: string): Promise<unknown> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.workspaceId, workspaceId), eq(settings.key, key)))
    .limit(1);
  return row?.value ?? null;
}

export async function writeSetting(
  db: Db,
  workspaceId: string,
  key: string,
  value: unknown,
  by: string | null,
): Promise<void> {
  await db
    .insert(settings)
    .values({ workspaceId, key, value, updatedBy: by })
    .onConflictDoUpdate({
      target: [settings.workspaceId, settings.key],
      set: { value, updatedBy: by, updatedAt: sql`now()` },
    });
}
