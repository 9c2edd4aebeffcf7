import { describe, expect, it } from "vitest";
import { isOkeiCode, OKEI_UNITS, okeiCodeOf, okeiShort, okeiUnit } from "./okei";

/**
 * Vectors from the classifier ОКЕИ ОК 015-94 (МК 002-97), section 1 (international units
 * adopted in Russia) and section 2 (national units): code → national designation.
 */
const vectors: [string, string, string][] = [
  ["796", "шт", "Штука"],
  ["166", "кг", "Килограмм"],
  ["163", "г", "Грамм"],
  ["168", "т", "Тонна; метрическая тонна (1000 кг)"],
  ["006", "м", "Метр"],
  ["055", "м2", "Квадратный метр"],
  ["113", "м3", "Кубический метр"],
  ["112", "л", "Литр; кубический дециметр"],
  ["778", "упак", "Упаковка"],
  ["839", "компл", "Комплект"],
  ["356", "ч", "Час"],
  ["876", "усл. ед", "Условная единица"],
];

describe("ОКЕИ units", () => {
  it.each(vectors)("%s is «%s» (%s)", (code, short, name) => {
    expect(okeiUnit(code)).toEqual({ code, short, name });
    expect(okeiShort(code)).toBe(short);
    expect(isOkeiCode(code)).toBe(true);
  });

  it("keeps leading zeros: 006 is a code, 6 is not", () => {
    expect(isOkeiCode("006")).toBe(true);
    expect(isOkeiCode("6")).toBe(false);
    expect(isOkeiCode("")).toBe(false);
    expect(isOkeiCode("797")).toBe(false);
  });

  it("has unique three-digit codes and unique short names", () => {
    expect(new Set(OKEI_UNITS.map((u) => u.code)).size).toBe(OKEI_UNITS.length);
    expect(new Set(OKEI_UNITS.map((u) => u.short)).size).toBe(OKEI_UNITS.length);
    for (const u of OKEI_UNITS) expect(u.code).toMatch(/^\d{3}$/);
  });

  it("reads what people type in a file: the code, a short code, or the designation", () => {
    expect(okeiCodeOf("796")).toBe("796");
    expect(okeiCodeOf(" 6 ")).toBe("006");
    expect(okeiCodeOf("ШТ")).toBe("796");
    expect(okeiCodeOf("шт.")).toBe("796");
    expect(okeiCodeOf("усл. ед")).toBe("876");
    expect(okeiCodeOf("м2")).toBe("055");
    expect(okeiCodeOf("штуки")).toBeUndefined();
    expect(okeiCodeOf("999")).toBeUndefined();
  });

  it("shows an unknown code as it is", () => {
    expect(okeiShort("999")).toBe("999");
  });
});
