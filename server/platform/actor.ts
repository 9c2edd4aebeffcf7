import type { Locale, Role } from "../../contracts/common";

/** Who is acting: resolved once per request from the session or the API token. */
export type Actor = {
  id: string;
  workspaceId: string;
  role: Role;
  email: string;
  /** The actor and everyone reporting to them, directly or through other heads (for heads). */
  teamIds: readonly string[];
  /** Set when the request came with an API token. */
  tokenScope: "read" | "write" | null;
  sessionId: string | null;
  locale: Locale;
};

/** The system itself (CLI, jobs, first-run setup): audited under no user. */
export function systemActor(workspaceId: string): Actor {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    workspaceId,
    role: "admin",
    email: "system",
    teamIds: [],
    tokenScope: null,
    sessionId: null,
    locale: "ru",
  };
}

export const isSystem = (actor: Actor) => actor.id === "00000000-0000-0000-0000-000000000000";
