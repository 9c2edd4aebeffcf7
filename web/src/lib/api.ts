import type { Problem } from "../../../contracts/common";
import { currentLocale, i18n } from "../i18n";

/** Every path is relative to this base, except the few that live outside it (e.g. /api/health). */
export const API_BASE = "/api/v1";

export type FieldError = { path: string; message: string };

/**
 * An error response of the API (RFC 9457 problem+json), or a network failure dressed as one
 * (status 0, code "network_error") so callers handle a single error type.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly currentVersion: number | undefined;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.currentVersion = problem.currentVersion;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/**
 * Builds a Problem from whatever an error response carried. Tolerant on purpose: a proxy's HTML 502
 * or a half-formed body must still become a readable, localised message, never a crash.
 */
export function parseProblem(status: number, body: unknown): Problem {
  const record = asRecord(body);
  const text = (key: string): string | undefined => {
    const value = record?.[key];
    return typeof value === "string" && value.trim() !== "" ? value : undefined;
  };
  const errors = Array.isArray(record?.errors)
    ? record.errors.flatMap((item): FieldError[] => {
        const entry = asRecord(item);
        if (!entry || typeof entry.message !== "string") return [];
        return [{ path: normalizePath(entry.path), message: entry.message }];
      })
    : undefined;
  const fallback =
    status >= 500 || status === 0 ? i18n.t("errors.server", { status }) : i18n.t("errors.unexpected");
  const currentVersion = record?.currentVersion;
  return {
    type: text("type") ?? "about:blank",
    title: text("title") ?? fallback,
    status: typeof record?.status === "number" ? record.status : status,
    detail: text("detail") ?? text("title") ?? fallback,
    code: text("code") ?? `http_${status}`,
    ...(errors?.length ? { errors } : {}),
    ...(typeof currentVersion === "number" ? { currentVersion } : {}),
  };
}

/** Paths arrive as "email", "body.email", "/email" or ["email"]; the forms know them as "email". */
export function normalizePath(path: unknown): string {
  const raw = Array.isArray(path) ? path.join(".") : typeof path === "string" ? path : "";
  return raw
    .replace(/^\/+/, "")
    .replace(/\//g, ".")
    .replace(/^body\./, "");
}

/** Field errors of an API error keyed by path, the first message per field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!(error instanceof ApiError)) return result;
  for (const { path, message } of error.errors) if (path && !(path in result)) result[path] = message;
  return result;
}

// A 401 on these means "wrong credentials" or "not signed in yet", not "the session expired".
const NO_REDIRECT_ON_401 = ["/auth/me", "/auth/login", "/auth/password", "/setup"];

let onUnauthorized: () => void = () => {
  if (typeof window !== "undefined" && window.location.pathname !== "/login")
    window.location.assign("/login");
};

/** The app replaces the default full-page redirect with a router navigation that keeps the SPA alive. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** A cursor-paginated list, as every list endpoint answers (API.md). */
export type Page<T> = { items: T[]; nextCursor: string | null };

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
};

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith("/api/") ? path : `${API_BASE}${path}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The one way the web talks to the server. `T` is the contract type of the response. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json, application/problem+json",
    "Accept-Language": currentLocale(),
  };
  // Only with a body: Fastify rejects an empty body declared as JSON (e.g. on DELETE).
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? "GET",
      credentials: "same-origin",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    const message = i18n.t("errors.network");
    throw new ApiError({
      type: "about:blank",
      title: message,
      status: 0,
      detail: message,
      code: "network_error",
    });
  }

  const body = await readBody(response);
  if (!response.ok) {
    const error = new ApiError(parseProblem(response.status, body));
    if (response.status === 401 && !NO_REDIRECT_ON_401.includes(path)) onUnauthorized();
    throw error;
  }
  return body as T;
}

/** A multipart upload (a file and fields), with the same headers and error type as JSON calls. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json, application/problem+json", "Accept-Language": currentLocale() },
      body: form,
    });
  } catch {
    const message = i18n.t("errors.network");
    throw new ApiError({
      type: "about:blank",
      title: message,
      status: 0,
      detail: message,
      code: "network_error",
    });
  }
  const body = await readBody(response);
  if (!response.ok) {
    const error = new ApiError(parseProblem(response.status, body));
    if (response.status === 401) onUnauthorized();
    throw error;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: "POST", body }),
  patch: <T>(path: string, body: unknown) => request<T>(path, { method: "PATCH", body }),
  put: <T>(path: string, body: unknown) => request<T>(path, { method: "PUT", body }),
  delete: <T>(path: string) => request<T>(path, { method: "DELETE" }),
  upload,
};
