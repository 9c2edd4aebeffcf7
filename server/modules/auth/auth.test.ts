import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD } from "../../test/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("first run and sign-in", () => {
  it("asks for setup while no user exists, then creates the admin and signs them in", async () => {
    expect((await h.get("/api/v1/setup")).json()).toEqual({ needsSetup: true });
    const res = await h.post("/api/v1/setup", {
      email: "Admin@Example.ru",
      password: PASSWORD,
      fullName: "Анна Админова",
      locale: "ru",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email: "admin@example.ru", role: "admin" });
    const cookie = res.cookies.find((c) => c.name === "accord_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const me = await h.get("/api/v1/auth/me", { cookie: `accord_session=${cookie!.value}` });
    expect(me.json()).toMatchObject({ email: "admin@example.ru" });
    expect((await h.get("/api/v1/setup")).json()).toEqual({ needsSetup: false });
    const again = await h.post("/api/v1/setup", { email: "x@example.ru", password: PASSWORD, fullName: "X" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("setup_done");
  });

  it("answers a wrong password and an unknown email alike, with 401 and no hint", async () => {
    const wrong = await h.post("/api/v1/auth/login", {
      email: "admin@example.ru",
      password: "wrong password!",
    });
    const unknown = await h.post("/api/v1/auth/login", {
      email: "nobody@example.ru",
      password: "wrong password!",
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers["content-type"]).toContain("application/problem+json");
  });

  it("gives a new session id at every sign-in and ends it at sign-out", async () => {
    const a = await h.signIn("admin@example.ru");
    const b = await h.signIn("admin@example.ru");
    expect(a.cookie).not.toBe(b.cookie);
    expect((await h.post("/api/v1/auth/logout", {}, a)).statusCode).toBe(200);
    expect((await h.get("/api/v1/auth/me", a)).statusCode).toBe(401);
    expect((await h.get("/api/v1/auth/me", b)).statusCode).toBe(200);
  });

  it("refuses cookie writes from a foreign origin", async () => {
    const s = await h.signIn("admin@example.ru");
    const res = await h.request("PATCH", "/api/v1/auth/me", {
      cookie: s.cookie,
      body: { fullName: "Evil" },
      headers: { origin: "https://evil.example" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("csrf");
  });

  it("limits failed sign-ins to 10 per 15 minutes per account", async () => {
    const email = "victim@example.ru";
    await h.userWith("manager", { email });
    for (let i = 0; i < 10; i++) {
      const r = await h.request("POST", "/api/v1/auth/login", {
        body: { email, password: "bad password" },
        headers: { "x-forwarded-for": `10.0.0.${i}` },
      });
      expect(r.statusCode).toBe(401);
    }
    const limited = await h.request("POST", "/api/v1/auth/login", {
      body: { email, password: PASSWORD },
      headers: { "x-forwarded-for": "10.0.1.1" },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe("rate_limited");
  });

  it("changing the password ends the other sessions", async () => {
    const email = "changer@example.ru";
    const first = await h.userWith("manager", { email });
    const second = await h.signIn(email);
    const res = await h.post(
      "/api/v1/auth/password",
      { currentPassword: PASSWORD, newPassword: "a much newer password" },
      first,
    );
    expect(res.statusCode).toBe(200);
    expect((await h.get("/api/v1/auth/me", first)).statusCode).toBe(200);
    expect((await h.get("/api/v1/auth/me", second)).statusCode).toBe(401);
  });
});

describe("errors are problem+json", () => {
  it("malformed JSON → 400", async () => {
    const res = await h.request("POST", "/api/v1/auth/login", {
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ status: 400, code: "malformed_json" });
  });

  it("unknown route → 404 with the route named", async () => {
    const res = await h.get("/api/v1/nothing-here", { headers: { "accept-language": "en" } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain("/api/v1/nothing-here");
  });

  it("validation errors name the field, in the caller's language", async () => {
    const s = await h.signIn("admin@example.ru");
    const res = await h.request("POST", "/api/v1/users", {
      cookie: s.cookie,
      body: { email: "not-an-email", password: "short", fullName: "", role: "king" },
      headers: { "accept-language": "ru" },
    });
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual(["email", "fullName", "password", "role"]);
    expect(res.json().detail).toBe("Проверьте введённые данные.");
    expect(JSON.stringify(res.json())).not.toMatch(/at .*\.ts:/);
  });
});
