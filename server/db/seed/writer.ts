import type pg from "pg";
import { digitGrams } from "../../modules/search/search.digits";
import type { SeedContact } from "./contacts";
import type { SeedCompany } from "./generate";

/**
 * Bulk writer for the demo base. One `insert … select … from unnest($1::uuid[], $2::text[], …)`
 * per batch sends thousands of rows in one round trip with a fixed number of parameters (the
 * planner sees one statement, not 30 000 placeholders). This is a seed tool, not a user action:
 * it goes straight to the pool, and the caller writes a single audit entry for the whole run.
 */

type Queryable = Pick<pg.Pool, "query">;

/**
 * Array columns cannot travel inside unnest (it would flatten a text[][]), so each row's
 * array goes as its literal text ('{"a","b"}') and is cast back per row.
 */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface Column<T> {
  name: string;
  /** The element type of the unnest parameter. */
  type: "uuid" | "text" | "timestamptz";
  /** A column stored as an array, sent as array literals and cast to this type. */
  array?: "text[]" | "integer[]";
  value: (row: T) => string | null;
}

const companyColumns: Column<SeedCompany>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "created_at", type: "timestamptz", value: (r) => iso(r.createdAt) },
  { name: "updated_at", type: "timestamptz", value: (r) => iso(r.updatedAt) },
  { name: "created_by", type: "uuid", value: (r) => r.createdBy },
  { name: "name", type: "text", value: (r) => r.name },
  { name: "full_name", type: "text", value: (r) => r.fullName },
  { name: "kind", type: "text", value: (r) => r.kind },
  { name: "status", type: "text", value: (r) => r.status },
  { name: "inn", type: "text", value: (r) => r.inn },
  { name: "kpp", type: "text", value: (r) => r.kpp },
  { name: "ogrn", type: "text", value: (r) => r.ogrn },
  { name: "bik", type: "text", value: (r) => r.bik },
  { name: "account", type: "text", value: (r) => r.account },
  { name: "corr_account", type: "text", value: (r) => r.corrAccount },
  { name: "bank_name", type: "text", value: (r) => r.bankName },
  { name: "industry", type: "text", value: (r) => r.industry },
  { name: "region", type: "text", value: (r) => r.region },
  { name: "city", type: "text", value: (r) => r.city },
  { name: "segment", type: "text", value: (r) => r.segment },
  { name: "source", type: "text", value: (r) => r.source },
  { name: "owner_id", type: "uuid", value: (r) => r.ownerId },
  { name: "tags", type: "text", array: "text[]", value: (r) => arrayLiteral(r.tags) },
  { name: "phones", type: "text", array: "text[]", value: (r) => arrayLiteral(r.phones) },
  { name: "emails", type: "text", array: "text[]", value: (r) => arrayLiteral(r.emails) },
  { name: "phone_search", type: "text", value: (r) => r.phoneSearch },
  {
    name: "digit_grams",
    type: "text",
    array: "integer[]",
    value: (r) => `{${digitGrams(r.inn, r.phoneSearch)}}`,
  },
  { name: "website", type: "text", value: (r) => r.website },
  { name: "address", type: "text", value: (r) => r.address },
  { name: "notes", type: "text", value: (r) => r.notes },
  { name: "last_contact_at", type: "timestamptz", value: (r) => iso(r.lastContactAt) },
];

const contactColumns: Column<SeedContact>[] = [
  { name: "id", type: "uuid", value: (r) => r.id },
  { name: "created_at", type: "timestamptz", value: (r) => iso(r.createdAt) },
  { name: "updated_at", type: "timestamptz", value: (r) => iso(r.createdAt) },
  { name: "created_by", type: "uuid", value: (r) => r.ownerId },
  { name: "company_id", type: "uuid", value: (r) => r.companyId },
  { name: "owner_id", type: "uuid", value: (r) => r.ownerId },
  { name: "last_name", type: "text", value: (r) => r.lastName },
  { name: "first_name", type: "text", value: (r) => r.firstName },
  { name: "middle_name", type: "text", value: (r) => r.middleName },
  { name: "position", type: "text", value: (r) => r.position },
  { name: "phones", type: "text", array: "text[]", value: (r) => arrayLiteral(r.phones) },
  { name: "emails", type: "text", array: "text[]", value: (r) => arrayLiteral(r.emails) },
  { name: "phone_search", type: "text", value: (r) => r.phoneSearch },
  {
    name: "digit_grams",
    type: "text",
    array: "integer[]",
    value: (r) => `{${digitGrams(null, r.phoneSearch)}}`,
  },
  { name: "consent_marketing", type: "text", value: (r) => r.consentMarketing },
  { name: "consent_at", type: "timestamptz", value: (r) => iso(r.consentAt) },
  { name: "consent_source", type: "text", value: (r) => r.consentSource },
];

/** `insert into t (workspace_id, c1, …) select $1, c1, … from unnest($2::uuid[], …) as u(c1, …)`. */
function insertSql<T>(table: string, columns: Column<T>[]): string {
  const names = columns.map((c) => c.name);
  const params = columns.map((c, i) => `$${i + 2}::${c.type}[]`);
  const selects = columns.map((c) => (c.array ? `u.${c.name}::${c.array}` : `u.${c.name}`));
  return `insert into ${table} (workspace_id, ${names.join(", ")})
select $1::uuid, ${selects.join(", ")}
from unnest(${params.join(", ")}) as u(${names.join(", ")})`;
}

async function insertRows<T>(
  db: Queryable,
  table: string,
  columns: Column<T>[],
  workspaceId: string,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = columns.map((c) => rows.map(c.value));
  await db.query(insertSql(table, columns), [workspaceId, ...values]);
}

export function insertCompanies(db: Queryable, workspaceId: string, rows: readonly SeedCompany[]) {
  return insertRows(db, "companies", companyColumns, workspaceId, rows);
}

export function insertContacts(db: Queryable, workspaceId: string, rows: readonly SeedContact[]) {
  return insertRows(db, "contacts", contactColumns, workspaceId, rows);
}
