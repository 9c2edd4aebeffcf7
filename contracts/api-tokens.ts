import { z } from "zod";
import { Id, Timestamp } from "./common";

/** Scopes limit what an integration token may do; "read" forbids every write. */
export const TokenScope = z.enum(["read", "write"]);

export const ApiTokenCreate = z.object({
  name: z.string().trim().min(1).max(100),
  scope: TokenScope.default("write"),
  expiresAt: Timestamp.nullable().optional(),
});

export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: TokenScope,
  prefix: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp.nullable(),
  lastUsedAt: Timestamp.nullable(),
});

/** The secret is returned once, at creation; only its hash is stored. */
export const ApiTokenCreated = ApiToken.extend({ token: z.string() });
