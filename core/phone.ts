/**
 * Phone and e-mail normalisation for storage, deduplication and search.
 *
 * Russian numbers are written in many ways (+7 (495) 123-45-67, 8 495 123 45 67, 74951234567,
 * 4951234567); all of them become the E.164 form +74951234567 so duplicates are found. A number we
 * cannot place in E.164 (a 7-digit city number without its code) keeps its digits and e164 = null.
 */

export interface NormalizedPhone {
  /** "+74951234567", or null when the number cannot be made international. */
  e164: string | null;
  /** E.164 digits without "+" when e164 is known, otherwise all digits that were typed. */
  digits: string;
  /** Digits after «доб.», "ext", "x" or "#", if any; never part of e164. */
  extension?: string;
}

/** Extension markers seen in Russian CRMs: «доб. 123», «доп. 123», "ext. 123", "x123", "#123". */
const EXTENSION = /\s*(?:доб\.?|доп\.?|ext\.?|x|#)\s*(\d+)\s*$/iu;

/** E.164 allows at most 15 digits; fewer than 8 cannot be a full international number. */
const E164_MIN = 8;
const E164_MAX = 15;

function intl(digits: string): NormalizedPhone {
  return digits.length >= E164_MIN && digits.length <= E164_MAX
    ? { e164: `+${digits}`, digits }
    : { e164: null, digits };
}

export function normalizePhone(raw: string): NormalizedPhone {
  let text = raw.trim();
  let extension: string | undefined;
  const ext = EXTENSION.exec(text);
  if (ext && /\d/.test(text.slice(0, ext.index))) {
    extension = ext[1];
    text = text.slice(0, ext.index);
  }
  const result = normalizeMain(text);
  return extension === undefined ? result : { ...result, extension };
}

function normalizeMain(text: string): NormalizedPhone {
  const digits = text.replace(/\D/g, "");
  const plus = text.startsWith("+");

  // With "+" the country code is explicit; "+8…" is not rewritten to +7 because +81, +82, +86 exist.
  if (plus) return intl(digits);
  // Dialling prefixes for abroad: 8-10-… (Russian long distance) and 00… (international).
  if (digits.startsWith("810") && digits.length > 11) return intl(digits.slice(3));
  if (digits.startsWith("00") && digits.length > 10) return intl(digits.slice(2));
  if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) {
    return intl(`7${digits.slice(1)}`);
  }
  // Ten digits are a Russian number without the trunk prefix: 495 123-45-67, 916 123-45-67.
  if (digits.length === 10) return intl(`7${digits}`);
  return { e164: null, digits };
}

/**
 * Digits to look for as a substring of stored phone digits. An 11-digit Russian number loses its
 * leading 8/7 so "8 (495) 123-45-67" finds "+74951234567"; shorter fragments are used as typed.
 */
export function phoneSearchDigits(query: string): string {
  const digits = query.replace(/\D/g, "");
  if (digits.length === 11 && (digits.startsWith("8") || digits.startsWith("7"))) return digits.slice(1);
  return digits;
}

/** Lower-cases the whole address: mailbox names are case-insensitive in practice everywhere. */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}

/**
 * Pragmatic address check for forms: one "@", no spaces, a dotted domain with non-empty labels.
 * Unicode is allowed on purpose (почта@пример.рф). It is not RFC 5322; delivery is the real test.
 */
const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}-]{2,}$/u;

export function isEmail(input: string): boolean {
  const value = input.trim();
  if (value.length > 254) return false;
  const at = value.lastIndexOf("@");
  const local = value.slice(0, at);
  if (at < 1 || local.length > 64) return false;
  // Dots may not start, end or repeat in the local part.
  if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) return false;
  return EMAIL.test(value);
}
