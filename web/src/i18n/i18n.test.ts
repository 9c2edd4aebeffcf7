import { describe, expect, it } from "vitest";
import { en } from "./en";
import { detectLocale } from "./index";
import { ru } from "./ru";

function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "").sort();
}

describe("i18n catalogues", () => {
  it("ru and en have identical key sets", () => {
    expect(leafKeys(en).sort()).toEqual(leafKeys(ru).sort());
  });

  it("every text is a non-empty string", () => {
    for (const text of [...leaves(ru), ...leaves(en)]) expect(text.trim()).not.toBe("");
  });

  it("ru and en use the same interpolation placeholders", () => {
    const ruFlat = new Map(leafKeys(ru).map((k) => [k, lookup(ru, k)]));
    for (const key of leafKeys(en)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(ruFlat.get(key) ?? ""));
    }
  });
});

describe("detectLocale", () => {
  it("takes the first supported browser language", () => {
    expect(detectLocale(["en-US", "ru"])).toBe("en");
    expect(detectLocale(["de-DE", "ru-RU"])).toBe("ru");
  });

  it("falls back to Russian for other languages", () => {
    expect(detectLocale(["uk-UA"])).toBe("ru");
    expect(detectLocale([])).toBe("ru");
  });
});

function lookup(catalogue: object, path: string): string {
  let node: unknown = catalogue;
  for (const part of path.split(".")) node = (node as Record<string, unknown>)[part];
  return typeof node === "string" ? node : "";
}
