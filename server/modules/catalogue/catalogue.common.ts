import { type Actor, isSystem } from "../../platform/actor";
import { AppError } from "../../platform/errors";
import type { MessageCode } from "../../platform/messages";

/** Who created a row: null for the system (CLI, jobs). */
export const stampOf = (actor: Actor) => (isSystem(actor) ? null : actor.id);

/** A stale version is a 409 with the current one, as every PATCH in the API answers. */
export function assertVersion(row: { version: number }, version: number): void {
  if (row.version !== version) throw AppError.stale(row.version);
}

/** A 422 naming one field; `reason` is a field-message code (server/platform/field-messages.ts). */
export function ruleError(path: string, reason: string, code: MessageCode = "catalogue_rule"): AppError {
  return AppError.rule(code, {}, [{ path, message: reason }]);
}

/** Collects field violations and throws them together, so a form shows every problem at once. */
export class RuleCheck {
  private readonly errors: { path: string; message: string }[] = [];
  add(path: string, reason: string): this {
    this.errors.push({ path, message: reason });
    return this;
  }
  when(condition: boolean, path: string, reason: string): this {
    return condition ? this.add(path, reason) : this;
  }
  throwIfAny(code: MessageCode = "catalogue_rule"): void {
    if (this.errors.length) throw AppError.rule(code, {}, this.errors);
  }
}

/** The SQL LIKE pattern for a substring search, with the wildcard characters escaped. */
export function likePattern(q: string, prefixOnly = false): string {
  const escaped = q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

/** Postgres unique violation (wrapped by drizzle in `cause`). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let i = 0; i < 3 && e; i++) {
    const pg = e as { code?: string; constraint?: string; cause?: unknown };
    if (pg.code === "23505") return constraint ? pg.constraint === constraint : true;
    e = pg.cause;
  }
  return false;
}

/** Compares two non-negative decimal strings exactly (no floating point). */
export function compareDecimal(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  const width = Math.max(af.length, bf.length);
  const x = BigInt(ai + af.padEnd(width, "0"));
  const y = BigInt(bi + bf.padEnd(width, "0"));
  return x === y ? 0 : x < y ? -1 : 1;
}
