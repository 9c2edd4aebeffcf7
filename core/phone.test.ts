import { describe, expect, it } from "vitest";
import { isEmail, normalizeEmail, normalizePhone, phoneSearchDigits } from "./phone";

// Vectors: the core brief (module 2, "phone") for the Russian forms; the rest are [calc] cases of the
// same rules (E.164 = "+" and at most 15 digits, ITU-T E.164).

describe("normalizePhone", () => {
  it("brings every Russian notation to +7 E.164", () => {
    const expected = { e164: "+74951234567", digits: "74951234567" };
    expect(normalizePhone("+7 (495) 123-45-67")).toEqual(expected);
    expect(normalizePhone("84951234567")).toEqual(expected);
    expect(normalizePhone("74951234567")).toEqual(expected);
    expect(normalizePhone("4951234567")).toEqual(expected);
    expect(normalizePhone("8 (495) 123 45 67")).toEqual(expected);
    expect(normalizePhone("  +7-495-123-45-67 ")).toEqual(expected);
    expect(normalizePhone("8-916-123-45-67")).toEqual({ e164: "+79161234567", digits: "79161234567" });
  });

  it("keeps other international numbers as +<digits>", () => {
    expect(normalizePhone("+375 29 123-45-67")).toEqual({ e164: "+375291234567", digits: "375291234567" });
    expect(normalizePhone("+81 3 1234 5678")).toEqual({ e164: "+81312345678", digits: "81312345678" });
    expect(normalizePhone("+49 30 1234567")).toEqual({ e164: "+49301234567", digits: "49301234567" });
    // Dialling prefixes for abroad: 8-10 (Russian) and 00.
    expect(normalizePhone("8 10 375 29 123 45 67")).toEqual({
      e164: "+375291234567",
      digits: "375291234567",
    });
    expect(normalizePhone("00 49 30 1234567")).toEqual({ e164: "+49301234567", digits: "49301234567" });
  });

  it("leaves local 7-digit numbers without E.164", () => {
    expect(normalizePhone("123-45-67")).toEqual({ e164: null, digits: "1234567" });
    expect(normalizePhone("")).toEqual({ e164: null, digits: "" });
    expect(normalizePhone("+7 495")).toEqual({ e164: null, digits: "7495" });
    expect(normalizePhone("+1234567890123456")).toEqual({ e164: null, digits: "1234567890123456" });
  });

  it("splits off an extension", () => {
    expect(normalizePhone("+7 (495) 123-45-67 доб. 123")).toEqual({
      e164: "+74951234567",
      digits: "74951234567",
      extension: "123",
    });
    expect(normalizePhone("8 495 123 45 67 ext 9")).toEqual({
      e164: "+74951234567",
      digits: "74951234567",
      extension: "9",
    });
  });
});

describe("phoneSearchDigits", () => {
  it("strips the trunk/country digit of a full Russian number so it matches stored +7 numbers", () => {
    expect(phoneSearchDigits("8 (495) 123-45-67")).toBe("4951234567");
    expect(phoneSearchDigits("+7 495 123 45 67")).toBe("4951234567");
    expect("74951234567".includes(phoneSearchDigits("8 (495) 123-45-67"))).toBe(true);
  });

  it("uses fragments as typed", () => {
    expect(phoneSearchDigits("45-67")).toBe("4567");
    expect(phoneSearchDigits("495 123")).toBe("495123");
    expect(phoneSearchDigits("abc")).toBe("");
  });
});

describe("normalizeEmail / isEmail", () => {
  it("trims and lower-cases", () => {
    expect(normalizeEmail("  Ivan.Petrov@Example.RU ")).toBe("ivan.petrov@example.ru");
  });

  it("accepts ordinary and Cyrillic addresses", () => {
    for (const ok of [
      "a@b.ru",
      "ivan.petrov+crm@example.co.uk",
      "почта@пример.рф",
      "x_y-z@sub.domain.xn--p1ai",
    ]) {
      expect(isEmail(ok)).toBe(true);
    }
  });

  it("rejects malformed addresses", () => {
    for (const bad of [
      "",
      "a",
      "a@",
      "@b.ru",
      "a@b",
      "a b@c.ru",
      "a@@b.ru",
      "a@b..ru",
      ".a@b.ru",
      "a.@b.ru",
      "a..b@c.ru",
      "a@-b.ru",
      "a@b.r",
    ]) {
      expect(isEmail(bad)).toBe(false);
    }
    expect(isEmail(`${"a".repeat(65)}@b.ru`)).toBe(false);
  });
});
