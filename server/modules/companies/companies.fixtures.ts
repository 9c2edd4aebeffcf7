import { expect } from "vitest";
import type { Company } from "../../../contracts/companies";
import type { Contact } from "../../../contracts/contacts";
import type { Harness, Session } from "../../test/harness";

/**
 * Test data for the client database tests. Sberbank's requisites are public and valid
 * (checksums verified by core/requisites tests).
 */
export const sberbank = {
  name: "ПАО Сбербанк",
  inn: "7707083893",
  kpp: "773601001",
  ogrn: "1027700132195",
  bik: "044525225",
  corrAccount: "30101810400000000225",
};

/**
 * Two teams and the roles around them:
 * admin; head → m1, m2; otherHead → m3; a department user. A sub-head under head tests that a
 * team is recursive: head → subHead → m4.
 */
export async function makeOrg(h: Harness) {
  const admin = await h.userWith("admin");
  const head = await h.userWith("head");
  const subHead = await h.userWith("head", { headId: head.user.id });
  const otherHead = await h.userWith("head");
  const m1 = await h.userWith("manager", { headId: head.user.id });
  const m2 = await h.userWith("manager", { headId: head.user.id });
  const m3 = await h.userWith("manager", { headId: otherHead.user.id });
  const m4 = await h.userWith("manager", { headId: subHead.user.id });
  const dept = await h.userWith("department");
  return { admin, head, subHead, otherHead, m1, m2, m3, m4, dept };
}
export type Org = Awaited<ReturnType<typeof makeOrg>>;

export async function newCompany(h: Harness, as: Session, body: Record<string, unknown>): Promise<Company> {
  const res = await h.post("/api/v1/companies", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function newContact(h: Harness, as: Session, body: Record<string, unknown>): Promise<Contact> {
  const res = await h.post("/api/v1/contacts", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Every page of a list, following nextCursor; fails on a repeated id. */
export async function allPages<T extends { id: string }>(h: Harness, as: Session, url: string): Promise<T[]> {
  const seen: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const sep = url.includes("?") ? "&" : "?";
    const res = await h.get(cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url, as);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: T[]; nextCursor: string | null };
    seen.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  expect(new Set(seen.map((x) => x.id)).size).toBe(seen.length);
  return seen;
}
