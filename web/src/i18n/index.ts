import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import { en } from "./en";
import { ru } from "./ru";

export const LOCALES: readonly Locale[] = ["ru", "en"];
export const LANGUAGE_STORAGE_KEY = "accord.locale";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof ru };
  }
}

function isLocale(value: unknown): value is Locale {
  return value === "ru" || value === "en";
}

function readStoredLocale(): Locale | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage can throw in private modes or sandboxed frames; fall through to detection.
    return null;
  }
}

/**
 * The remembered choice first, then the browser's languages in order of preference.
 * A browser in a third language gets Russian: the product is made for Russian-speaking companies,
 * where a Ukrainian, Kazakh or Belarusian browser locale is far more common than an English one.
 */
export function detectLocale(languages: readonly string[] = browserLanguages()): Locale {
  const stored = readStoredLocale();
  if (stored) return stored;
  for (const tag of languages) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return "ru";
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: detectLocale(),
  fallbackLng: "ru",
  supportedLngs: [...LOCALES],
  // React escapes on render; escaping here would double-escape quotes in names like «Ромашка».
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  showSupportNotice: false,
});

export function currentLocale(): Locale {
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : "ru";
}

// A language picked on the sign-in or setup page, before we know whose profile to save it to.
let choiceBeforeSignIn: Locale | null = null;

/** Applies a language in the UI and remembers it on this device. */
export function setLocale(locale: Locale, options: { signedIn: boolean }): void {
  if (!options.signedIn) choiceBeforeSignIn = locale;
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice is not worth an error message.
  }
  if (typeof document !== "undefined") document.documentElement.lang = locale;
  if (currentLocale() !== locale) void i18n.changeLanguage(locale);
}

/**
 * Returns (once) the language the user explicitly picked while signed out, so the sign-in flow can
 * save it to the profile instead of overriding it with the profile's older value.
 */
export function takeChoiceBeforeSignIn(): Locale | null {
  const choice = choiceBeforeSignIn;
  choiceBeforeSignIn = null;
  return choice;
}

if (typeof document !== "undefined") document.documentElement.lang = currentLocale();
