import { describe, expect, it } from "vitest";
import { createUuidV7Generator, isUuid, isUuidV7, uuidv7, uuidv7Timestamp } from "./uuid";

// Source: RFC 9562 §5.7 (UUIDv7 layout) and its Appendix A.6 test vector
// 017f22e2-79b0-7cc3-98c4-dc0c0c07398f (unix_ts_ms 0x017F22E279B0 = Tue Feb 22 2022 19:22:22 UTC).

describe("uuidv7", () => {
  it("produces canonical version-7, RFC-variant strings", () => {
    for (let i = 0; i < 1000; i++) {
      const id = uuidv7();
      expect(isUuidV7(id)).toBe(true);
      expect(id).toBe(id.toLowerCase());
    }
  });

  it("embeds the current time", () => {
    const before = Date.now();
    const ts = uuidv7Timestamp(uuidv7());
    const after = Date.now();
    expect(ts).not.toBeNull();
    expect(ts as number).toBeGreaterThanOrEqual(before);
    expect(ts as number).toBeLessThanOrEqual(after + 1);
  });

  it("is strictly increasing, also within one millisecond", () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7());
    for (let i = 1; i < ids.length; i++) expect((ids[i - 1] as string) < (ids[i] as string)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("stays monotonic with a frozen or backwards clock", () => {
    let clock = 1_645_557_742_000;
    const next = createUuidV7Generator({ now: () => clock });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push(next());
    clock -= 5_000; // NTP step backwards
    for (let i = 0; i < 100; i++) ids.push(next());
    for (let i = 1; i < ids.length; i++) expect((ids[i - 1] as string) < (ids[i] as string)).toBe(true);
    expect(uuidv7Timestamp(ids[0] as string)).toBe(1_645_557_742_000);
  });

  it("lays out the timestamp as in the RFC 9562 test vector", () => {
    // Deterministic source: time of the RFC example, random bits all zero.
    const next = createUuidV7Generator({ now: () => 0x017f22e279b0, fill: (bytes) => bytes.fill(0) });
    const id = next();
    expect(id).toBe("017f22e2-79b0-7000-8000-000000000000");
    expect(uuidv7Timestamp("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")).toBe(0x017f22e279b0);
    expect(isUuidV7("017f22e2-79b0-7cc3-98c4-dc0c0c07398f")).toBe(true);
  });

  it("rolls into the next millisecond when the counter is exhausted", () => {
    // All-ones random bytes: the first id has the largest counter, so the next step must overflow.
    const next = createUuidV7Generator({ now: () => 1000, fill: (bytes) => bytes.fill(0xff) });
    const a = next();
    const b = next();
    expect(uuidv7Timestamp(a)).toBe(1000);
    expect(uuidv7Timestamp(b)).toBe(1001);
    expect(a < b).toBe(true);
  });

  it("validates UUID strings", () => {
    expect(isUuid("123e4567-e89b-12d3-a456-426614174000")).toBe(true);
    expect(isUuidV7("123e4567-e89b-12d3-a456-426614174000")).toBe(false);
    expect(isUuid("not-a-uuid")).toBe(false);
    expect(uuidv7Timestamp("123e4567-e89b-12d3-a456-426614174000")).toBeNull();
  });
});
