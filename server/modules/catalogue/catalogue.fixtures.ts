import { expect } from "vitest";
import type { Product } from "../../../contracts/catalogue";
import type { Harness, Session } from "../../test/harness";

/** Test helpers of the catalogue tests. */
export const put = (h: Harness, url: string, body: unknown, s: Session) =>
  h.request("PUT", url, { ...s, body });

export async function newProduct(h: Harness, as: Session, body: Record<string, unknown>): Promise<Product> {
  const res = await h.post("/api/v1/products", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function created<T>(h: Harness, url: string, body: unknown, as: Session): Promise<T> {
  const res = await h.post(url, body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as T;
}

export const en = (s: Session): Session & { headers: Record<string, string> } => ({
  ...s,
  headers: { "accept-language": "en" },
});
