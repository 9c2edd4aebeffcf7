import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../i18n";
import { ApiError, api, fieldErrorsOf, normalizePath, parseProblem, setUnauthorizedHandler } from "./api";

function problemResponse(status: number, body: unknown, type = "application/problem+json"): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": type },
  });
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(async () => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  await i18n.changeLanguage("ru");
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("parseProblem", () => {
  it("keeps every field of a well-formed problem", () => {
    const problem = parseProblem(409, {
      type: "https://accord.dev/problems/stale_version",
      title: "Conflict",
      status: 409,
      detail: "Запись изменена другим пользователем",
      code: "stale_version",
      currentVersion: 4,
    });
    expect(problem).toMatchObject({ status: 409, code: "stale_version", currentVersion: 4 });
    expect(problem.detail).toBe("Запись изменена другим пользователем");
  });

  it("normalises field error paths and drops malformed entries", () => {
    const problem = parseProblem(400, {
      title: "Bad Request",
      detail: "Проверьте поля",
      code: "validation",
      errors: [
        { path: "body.email", message: "Неверный адрес" },
        { path: ["headId"], message: "Нет такого" },
        42,
      ],
    });
    expect(problem.errors).toEqual([
      { path: "email", message: "Неверный адрес" },
      { path: "headId", message: "Нет такого" },
    ]);
  });

  it("turns a non-JSON gateway error into a localised message", () => {
    const problem = parseProblem(502, undefined);
    expect(problem.code).toBe("http_502");
    expect(problem.detail).toContain("502");
    expect(problem.detail).toMatch(/Сервер/);
  });
});

describe("normalizePath", () => {
  it.each([
    ["email", "email"],
    ["/email", "email"],
    ["body/items/0/name", "items.0.name"],
    [["items", 0, "name"], "items.0.name"],
    [undefined, ""],
  ])("%j → %s", (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe("request", () => {
  it("sends cookies, JSON and the UI language", async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ ok: true }), {
        status: 200,
        headers: { "content-type": "application/json" },
      }),
    );
    await i18n.changeLanguage("en");
    await expect(api.post("/auth/password", { currentPassword: "a", newPassword: "b" })).resolves.toEqual({
      ok: true,
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe("/api/v1/auth/password");
    expect(init?.credentials).toBe("same-origin");
    const headers = init?.headers as Record<string, string>;
    expect(headers["Accept-Language"]).toBe("en");
    expect(headers["Content-Type"]).toBe("application/json");
  });

  it("omits the JSON content type when there is no body", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api.delete("/api-tokens/1")).resolves.toBeUndefined();
    const headers = fetchMock.mock.calls[0]?.[1]?.headers as Record<string, string>;
    expect(headers["Content-Type"]).toBeUndefined();
  });

  it("builds query strings without empty values and keeps /api paths outside the base", async () => {
    fetchMock.mockResolvedValue(problemResponse(200, { items: [], nextCursor: null }, "application/json"));
    await api.get("/users", { limit: 50, cursor: undefined, q: "", role: "head" });
    await api.get("/api/health");
    expect(fetchMock.mock.calls.map((call) => call[0])).toEqual([
      "/api/v1/users?limit=50&role=head",
      "/api/health",
    ]);
  });

  it("throws an ApiError with the problem's field errors", async () => {
    fetchMock.mockResolvedValue(
      problemResponse(409, {
        type: "about:blank",
        title: "Conflict",
        status: 409,
        detail: "Пользователь с такой почтой уже есть",
        code: "duplicate",
        errors: [{ path: "email", message: "Уже используется" }],
      }),
    );
    const error = await api.post("/users", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "duplicate",
      message: "Пользователь с такой почтой уже есть",
    });
    expect(fieldErrorsOf(error)).toEqual({ email: "Уже используется" });
  });

  it("reports a network failure as status 0", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const error = await api.get("/setup").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "network_error" });
    expect((error as ApiError).detail).toMatch(/связи/);
  });

  it("calls the unauthorized handler on a 401, except for /auth/me and /auth/login", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const unauthorized = { title: "Unauthorized", status: 401, detail: "Войдите", code: "unauthorized" };
    fetchMock.mockImplementation(async () => problemResponse(401, unauthorized));
    await api.get("/auth/me").catch(() => undefined);
    await api.post("/auth/login", {}).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    await api.get("/users").catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });
});
