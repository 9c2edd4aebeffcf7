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
   * Deals are seen by their own owner (not the company's): a manager their own deals, a head
   * the team's, an admin all. Department users work outside sales and have no deals, as they
   * have no clients. Reopening a closed deal is an update (audited as "reopen").
   */
  deals: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team", manager: "own" },
    restore: { admin: "all" },
  },
  /**
   * Pipelines, lost reasons and competitors: every seller reads them (a board, a loss needs
   * them); only an admin changes them.
   */
  pipelines: {
    read: { admin: "all", head: "all", manager: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
  },
  /**
   * Calls, meetings, emails, notes and tasks. A manager reaches the activities they do (owner =
   * assignee) and every activity on a company they own; a head their team's; an admin all.
   * Deleted activities come back only by an admin. The department role has no client work.
   */
  activities: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team", manager: "own" },
    restore: { admin: "all" },
  },
  /** The bell: everyone reads and marks only their own notifications. */
  notifications: {
    read: { admin: "own", head: "own", manager: "own", department: "own" },
    update: { admin: "own", head: "own", manager: "own", department: "own" },
  },
  /** Commercial proposals follow their author: a manager their own, a head the team's. */
  proposals: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
  },
  /**
   * Approval requests (clause 3.4), reached through the requester: a manager sees their own
   * requests; a head decides those of the team (and only when named the approver), an admin any.
   */
  approvals: {
    read: { admin: "all", head: "team", manager: "own" },
    approve: { admin: "all", head: "team" },
  },
  backups: {
    read: { admin: "all" },
  },
  /**
   * Counterparty reliability follows the company's visibility. Statements, payment history and a
   * registry refresh are "update"; overriding the grade is the head's call ("approve").
   */
  reliability: {
    read: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    approve: { admin: "all", head: "team" },
  },
  /** The registry connection (URL, token) and the grade rule's weights are the admin's. */
  reliabilitySettings: {
    read: { admin: "all" },
    update: { admin: "all" },
  },
  settings: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    update: { admin: "all" },
  },
  /** Printed proposals (PDF, DOCX) and sending them by mail follow the company's owner. */
  proposalDocuments: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
  },
  /** Word templates: anyone who prints may download them; only an admin changes them. */
  documentTemplates: {
    read: { admin: "all", head: "all", manager: "all" },
    create: { admin: "all" },
    delete: { admin: "all" },
  },
  /** SMTP server and letter texts; the password is never shown, even to an admin. */
  mailSettings: {
    read: { admin: "all" },
    update: { admin: "all" },
  },
  /** Invoices and their payments follow the company's owner. */
  invoices: {
    read: { admin: "all", head: "team", manager: "own" },
    create: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
    delete: { admin: "all", head: "team" },
  },
  /**
   * Catalogue and pricing: everyone reads (proposals need products, prices, rules and terms);
   * an admin maintains products, discount rules and terms templates. Prices change more often
   * and are a sales decision, so heads keep price lists too.
   */
  catalogue: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
    restore: { admin: "all" },
    import: { admin: "all" },
    export: { admin: "all", head: "all", manager: "all", department: "all" },
  },
  priceLists: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    create: { admin: "all", head: "all" },
    update: { admin: "all", head: "all" },
    delete: { admin: "all", head: "all" },
  },
  discountRules: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
  },
  termsTemplates: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
  },
  /** A client's individual terms follow the company's visibility (its owner). */
  clientTerms: {
    read: { admin: "all", head: "team", manager: "own" },
    update: { admin: "all", head: "team", manager: "own" },
  },
  /** The seller's legal entities: every document shows them; only an admin changes them. */
  organisations: {
    read: { admin: "all", head: "all", manager: "all", department: "all" },
    create: { admin: "all" },
    update: { admin: "all" },
    delete: { admin: "all" },
  },
  /** Authority limits (clause 3.4); everyone reads their own through /auth/me/limits. */
  limits: {
    read: { admin: "all" },
    update: { admin: "all" },
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
} as const satisfies Table;

export type Resource = keyof typeof permissionTable;

export function reachOf(resource: Resource, action: Action, role: Role): Reach | null {
  const byAction = permissionTable[resource] as Table[string];
  return byAction[action]?.[role] ?? null;
}
