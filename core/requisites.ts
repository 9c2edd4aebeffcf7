/**
 * Russian company and bank identifiers (ИНН, КПП, ОГРН, ОГРНИП, СНИЛС, БИК, bank accounts).
 *
 * Everything is handled as strings: leading zeros are significant (ИНН 005826107187, БИК 044525225),
 * and 20-digit accounts do not fit a double. Checksums are computed digit by digit, never via
 * Number(), so no precision is lost. Rules and vectors: /work/shared/reference/ru-domain.md §1.
 */

/**
 * Stable reason codes; the UI maps them to ru/en messages, so never rename them.
 * - empty: nothing was entered
 * - format: characters that are not allowed, a wrong prefix or a wrong layout
 * - length: only allowed characters, but the wrong number of them
 * - checksum: the control digit(s) or key do not match
 * - bik: the BIK paired with a bank account is itself malformed
 */
export type RequisiteError = "empty" | "format" | "length" | "checksum" | "bik";

export type RequisiteResult = { ok: true } | { ok: false; reason: RequisiteError };

export type InnKind = "legal" | "person";

const OK: RequisiteResult = { ok: true };

function fail(reason: RequisiteError): RequisiteResult {
  return { ok: false, reason };
}

/** Removes everything but ASCII digits, e.g. to clean a pasted "ИНН 7707 083893". */
export function normalizeDigits(input: string): string {
  return input.replace(/[^0-9]/g, "");
}

/** The digit at position i of a string of ASCII digits (no array per check: imports run millions). */
const digitAt = (s: string, i: number) => s.charCodeAt(i) - 48;

function weightedSum(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digitAt(digits, i) * (weights[i] ?? 0);
  return sum;
}

/** Remainder of a long decimal string, computed digit by digit so 14-digit numbers stay exact. */
function decimalMod(s: string, modulus: number): number {
  let rem = 0;
  for (const ch of s) rem = (rem * 10 + (ch.charCodeAt(0) - 48)) % modulus;
  return rem;
}

/**
 * Shared preamble: trims, rejects empty input, then sorts the failure into "format" (foreign
 * characters) or "length" (right alphabet, wrong count). On success returns the trimmed value.
 */
function precheck(
  input: unknown,
  alphabet: RegExp,
  lengths: readonly number[],
): { value: string } | { error: RequisiteError } {
  if (typeof input !== "string") return { error: "format" };
  const value = input.trim();
  if (value === "") return { error: "empty" };
  if (!alphabet.test(value)) return { error: "format" };
  if (!lengths.includes(value.length)) return { error: "length" };
  return { value };
}

const ONLY_DIGITS = /^[0-9]+$/;

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** ИНН: 10 digits for a legal entity, 12 for a person or sole proprietor (ИП). */
export function checkInn(input: string): RequisiteResult {
  const pre = precheck(input, ONLY_DIGITS, [10, 12]);
  if ("error" in pre) return fail(pre.error);
  const d = pre.value;
  if (d.length === 10) {
    return (weightedSum(d, INN10_WEIGHTS) % 11) % 10 === digitAt(d, 9) ? OK : fail("checksum");
  }
  const c11 = (weightedSum(d, INN12_WEIGHTS_11) % 11) % 10;
  const c12 = (weightedSum(d, INN12_WEIGHTS_12) % 11) % 10;
  return c11 === digitAt(d, 10) && c12 === digitAt(d, 11) ? OK : fail("checksum");
}

/** "legal" for a valid 10-digit ИНН, "person" for a valid 12-digit one, otherwise null. */
export function innKind(inn: string): InnKind | null {
  if (!checkInn(inn).ok) return null;
  return inn.trim().length === 10 ? "legal" : "person";
}

const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;

/**
 * КПП: tax office (4 digits) + reason (2 chars, Latin capitals allowed since 2013) + serial (3 digits).
 * There is no checksum. Lower-case letters are rejected on purpose: the FNS register only has capitals.
 */
export function checkKpp(input: string): RequisiteResult {
  const pre = precheck(input, /^[0-9A-Z]+$/, [9]);
  if ("error" in pre) return fail(pre.error);
  return KPP_PATTERN.test(pre.value) ? OK : fail("format");
}

/** ОГРН of a legal entity: 13 digits, first digit 1 or 5, d13 = int(d1..d12) mod 11 mod 10. */
export function checkOgrn(input: string): RequisiteResult {
  const pre = precheck(input, ONLY_DIGITS, [13]);
  if ("error" in pre) return fail(pre.error);
  const v = pre.value;
  if (v[0] !== "1" && v[0] !== "5") return fail("format");
  return (decimalMod(v.slice(0, 12), 11) % 10).toString() === v[12] ? OK : fail("checksum");
}

/**
 * ОГРНИП of a sole proprietor: 15 digits, first digit 3, d15 = (int(d1..d14) mod 13) mod 10.
 * The final "mod 10" matters: python-stdnum omits it and wrongly rejects e.g. 304770000000020
 * (remainder 10, check digit 0).
 */
export function checkOgrnip(input: string): RequisiteResult {
  const pre = precheck(input, ONLY_DIGITS, [15]);
  if ("error" in pre) return fail(pre.error);
  const v = pre.value;
  if (v[0] !== "3") return fail("format");
  return (decimalMod(v.slice(0, 14), 13) % 10).toString() === v[14] ? OK : fail("checksum");
}

/** Either ОГРН (13 digits) or ОГРНИП (15 digits), dispatched by length. */
export function checkOgrnAny(input: string): RequisiteResult {
  const pre = precheck(input, ONLY_DIGITS, [13, 15]);
  if ("error" in pre) return fail(pre.error);
  return pre.value.length === 13 ? checkOgrn(pre.value) : checkOgrnip(pre.value);
}

/** Only these two layouts are accepted, as in do-/node-ru-codes: "586-595-917-80" is rejected. */
const SNILS_PLAIN = /^\d{11}$/;
const SNILS_FORMATTED = /^\d{3}-\d{3}-\d{3} \d{2}$/;
/** Numbers up to 001-001-998 were issued before the checksum existed and are not checked. */
const SNILS_UNCHECKED_MAX = 1_001_998;

/** The СНИЛС control number for its first nine digits. */
function snilsControl(digits: string): number {
  let s = 0;
  for (let i = 0; i < 9; i++) s += digitAt(digits, i) * (9 - i);
  if (s < 100) return s;
  if (s === 100 || s === 101) return 0;
  const r = s % 101;
  return r === 100 ? 0 : r;
}

/** СНИЛС: "XXX-XXX-XXX YY" or 11 plain digits. */
export function checkSnils(input: string): RequisiteResult {
  const pre = precheck(input, /^[0-9 -]+$/, [11, 14]);
  if ("error" in pre) return fail(pre.error);
  const v = pre.value;
  if (!SNILS_PLAIN.test(v) && !SNILS_FORMATTED.test(v)) {
    return fail(/^\d+$/.test(v) ? "length" : "format");
  }
  const d = normalizeDigits(v);
  if (Number(d.slice(0, 9)) <= SNILS_UNCHECKED_MAX) return OK;
  return snilsControl(d) === digitAt(d, 9) * 10 + digitAt(d, 10) ? OK : fail("checksum");
}

/** БИК: 9 digits. There is no checksum; existence is checked against the CBR directory elsewhere. */
export function checkBik(input: string): RequisiteResult {
  const pre = precheck(input, ONLY_DIGITS, [9]);
  if ("error" in pre) return fail(pre.error);
  return OK;
}

/**
 * CBR № 515 allows a letter in account position 6 (clearing currency accounts); it is replaced by
 * a digit before the key is computed. Only these Cyrillic capitals are defined by the regulation.
 */
const ACCOUNT_LETTERS = "АВСЕНКМРТХ";
const ACCOUNT_PATTERN = /^\d{5}[\dАВСЕНКМРТХ]\d{14}$/;
const ACCOUNT_WEIGHTS = [7, 1, 3];

function accountPrecheck(account: string, bik: string): { account: string; bik: string } | RequisiteError {
  const pre = precheck(account, /^[0-9АВСЕНКМРТХ]+$/, [20]);
  if ("error" in pre) return pre.error;
  if (!ACCOUNT_PATTERN.test(pre.value)) return "format";
  if (!checkBik(bik).ok) return "bik";
  return { account: pre.value, bik: bik.trim() };
}

/** Σ key·(7,1,3,…) over the 23-character key+account ≡ 0 (mod 10), per CBR № 515. */
function accountKeyMatches(key3: string, account: string): boolean {
  const letterIndex = ACCOUNT_LETTERS.indexOf(account[5] ?? "");
  let sum = 0;
  for (let i = 0; i < 23; i++) {
    const digit =
      i < 3 ? digitAt(key3, i) : i === 8 && letterIndex >= 0 ? letterIndex : digitAt(account, i - 3);
    sum += (digit * (ACCOUNT_WEIGHTS[i % 3] ?? 0)) % 10;
  }
  return sum % 10 === 0;
}

/** Key for accounts held at the CBR (corr. accounts, treasury ЕКС): "0" + BIK digits 5–6. */
function cbrKey(bik: string): string {
  return `0${bik.slice(4, 6)}`;
}

/**
 * Settlement account (р/с) at the bank with this BIK. Key = last 3 BIK digits.
 * Two treasury special cases: 03… treasury accounts carry no key and are accepted by structure;
 * 40102… single treasury accounts (ЕКС) sit at the CBR, so they are keyed like corr. accounts.
 */
export function checkAccount(account: string, bik: string): RequisiteResult {
  const pre = accountPrecheck(account, bik);
  if (typeof pre === "string") return fail(pre);
  if (pre.account.startsWith("03")) return OK;
  const key = pre.account.startsWith("40102") ? cbrKey(pre.bik) : pre.bik.slice(6, 9);
  return accountKeyMatches(key, pre.account) ? OK : fail("checksum");
}

/** Correspondent account (к/с) of the bank with this BIK. Key = "0" + BIK digits 5–6. */
export function checkCorrAccount(account: string, bik: string): RequisiteResult {
  const pre = accountPrecheck(account, bik);
  if (typeof pre === "string") return fail(pre);
  return accountKeyMatches(cbrKey(pre.bik), pre.account) ? OK : fail("checksum");
}

export function isValidInn(input: string): boolean {
  return checkInn(input).ok;
}
export function isValidKpp(input: string): boolean {
  return checkKpp(input).ok;
}
export function isValidOgrn(input: string): boolean {
  return checkOgrn(input).ok;
}
export function isValidOgrnip(input: string): boolean {
  return checkOgrnip(input).ok;
}
export function isValidOgrnAny(input: string): boolean {
  return checkOgrnAny(input).ok;
}
export function isValidSnils(input: string): boolean {
  return checkSnils(input).ok;
}
export function isValidBik(input: string): boolean {
  return checkBik(input).ok;
}
export function isValidAccount(account: string, bik: string): boolean {
  return checkAccount(account, bik).ok;
}
export function isValidCorrAccount(account: string, bik: string): boolean {
  return checkCorrAccount(account, bik).ok;
}
