import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ApiToken, ApiTokenCreate, ApiTokenCreated } from "../../../contracts/api-tokens";
import { uuidv7 } from "../../../core/uuid";
import { apiTokens } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import { newSecret, sha256 } from "../../platform/auth";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize, authorizeRow } from "../../platform/policy";

type Row = typeof apiTokens.$inferSelect;
const present = (row: Row): z.infer<typeof ApiToken> => ({
  id: row.id,
  name: row.name,
  scope: row.scope,
  prefix: row.prefix,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  lastUsedAt: row.lastUsedAt,
});

export async function createToken(
  db: Db,
  actor: Actor,
  input: z.infer<typeof ApiTokenCreate>,
): Promise<z.infer<typeof ApiTokenCreated>> {
  authorize(actor, "apiTokens", "create");
  // A token cannot grant more than the token that creates it.
  const scope = actor.tokenScope === "read" ? "read" : input.scope;
  const secret = `acc_${newSecret(30)}`;
  return withTx(db, async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        id: uuidv7(),
        workspaceId: actor.workspaceId,
        userId: actor.id,
        name: input.name,
        scope,
        prefix: secret.slice(0, 10),
        tokenHash: sha256(secret),
        expiresAt: input.expiresAt ?? null,
      })
      .returning();
    await recordChange(tx, actor, {
      action: "create",
      entity: "api_token",
      entityId: row!.id,
      after: present(row!),
    });
    return { ...present(row!), token: secret };
  });
}

export async function listTokens(db: Db, actor: Actor, cursor: string | undefined, limit: number) {
  authorize(actor, "apiTokens", "read");
  const rows = await db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.userId, actor.id),
        isNull(apiTokens.revokedAt),
        cursor ? lt(apiTokens.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(apiTokens.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(present);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

export async function revokeToken(db: Db, actor: Actor, id: string): Promise<void> {
  await withTx(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(apiTokens)
      .where(
        and(eq(apiTokens.id, id), eq(apiTokens.workspaceId, actor.workspaceId), isNull(apiTokens.revokedAt)),
      );
    if (!row) throw AppError.notFound();
    authorizeRow(actor, "apiTokens", "delete", row.userId);
    await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(eq(apiTokens.id, id));
    await recordChange(tx, actor, {
      action: "revoke",
      entity: "api_token",
      entityId: id,
      changes: { revokedAt: { from: null, to: "now" } },
    });
  });
}
