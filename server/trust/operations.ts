import type { FastifyInstance } from "fastify";

export type Operation = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** The path with every `{param}` filled with a well-formed id that exists nowhere. */
  url: string;
  public: boolean;
  hasBody: boolean;
  multipart: boolean;
};

const PUBLIC = new Set([
  "GET /api/v1/setup",
  "POST /api/v1/setup",
  "POST /api/v1/auth/login",
  "POST /api/v1/auth/logout",
  "GET /api/v1/calendar/feed/{token}",
]);
export const NOWHERE = "01890000-0000-7000-8000-000000000000";

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>>;
};

/**
 * Every API operation, read from the OpenAPI document the app serves. Trust tests walk this
 * list, so a route added later is covered without new test code.
 */
export function apiOperations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as unknown as OpenApi;
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    if (!path.startsWith("/api/v1/")) continue;
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation["method"];
      if (!["GET", "POST", "PUT", "PATCH", "DELETE"].includes(method)) continue;
      const content = op.requestBody?.content ?? {};
      out.push({
        method,
        path,
        url: path.replace(/\{[^}]+\}/g, NOWHERE),
        public: PUBLIC.has(`${method} ${path}`),
        hasBody: Object.keys(content).length > 0,
        multipart: "multipart/form-data" in content,
      });
    }
  }
  return out;
}
