import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Organisation } from "../../../contracts/organisations";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, type Org, sberbank } from "../companies/companies.fixtures";
import { created, en, put } from "./catalogue.fixtures";
import { limitsOf } from "./limits.service";

let h: Harness;
let o: Org;
beforeAll(async () => {
  h = await createHarness();
  o = await makeOrg(h);
});
afterAll(() => h.close());

/** A 1×1 PNG (the smallest valid image) as a data URL. */
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const seller = {
  name: "ООО «Аккорд»",
  inn: sberbank.inn,
  kpp: sberbank.kpp,
  ogrn: sberbank.ogrn,
  bik: sberbank.bik,
  corrAccount: sberbank.corrAccount,
  director: "Иванов И. И.",
};

describe("our organisations", () => {
  it("creates the first organisation as the default, with requisites checked by core/requisites", async () => {
    const org = await created<Organisation>(h, "/api/v1/organisations", { ...seller, logo: PNG }, o.admin);
    expect(org).toMatchObject({
      inn: sberbank.inn,
      isDefault: true,
      vatPayer: true,
      taxSystem: "osn",
      logo: PNG,
    });
    expect((await h.get("/api/v1/organisations", o.m1)).json().items).toHaveLength(1);
  });

  it("refuses a bad INN, a bad account key and an account without BIK, writing nothing", async () => {
    const badInn = await h.post("/api/v1/organisations", { ...seller, inn: "7707083894" }, en(o.admin));
    expect(badInn.statusCode).toBe(400);
    expect(badInn.json().errors).toEqual([{ path: "inn", message: "The INN checksum does not match" }]);
    const badKey = await h.post(
      "/api/v1/organisations",
      { ...seller, corrAccount: "30101810400000000226" },
      en(o.admin),
    );
    expect(badKey.json().errors).toEqual([
      { path: "corrAccount", message: "The account does not match the BIK (check key)" },
    ]);
    const noBik = await h.post("/api/v1/organisations", { ...seller, bik: null }, en(o.admin));
    expect(noBik.json().errors).toEqual([
      { path: "corrAccount", message: "Enter the BIK to check the account" },
    ]);
    expect((await h.get("/api/v1/organisations", o.admin)).json().items).toHaveLength(1);
  });

  it("keeps exactly one default: making another the default clears the first", async () => {
    const second = await created<Organisation>(
      h,
      "/api/v1/organisations",
      { name: "ИП Петров", inn: "500100732259", taxSystem: "usn" },
      o.admin,
    );
    expect(second).toMatchObject({ isDefault: false, vatPayer: false, taxSystem: "usn" });
    const res = await h.patch(`/api/v1/organisations/${second.id}`, { version: 1, isDefault: true }, o.admin);
    expect(res.statusCode, res.body).toBe(200);
    const all = (await h.get("/api/v1/organisations", o.admin)).json().items as Organisation[];
    expect(all.filter((x) => x.isDefault).map((x) => x.id)).toEqual([second.id]);
  });

  it("refuses a logo that is not a PNG/JPEG or is larger than 200 KB", async () => {
    const gif = `data:image/png;base64,${Buffer.from("GIF89a........").toString("base64")}`;
    const notImage = await h.post("/api/v1/organisations", { ...seller, logo: gif }, en(o.admin));
    expect(notImage.statusCode).toBe(422);
    expect(notImage.json().errors).toEqual([
      { path: "logo", message: "The logo must be a PNG or JPEG image" },
    ]);
    const big = Buffer.concat([Buffer.from(PNG.split(",")[1]!, "base64"), Buffer.alloc(205 * 1024)]);
    const tooBig = await h.post(
      "/api/v1/organisations",
      { ...seller, logo: `data:image/png;base64,${big.toString("base64")}` },
      en(o.admin),
    );
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().errors[0].message).toBe("The logo must be at most 200 KB");
  });

  it("lets only an admin write", async () => {
    for (const who of [o.head, o.m1, o.dept])
      expect((await h.post("/api/v1/organisations", seller, who)).statusCode).toBe(403);
  });
});

describe("authority limits", () => {
  it("has sensible role defaults: manager 10 % / 1 000 000, head 25 % / 10 000 000, admin unlimited", async () => {
    const ws = h.ctx.workspaceId;
    expect(await limitsOf(h.ctx.db, ws, o.m1.user.id)).toEqual({
      maxDiscountPercent: "10.00",
      maxProposalAmount: "1000000.00",
    });
    expect(await limitsOf(h.ctx.db, ws, o.head.user.id)).toEqual({
      maxDiscountPercent: "25.00",
      maxProposalAmount: "10000000.00",
    });
    expect(await limitsOf(h.ctx.db, ws, o.admin.user.id)).toEqual({
      maxDiscountPercent: null,
      maxProposalAmount: null,
    });
    const me = (await h.get("/api/v1/auth/me/limits", o.m1)).json();
    expect(me).toMatchObject({ role: "manager", override: null, effective: { maxDiscountPercent: "10.00" } });
  });

  it("an admin changes role defaults and gives a user limits of their own; null returns to the role's", async () => {
    const roles = (await h.get("/api/v1/authority-limits", o.admin)).json();
    roles.manager = { maxDiscountPercent: "12.5", maxProposalAmount: "1500000.00" };
    expect((await put(h, "/api/v1/authority-limits", roles, o.admin)).statusCode).toBe(200);
    expect((await limitsOf(h.ctx.db, h.ctx.workspaceId, o.m2.user.id)).maxDiscountPercent).toBe("12.50");
    const own = { maxDiscountPercent: "20", maxProposalAmount: null };
    const res = await put(h, `/api/v1/users/${o.m1.user.id}/limits`, { override: own }, o.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ override: { maxDiscountPercent: "20.00", maxProposalAmount: null } });
    expect(await limitsOf(h.ctx.db, h.ctx.workspaceId, o.m1.user.id)).toEqual({
      maxDiscountPercent: "20.00",
      maxProposalAmount: null,
    });
    await put(h, `/api/v1/users/${o.m1.user.id}/limits`, { override: null }, o.admin);
    expect((await limitsOf(h.ctx.db, h.ctx.workspaceId, o.m1.user.id)).maxDiscountPercent).toBe("12.50");
    const bad = await put(
      h,
      `/api/v1/users/${o.m1.user.id}/limits`,
      { override: { maxDiscountPercent: "150", maxProposalAmount: null } },
      o.admin,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].path).toBe("override.maxDiscountPercent");
  });

  it("is an admin's business: others get 403, and read their own limits only", async () => {
    for (const who of [o.head, o.m1, o.dept]) {
      expect((await h.get("/api/v1/authority-limits", who)).statusCode).toBe(403);
      expect((await h.get(`/api/v1/users/${o.m1.user.id}/limits`, who)).statusCode).toBe(403);
      const raise = await put(h, `/api/v1/users/${who.user.id}/limits`, { override: null }, who);
      expect(raise.statusCode).toBe(403);
      expect((await h.get("/api/v1/auth/me/limits", who)).statusCode).toBe(200);
    }
    const table = (await h.get("/api/v1/user-limits?limit=200", o.admin)).json().items;
    expect(table.length).toBeGreaterThanOrEqual(9);
  });
});
