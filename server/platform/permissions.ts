import type { Role } from "../../contracts/common";

/**
 * The permission table: role × resource × action → how far the right reaches.
 * "all" — the whole workspace; "team" — own rows and the rows of everyone who reports to the
 * actor (directly or through other heads); "own" — the actor's own rows. A missing entry is "no".
 * Policies are built from this table, docs render it, and the trust tests walk it.
 */
export type Reach = "all" | "team" | "own";
export type Action =
  | "read"
  | "create"
  | "update"
  | "delete"
  | "restore"
  | "approve"
  | "export"
  | "import"
  | "transfer";

type Table = Record<string, Partial<Record<Action, Partial<Record<Role, Reach>>>>>;

export const permissionTable = {
  users: {
    read: { admin: "all", head: "team", manager: "own", department: "own" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
  },
  apiTokens: {
    read: { admin: "own", head: "own", manager: "own", department: "own" },
    create: { admin: "own", head: "own", manager: "own", department: "own" },
    delete: { admin: "all", head: "own", manager: "own", department: "own" },
  },
  audit: {
    read: { admin: "all", head: "team" },
  },
  companies: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team", manager: "own" },
    restore: { admin: "all" },
    transfer: { admin: "all", head: "team" },
    export: { admin: "all", head: "team", manager: "own" },
    import: { admin: "all", head: "team", manager: "own" },
  },
  /** Contacts follow the visibility of their company's owner. */
  contacts: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team", manager: "own" },
    restore: { admin: "all" },
    export: { admin: "all", head: "team", manager: "own" },
    import: { admin: "all", head: "team", manager: "own" },
  },
  /**
   * Import jobs (not the rows they write): the author sees and cancels their own, an admin
   * everyone's. Starting an import needs companies.import / contacts.import.
   */
  importJobs: {
    read: { admin: "all", head: "own", manager: "own", department: "own" },
    update: { admin: "all", head: "own", manager: "own", department: "own" },
  },
  savedViews: {
    read: { admin: "own", head: "own", manager: "own", department: "own" },
    create: { admin: "own", head: "own", manager: "own", department: "own" },
    delete: { admin: "own", head: "own", manager: "own", department: "own" },
  },
  /**
   * Personal data (152-ФЗ): requests, consents and the export follow the contact's visibility;
   * erasure is irreversible, so a manager asks their head (or an admin) to do it.
   */
  privacy: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    export: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team" },
  },
  /**
   * Contact schemes (the designs): everyone who works with clients may read and use any scheme;
   * heads and managers design their own, a head edits the team's, an admin everything.
   */
  cadences: {
    read: { admin: "all", head: "all", manager: "all" },
    create: { admin: "all", head: "own", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team", manager: "own" },
    restore: { admin: "all" },
  },
  /** Clients walked through a scheme: follow the company owner (a manager enrols own clients). */
  cadenceEnrolments: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
  },
  backups: {
    read: { admin: "all" },
  },
  settings: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    update: { admin: "all" },
  },
} as const satisfies Table;

export type Resource = keyof typeof permissionTable;

export function reachOf(resource: Resource, action: Action, role: Role): Reach | null {
  const byAction = permissionTable[resource] as Table[string];
  return byAction[action]?.[role] ?? null;
}
