import { type Action, type Reach, reachOf } from "../platform/permissions";
import type { Who, World } from "./fixtures";
import type { Entry } from "./route-map";

/**
 * The matrix's oracle: what the permission table says an actor gets from an operation, given
 * the actor's relation to the owner of the row. It reads the table itself (reachOf) but not the
 * policy code, and it takes the teams from the org chart the fixtures built, not from the server.
 */

/** Whether a reach covers a row of `owner`. */
export function covers(w: World, who: Who, reach: Reach, owner: string): boolean {
  if (reach === "all") return true;
  if (reach === "own") return who.id === owner;
  return (w.teams[who.id!] ?? [who.id]).includes(owner);
}

/** A read-only token reads and exports; anything else is a write it may not do (policy.ts says so). */
export const readOnly = (action: Action) => action === "read" || action === "export";

export type Expected = { status: "allow" | 401 | 403 | 404; shows?: boolean };

export function expected(entry: Entry, who: Who, w: World, owner: string | null): Expected {
  if (entry.kind === "public") return { status: "allow" };
  if (!who.role) return { status: 401 };
  if (entry.kind === "self") return { status: who.readToken && entry.write ? 403 : "allow" };
  if (who.readToken && !readOnly(entry.action)) return { status: 403 };
  const reach = reachOf(entry.resource, entry.action, who.role);
  if (!reach) return { status: 403 };
  if (owner && !covers(w, who, reach, owner)) return { status: entry.outside ?? 404 };
  if (!entry.shows) return { status: "allow" };
  return { status: "allow", shows: covers(w, who, reach, w.sessions.A1.user.id) };
}
