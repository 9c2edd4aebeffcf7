import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../db/schema/index";
import { createHarness, type Harness } from "../test/harness";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe("security headers", () => {
  it("every response carries a strict CSP without inline scripts, nosniff, no framing and a referrer policy", async () => {
    const res = await h.get("/api/health");
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("same-origin");
    // HSTS only when Accord is configured behind HTTPS.
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });
});

describe("session lifetime", () => {
  it("an idle session expires, and so does one past its absolute lifetime", async () => {
    const idle = await h.userWith("manager");
    const old = await h.signIn(idle.user.email);
    expect((await h.get("/api/v1/auth/me", idle)).statusCode).toBe(200);
    // Simulate time: idle for longer than the idle limit (72 h by default).
    await h.ctx.db.execute(
      sql`update ${sessions} set last_seen_at = now() - interval '73 hours' where user_id = ${idle.user.id}`,
    );
    expect((await h.get("/api/v1/auth/me", idle)).statusCode).toBe(401);
    expect((await h.get("/api/v1/auth/me", old)).statusCode).toBe(401);

    const absolute = await h.userWith("manager");
    await h.ctx.db.execute(
      sql`update ${sessions} set expires_at = now() - interval '1 second' where user_id = ${absolute.user.id}`,
    );
    expect((await h.get("/api/v1/auth/me", absolute)).statusCode).toBe(401);
  });

  it("a session cookie set before sign-in is never promoted (fixation)", async () => {
    const planted = "accord_session=attacker-chosen-value";
    const user = await h.userWith("manager");
    const res = await h.request("POST", "/api/v1/auth/login", {
      cookie: planted,
      body: { email: user.user.email, password: "correct horse battery" },
    });
    const issued = res.cookies.find((c) => c.name === "accord_session")?.value;
    expect(issued).toBeTruthy();
    expect(issued).not.toBe("attacker-chosen-value");
    expect((await h.get("/api/v1/auth/me", { cookie: planted })).statusCode).toBe(401);
  });
});
