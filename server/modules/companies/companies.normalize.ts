import { normalizeEmail, normalizePhone } from "../../../core/phone";

/**
 * How phones, e-mails and tags are stored. The import writes companies and contacts too and
 * must use these functions, so a phone typed in the form and one imported from a file are
 * found by the same search and the same duplicate check.
 */

/**
 * Search tokens of one phone: the full digits and, for an international number, its 10- and
 * 7-digit tails ("74951234567", "4951234567", "1234567"), so a number typed with or without the
 * country or city code matches the token exactly.
 */
export function phoneTokens(phone: string): string[] {
  const { e164, digits } = normalizePhone(phone);
  if (!digits) return [];
  if (!e164) return [digits];
  const tokens = [digits];
  for (const tail of [10, 7]) if (digits.length > tail) tokens.push(digits.slice(-tail));
  return tokens;
}

/**
 * The `phone_search` column: unique tokens separated by spaces, with a space at both ends so a
 * whole token is matched with LIKE '% 74951234567 %' and a fragment with LIKE '%234567%'
 * (both served by the trigram index).
 */
export function phoneSearchText(phones: readonly string[]): string {
  const tokens = [...new Set(phones.flatMap(phoneTokens))];
  return tokens.length ? ` ${tokens.join(" ")} ` : "";
}

/** The token that identifies a phone for duplicate checks: E.164 digits, or the typed digits. */
export function phoneKey(phone: string): string {
  return normalizePhone(phone).digits;
}

/** Keeps phones as typed (people read them), dropping repeats of the same number. */
export function uniquePhones(phones: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of phones) {
    const phone = raw.trim();
    const key = phoneKey(phone) || phone;
    if (!phone || seen.has(key)) continue;
    seen.add(key);
    out.push(phone);
  }
  return out;
}

export function uniqueEmails(emails: readonly string[]): string[] {
  return [...new Set(emails.map(normalizeEmail).filter(Boolean))];
}

export function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/** Legal-form words and quotes say nothing about which company it is: «ООО "Ромашка"» is «ромашка». */
const LEGAL_FORMS = [
  "общество с ограниченной ответственностью",
  "публичное акционерное общество",
  "закрытое акционерное общество",
  "открытое акционерное общество",
  "непубличное акционерное общество",
  "акционерное общество",
  "индивидуальный предприниматель",
  "ооо",
  "оао",
  "зао",
  "пао",
  "нао",
  "ао",
  "ип",
  "гуп",
  "муп",
  "фгуп",
  "ано",
  "нко",
  "llc",
  "ltd",
  "jsc",
  "inc",
];
const LEGAL_FORM_RE = new RegExp(`(^|\\s)(${LEGAL_FORMS.join("|")})(?=\\s|$)`, "gu");

export function companyNameKey(name: string): string {
  const plain = name
    .toLowerCase()
    .replace(/["'«»“”„‘’`]/g, " ")
    .replace(/[.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const stripped = plain.replace(LEGAL_FORM_RE, " ").replace(/\s+/g, " ").trim();
  return stripped || plain;
}
