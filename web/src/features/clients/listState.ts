import { CompanySortKeys, CompanyStatus } from "../../../../contracts/companies";
import type { Query } from "../../lib/api";

/** Every column the list can show; `name` is always shown (it is the link to the card). */
export const COMPANY_COLUMNS = [
  "name",
  "inn",
  "kpp",
  "ogrn",
  "kind",
  "status",
  "segment",
  "industry",
  "region",
  "city",
  "owner",
  "tags",
  "phones",
  "emails",
  "lastContactAt",
  "createdAt",
  "updatedAt",
] as const;
export type ColumnId = (typeof COMPANY_COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = [
  "name",
  "inn",
  "status",
  "city",
  "owner",
  "tags",
  "lastContactAt",
];

export type SortKey = (typeof CompanySortKeys)[number];
const SORT_KEYS: readonly string[] = CompanySortKeys;

export function isSortable(column: ColumnId): column is ColumnId & SortKey {
  return SORT_KEYS.includes(column);
}

/** Free-text filters: the server matches them exactly, several values separated by commas. */
export const TEXT_FILTERS = ["segment", "industry", "region", "tag"] as const;
export type TextFilter = (typeof TEXT_FILTERS)[number];

export type ListState = {
  q: string;
  status: string;
  segment: string;
  industry: string;
  region: string;
  ownerId: string;
  tag: string;
  /** ISO date (yyyy-mm-dd). */
  noContactSince: string;
  /** Admins only: the deleted companies instead of the live ones. */
  deleted: boolean;
  /** "name", "-lastContactAt" …; empty means the server's default (by name). */
  sort: string;
  columns: ColumnId[];
};

/** The filter keys, named as the API names them, so the URL reads like the API call. */
const FILTER_KEYS = [
  "q",
  "status",
  "segment",
  "industry",
  "region",
  "ownerId",
  "tag",
  "noContactSince",
] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseColumns(raw: string | null, fallback: readonly ColumnId[]): ColumnId[] {
  if (!raw) return [...fallback];
  const known: readonly string[] = COMPANY_COLUMNS;
  const picked = raw.split(",").filter((c): c is ColumnId => known.includes(c));
  // The name column is the way into the card: it cannot be hidden.
  return picked.includes("name") ? picked : ["name", ...picked];
}

function parseSortParam(raw: string | null): string {
  if (!raw) return "";
  const key = raw.startsWith("-") ? raw.slice(1) : raw;
  return SORT_KEYS.includes(key) ? raw : "";
}

/** Reads the list state from the address bar; anything unknown or malformed is ignored. */
export function parseListState(params: URLSearchParams, fallbackColumns = DEFAULT_COLUMNS): ListState {
  const get = (key: string) => params.get(key)?.trim() ?? "";
  const status = get("status")
    .split(",")
    .filter((s) => CompanyStatus.safeParse(s).success)
    .join(",");
  const since = get("noContactSince");
  return {
    q: get("q"),
    status,
    segment: get("segment"),
    industry: get("industry"),
    region: get("region"),
    ownerId: get("ownerId"),
    tag: get("tag"),
    noContactSince: ISO_DATE.test(since) ? since : "",
    deleted: get("deleted") === "only",
    sort: parseSortParam(params.get("sort")),
    columns: parseColumns(params.get("cols"), fallbackColumns),
  };
}

function sameColumns(a: readonly ColumnId[], b: readonly ColumnId[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** The address-bar form of the state: only what differs from the defaults, so links stay short. */
export function toSearchParams(state: ListState, defaultColumns = DEFAULT_COLUMNS): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key].trim();
    if (value) params.set(key, value);
  }
  if (state.deleted) params.set("deleted", "only");
  if (state.sort) params.set("sort", state.sort);
  if (!sameColumns(state.columns, defaultColumns)) params.set("cols", state.columns.join(","));
  return params;
}

/** Trims the spaces a person types around commas: "Москва , СПб" → "Москва,СПб". */
function csvValue(value: string): string {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .join(",");
}

/** The query of GET /companies and of the export links (the same filters, by design). */
export function toApiQuery(state: ListState): Query {
  const query: Query = {};
  for (const key of FILTER_KEYS) {
    const value = key === "q" || key === "noContactSince" ? state[key].trim() : csvValue(state[key]);
    if (value) query[key] = value;
  }
  if (state.deleted) query.deleted = "only";
  if (state.sort) query.sort = state.sort;
  return query;
}

/** True when any filter narrows the list (the empty state then says "nothing found", not "no clients"). */
export function hasFilters(state: ListState): boolean {
  return FILTER_KEYS.some((key) => state[key].trim() !== "");
}

export function clearFilters(state: ListState): ListState {
  return {
    ...state,
    q: "",
    status: "",
    segment: "",
    industry: "",
    region: "",
    ownerId: "",
    tag: "",
    noContactSince: "",
  };
}

/** Clicking a header: first ascending, then descending, then back to the default order. */
export function nextSort(current: string, key: SortKey): string {
  if (current === key) return `-${key}`;
  if (current === `-${key}`) return "";
  return key;
}

export function sortDirection(current: string, key: SortKey): "asc" | "desc" | null {
  if (current === key) return "asc";
  if (current === `-${key}`) return "desc";
  return null;
}

/** What a saved view stores: the filters and sort (as the API query) and the columns. */
export function toViewBody(state: ListState): { query: Record<string, string>; columns: ColumnId[] } {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(toApiQuery({ ...state, deleted: false })))
    if (value !== undefined && value !== null) query[key] = String(value);
  return { query, columns: [...state.columns] };
}

/** Opening a saved view: its query and columns become the address bar. */
export function fromView(view: { query: Record<string, string>; columns: string[] }): ListState {
  const params = new URLSearchParams(view.query);
  if (view.columns.length) params.set("cols", view.columns.join(","));
  return parseListState(params);
}

/** Whether the list shows exactly what a saved view describes. */
export function matchesView(state: ListState, view: { query: Record<string, string>; columns: string[] }) {
  const a = toViewBody({ ...state, deleted: false });
  const b = toViewBody(fromView(view));
  return JSON.stringify(a) === JSON.stringify(b);
}
