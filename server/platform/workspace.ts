import { asc } from "drizzle-orm";
import { uuidv7 } from "../../core/uuid";
import { workspaces } from "../db/schema/index";
import type { Db } from "./db/client";

/** Returns the default (first) workspace, creating it on the first start. */
export async function ensureDefaultWorkspace(db: Db): Promise<string> {
  const [existing] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt), asc(workspaces.id))
    .limit(1);
  if (existing) return existing.id;
  const id = uuidv7();
  await db.insert(workspaces).values({ id, name: "Accord" });
  return id;
}
