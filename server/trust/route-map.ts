import { PASSWORD } from "../test/harness";
import { SECRET } from "./fixtures";
import { type Entry, has, hasId, onRow, t, upload, url, v1 } from "./route-kit";
import { activitiesRouteMap } from "./routes/activities";
import { cadencesRouteMap } from "./routes/cadences";
import { catalogueRouteMap } from "./routes/catalogue";
import { dealsRouteMap } from "./routes/deals";
import { documentsRouteMap } from "./routes/documents";
import { proposalsRouteMap } from "./routes/proposals";
import { reliabilityRouteMap } from "./routes/reliability";

export type { Call, CallContext, Entry, SharedRow, TableEntry } from "./route-kit";

/**
 * Every API operation (method + OpenAPI path), classified against the permission table. Each
 * module's entries may live in a file of its own under routes/ and be spread in here.
 */
export const routeMap: Record<string, Entry> = {
  "GET /api/v1/setup": { kind: "public" },
  "POST /api/v1/setup": { kind: "public" },
  "POST /api/v1/auth/login": { kind: "public" },
  "POST /api/v1/auth/logout": { kind: "public" },
  "GET /api/v1/auth/me": { kind: "self", write: false, call: url(`${v1}/auth/me`) },
  "PATCH /api/v1/auth/me": {
    kind: "self",
    write: true,
    call: (c) => ({ url: `${v1}/auth/me`, body: { fullName: `Переименован ${c.n}` } }),
  },
  "POST /api/v1/auth/password": {
    kind: "self",
    write: true,
    call: () => ({ url: `${v1}/auth/password`, body: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
  },

  "GET /api/v1/users": t("users", "read", url(`${v1}/users?limit=200`), {
    shows: hasId((w) => w.sessions.A1.user.id),
  }),
  "POST /api/v1/users": t("users", "create", (c) => ({
    url: `${v1}/users`,
    body: {
      email: `matrix-new-${c.n}@example.ru`,
      password: PASSWORD,
      fullName: "Новый сотрудник",
      role: "manager",
      headId: c.w.sessions.headA.user.id,
    },
  })),
  "GET /api/v1/users/{id}": t(
    "users",
    "read",
    onRow((id) => `${v1}/users/${id}`),
    { row: "a1User" },
  ),
  "PATCH /api/v1/users/{id}": t(
    "users",
    "update",
    onRow((id) => `${v1}/users/${id}`, { version: 1, fullName: "Правка" }),
    {
      row: "user",
    },
  ),
  "DELETE /api/v1/users/{id}": t(
    "users",
    "delete",
    onRow((id) => `${v1}/users/${id}`),
    { row: "user" },
  ),

  "GET /api/v1/api-tokens": t("apiTokens", "read", url(`${v1}/api-tokens?limit=200`), {
    shows: hasId((w) => w.token.id),
  }),
  "POST /api/v1/api-tokens": t("apiTokens", "create", () => ({
    url: `${v1}/api-tokens`,
    body: { name: "matrix", scope: "read" },
  })),
  "DELETE /api/v1/api-tokens/{id}": t(
    "apiTokens",
    "delete",
    onRow((id) => `${v1}/api-tokens/${id}`),
    {
      row: "apiToken",
    },
  ),

  "GET /api/v1/audit": t("audit", "read", url(`${v1}/audit?limit=200`), {
    shows: hasId((w) => w.company.id),
  }),
  "GET /api/v1/admin/backup": t("backups", "read", url(`${v1}/admin/backup`)),

  // Uploading is the first step of an import: the companies.import right (contacts.import alike).
  "POST /api/v1/imports/preview": t("companies", "import", (c) => ({
    url: `${v1}/imports/preview`,
    multipart: upload(c, { entity: "companies" }),
  })),
  "POST /api/v1/imports": t(
    "companies",
    "import",
    (c) => ({ url: `${v1}/imports`, multipart: upload(c, { entity: "companies", dryRun: "true" }) }),
    { ok: 202 },
  ),
  "GET /api/v1/imports": t("importJobs", "read", url(`${v1}/imports?limit=200`), {
    shows: hasId((w) => w.importJob.id),
  }),
  "GET /api/v1/imports/{id}": t(
    "importJobs",
    "read",
    onRow((id) => `${v1}/imports/${id}`),
    { row: "a1Import" },
  ),
  "POST /api/v1/imports/{id}/cancel": t(
    "importJobs",
    "update",
    onRow((id) => `${v1}/imports/${id}/cancel`),
    {
      row: "importJob",
    },
  ),
  "GET /api/v1/imports/{id}/errors.csv": t(
    "importJobs",
    "read",
    onRow((id) => `${v1}/imports/${id}/errors.csv`),
    {
      row: "a1Import",
    },
  ),
  "GET /api/v1/imports/{id}/plan.csv": t(
    "importJobs",
    "read",
    onRow((id) => `${v1}/imports/${id}/plan.csv`),
    {
      row: "a1Import",
    },
  ),

  "GET /api/v1/exports/companies.csv": t("companies", "export", url(`${v1}/exports/companies.csv`), {
    shows: has(SECRET.name),
  }),
  "GET /api/v1/exports/companies.xlsx": t("companies", "export", url(`${v1}/exports/companies.xlsx`), {
    shows: has(SECRET.name),
  }),
  "GET /api/v1/exports/contacts.csv": t("contacts", "export", url(`${v1}/exports/contacts.csv`), {
    shows: has(SECRET.contactLastName),
  }),
  "GET /api/v1/exports/contacts.xlsx": t("contacts", "export", url(`${v1}/exports/contacts.xlsx`), {
    shows: has(SECRET.contactLastName),
  }),

  "GET /api/v1/companies": t("companies", "read", url(`${v1}/companies?limit=200`), {
    shows: hasId((w) => w.company.id),
  }),
  // Names A1 as the owner: the caller asked for that person, so outside the reach it is a 403.
  "POST /api/v1/companies": t(
    "companies",
    "create",
    (c) => ({ url: `${v1}/companies`, body: { name: `Новая фирма ${c.n}`, ownerId: c.row!.owner } }),
    { row: "a1Company", outside: 403 },
  ),
  "POST /api/v1/companies/duplicates/check": t(
    "companies",
    "read",
    () => ({ url: `${v1}/companies/duplicates/check`, body: { name: "Проверка", inn: SECRET.inn } }),
    // The whole card only within the reach; the name-only hint is checked by permission-leaks.
    { shows: hasId((w) => w.company.id) },
  ),
  "POST /api/v1/companies/merge": t(
    "companies",
    "update",
    (c) => ({ url: `${v1}/companies/merge`, body: { targetId: c.row!.ids[0], sourceIds: [c.row!.ids[1]] } }),
    { row: "companyPair" },
  ),
  // To the caller themselves, an owner they may always assign: only the row decides.
  "POST /api/v1/companies/transfer": t(
    "companies",
    "transfer",
    (c) => ({ url: `${v1}/companies/transfer`, body: { ids: c.row!.ids, ownerId: c.who.id } }),
    { row: "company" },
  ),
  "GET /api/v1/companies/{id}": t(
    "companies",
    "read",
    onRow((id) => `${v1}/companies/${id}`),
    { row: "a1Company" },
  ),
  "PATCH /api/v1/companies/{id}": t(
    "companies",
    "update",
    onRow((id) => `${v1}/companies/${id}`, { version: 1, notes: "правка" }),
    { row: "company" },
  ),
  "DELETE /api/v1/companies/{id}": t(
    "companies",
    "delete",
    onRow((id) => `${v1}/companies/${id}`),
    { row: "company" },
  ),
  "POST /api/v1/companies/{id}/restore": t(
    "companies",
    "restore",
    onRow((id) => `${v1}/companies/${id}/restore`),
    {
      row: "deletedCompany",
    },
  ),
  "GET /api/v1/companies/{id}/history": t(
    "companies",
    "read",
    onRow((id) => `${v1}/companies/${id}/history`),
    {
      row: "a1Company",
    },
  ),
  "GET /api/v1/companies/{id}/contacts": t(
    "contacts",
    "read",
    onRow((id) => `${v1}/companies/${id}/contacts`),
    {
      row: "a1Company",
    },
  ),
  "GET /api/v1/companies/{id}/duplicates": t(
    "companies",
    "read",
    onRow((id) => `${v1}/companies/${id}/duplicates`),
    {
      row: "a1Company",
    },
  ),

  "GET /api/v1/contacts": t("contacts", "read", url(`${v1}/contacts?limit=200`), {
    shows: hasId((w) => w.contact.id),
  }),
  // A contact of a company is created under it: the company's owner decides.
  "POST /api/v1/contacts": t(
    "contacts",
    "create",
    (c) => ({ url: `${v1}/contacts`, body: { lastName: `Новиков${c.n}`, companyId: c.row!.ids[0] } }),
    { row: "a1Company" },
  ),
  "GET /api/v1/contacts/{id}": t(
    "contacts",
    "read",
    onRow((id) => `${v1}/contacts/${id}`),
    { row: "a1Contact" },
  ),
  "PATCH /api/v1/contacts/{id}": t(
    "contacts",
    "update",
    onRow((id) => `${v1}/contacts/${id}`, { version: 1, position: "правка" }),
    { row: "contact" },
  ),
  "DELETE /api/v1/contacts/{id}": t(
    "contacts",
    "delete",
    onRow((id) => `${v1}/contacts/${id}`),
    { row: "contact" },
  ),
  "POST /api/v1/contacts/{id}/restore": t(
    "contacts",
    "restore",
    onRow((id) => `${v1}/contacts/${id}/restore`),
    {
      row: "deletedContact",
    },
  ),

  // Personal data (152-ФЗ) follows the contact's owner; erasure is for admins and heads only.
  "POST /api/v1/contacts/{id}/consents": t(
    "privacy",
    "create",
    onRow((id) => `${v1}/contacts/${id}/consents`, { kind: "marketing", granted: true, channel: "web form" }),
    { row: "contact" },
  ),
  "GET /api/v1/contacts/{id}/consents": t(
    "privacy",
    "read",
    onRow((id) => `${v1}/contacts/${id}/consents`),
    { row: "a1Contact" },
  ),
  "GET /api/v1/contacts/{id}/personal-data": t(
    "privacy",
    "export",
    onRow((id) => `${v1}/contacts/${id}/personal-data`),
    { row: "a1Contact" },
  ),
  "POST /api/v1/contacts/{id}/erase": t(
    "privacy",
    "delete",
    onRow((id) => `${v1}/contacts/${id}/erase`, {}),
    { row: "contact" },
  ),
  "POST /api/v1/privacy/requests": t(
    "privacy",
    "create",
    (c) => ({ url: `${v1}/privacy/requests`, body: { contactId: c.row!.ids[0], kind: "access" } }),
    { row: "contact" },
  ),
  "GET /api/v1/privacy/requests": t("privacy", "read", url(`${v1}/privacy/requests?limit=200`)),

  // The search box answers 200 to every reader: what it finds is the check.
  "GET /api/v1/search": t("companies", "read", url(`${v1}/search?q=${SECRET.inn}`), {
    shows: hasId((w) => w.company.id),
  }),
  "GET /api/v1/views": t("savedViews", "read", url(`${v1}/views`), { shows: hasId((w) => w.view.id) }),
  "POST /api/v1/views": t("savedViews", "create", () => ({
    url: `${v1}/views`,
    body: { entity: "companies", name: "Матрица", query: {} },
  })),
  "DELETE /api/v1/views/{id}": t(
    "savedViews",
    "delete",
    onRow((id) => `${v1}/views/${id}`),
    { row: "view" },
  ),
  ...dealsRouteMap,
  ...activitiesRouteMap,
  ...documentsRouteMap,
  ...proposalsRouteMap,
  ...catalogueRouteMap,
  ...reliabilityRouteMap,
  ...cadencesRouteMap,
};
