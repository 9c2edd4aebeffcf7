import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, PASSWORD, type Session } from "../../test/harness";

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.userWith("admin", { email: "root@example.ru" });
});
afterAll(() => h.close());

async function create(body: Record<string, unknown>, as: Session = admin) {
  return h.post("/api/v1/users", { password: PASSWORD, ...body }, as);
}

describe("users and the head hierarchy", () => {
  it("an admin creates a head and a manager reporting to them; both can sign in", async () => {
    const head = await create({ email: "head@example.ru", fullName: "Ирина Руководова", role: "head" });
    expect(head.statusCode).toBe(201);
    const manager = await create({
      email: "m1@example.ru",
      fullName: "Пётр Менеджеров",
      role: "manager",
      headId: head.json().id,
    });
    expect(manager.statusCode).toBe(201);
    expect(manager.json()).toMatchObject({
      role: "manager",
      headId: head.json().id,
      active: true,
      version: 1,
    });
    expect(manager.json()).not.toHaveProperty("passwordHash");
    await expect(h.signIn("m1@example.ru")).resolves.toBeTruthy();
  });

  it("refuses a duplicate email with 409 and changes nothing", async () => {
    const res = await create({ email: "M1@example.ru", fullName: "Другой", role: "manager" });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe("email");
  });

  it("refuses a head who is a manager, and a reporting cycle", async () => {
    const m1 = (await h.signIn("m1@example.ru")).user;
    const bad = await create({ email: "m2@example.ru", fullName: "M2", role: "manager", headId: m1.id });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe("invalid_head");
    const h1 = await create({ email: "h1@example.ru", fullName: "H1", role: "head" });
    const h2 = await create({ email: "h2@example.ru", fullName: "H2", role: "head", headId: h1.json().id });
    const cycle = await h.patch(`/api/v1/users/${h1.json().id}`, { version: 1, headId: h2.json().id }, admin);
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe("head_cycle");
  });

  it("a head sees their team, a manager only themselves, another team's head none of them", async () => {
    const head = await h.signIn("head@example.ru");
    const manager = await h.signIn("m1@example.ru");
    const other = await h.signIn("h1@example.ru");
    const headList = (await h.get("/api/v1/users?limit=200", head))
      .json()
      .items.map((u: { email: string }) => u.email);
    expect(headList.sort()).toEqual(["head@example.ru", "m1@example.ru"]);
    const mine = (await h.get("/api/v1/users", manager)).json().items.map((u: { email: string }) => u.email);
    expect(mine).toEqual(["m1@example.ru"]);
    const foreign = await h.get(`/api/v1/users/${manager.user.id}`, other);
    expect(foreign.statusCode).toBe(404);
    const all = (await h.get("/api/v1/users?limit=200", admin)).json().items;
    expect(all.length).toBeGreaterThanOrEqual(5);
  });

  it("a manager may not create, edit or deactivate users (403) and nothing changes", async () => {
    const manager = await h.signIn("m1@example.ru");
    expect((await create({ email: "x@example.ru", fullName: "X", role: "admin" }, manager)).statusCode).toBe(
      403,
    );
    const self = await h.patch(`/api/v1/users/${manager.user.id}`, { version: 1, role: "admin" }, manager);
    expect(self.statusCode).toBe(403);
    expect((await h.del(`/api/v1/users/${manager.user.id}`, manager)).statusCode).toBe(403);
    expect((await h.get("/api/v1/auth/me", manager)).json().role).toBe("manager");
  });

  it("a stale version is refused with 409 and the current version", async () => {
    const m = (await h.signIn("m1@example.ru")).user;
    const first = await h.patch(`/api/v1/users/${m.id}`, { version: 1, department: "Продажи" }, admin);
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await h.patch(`/api/v1/users/${m.id}`, { version: 1, department: "Логистика" }, admin);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "stale_version", currentVersion: 2 });
    const viaHeader = await h.request("PATCH", `/api/v1/users/${m.id}`, {
      cookie: admin.cookie,
      body: { department: "Логистика" },
      headers: { "if-match": '"2"' },
    });
    expect(viaHeader.statusCode).toBe(200);
  });

  it("the last admin cannot be deactivated or demoted", async () => {
    const me = (await h.get("/api/v1/auth/me", admin)).json();
    const res = await h.patch(`/api/v1/users/${me.id}`, { version: me.version, role: "manager" }, admin);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("last_admin");
  });

  it("deactivation ends the user's sessions and is audited", async () => {
    const victim = await h.userWith("manager", { email: "leaver@example.ru" });
    expect((await h.del(`/api/v1/users/${victim.user.id}`, admin)).json().active).toBe(false);
    expect((await h.get("/api/v1/auth/me", victim)).statusCode).toBe(401);
    const audit = await h.get(`/api/v1/audit?entity=user&entityId=${victim.user.id}`, admin);
    const actions = audit.json().items.map((e: { action: string }) => e.action);
    expect(actions).toContain("update");
    const change = audit.json().items.find((e: { action: string }) => e.action === "update");
    expect(change.changes.active).toEqual({ from: true, to: false });
    expect(change.userId).toBe(admin.user.id);
  });

  it("managers cannot read the audit log; heads read only their team's", async () => {
    const manager = await h.signIn("m1@example.ru");
    expect((await h.get("/api/v1/audit", manager)).statusCode).toBe(403);
    const head = await h.signIn("head@example.ru");
    const items = (await h.get("/api/v1/audit?limit=200", head)).json().items;
    const team = new Set([head.user.id, manager.user.id]);
    for (const e of items) expect(team.has(e.userId)).toBe(true);
  });

  it("pages by cursor without repeating or skipping anyone", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await h.get(url, admin);
      seen.push(...res.json().items.map((u: { id: string }) => u.id));
      cursor = res.json().nextCursor;
    } while (cursor);
    const all = (await h.get("/api/v1/users?limit=200", admin)).json().items.map((u: { id: string }) => u.id);
    expect(seen).toEqual(all);
    expect((await h.get("/api/v1/users?cursor=garbage", admin)).statusCode).toBe(400);
  });
});

describe("API tokens", () => {
  it("a token is shown once, works as Bearer, and a read token cannot write", async () => {
    const created = await h.post("/api/v1/api-tokens", { name: "1C", scope: "read" }, admin);
    expect(created.statusCode).toBe(201);
    const token = created.json().token as string;
    expect((await h.get("/api/v1/api-tokens", admin)).json().items[0]).not.toHaveProperty("token");
    const me = await h.request("GET", "/api/v1/auth/me", { token, headers: { origin: "" } });
    expect(me.statusCode).toBe(200);
    const write = await h.request("POST", "/api/v1/users", {
      token,
      body: { email: "t@example.ru", password: PASSWORD, fullName: "T", role: "manager" },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe("token_scope");
    await h.del(`/api/v1/api-tokens/${created.json().id}`, admin);
    expect((await h.request("GET", "/api/v1/auth/me", { token })).statusCode).toBe(401);
  });

  it("an unknown token is 401", async () => {
    expect((await h.request("GET", "/api/v1/auth/me", { token: "acc_nope" })).statusCode).toBe(401);
  });
});
