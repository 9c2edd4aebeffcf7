/**
 * «Сумма прописью»: amounts and numbers in Russian words, for invoices, acts and contracts.
 * Rules: /work/shared/reference/ru-domain.md §2. Input is integer kopecks, never a float.
 */

import { assertKopecks } from "./money";

export type GrammaticalGender = "masculine" | "feminine" | "neuter";

/** Word forms for 1, 2–4 and 5+ (один рубль / два рубля / пять рублей). */
export type PluralForms = readonly [one: string, few: string, many: string];

/**
 * Picks the form by the last two digits: 11–14 → many; otherwise last digit 1 → one,
 * 2–4 → few, 0 and 5–9 → many.
 */
export function pluralRu(n: number | bigint, forms: PluralForms): string {
  const abs = typeof n === "bigint" ? (n < 0n ? -n : n) : Math.abs(Math.trunc(n));
  const lastTwo = Number(BigInt(abs) % 100n);
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

const UNITS_MASCULINE = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

function unitWord(digit: number, gender: GrammaticalGender): string {
  // Only 1 and 2 agree in gender: один/одна/одно, два/две/два.
  if (digit === 1) return gender === "feminine" ? "одна" : gender === "neuter" ? "одно" : "один";
  if (digit === 2) return gender === "feminine" ? "две" : "два";
  return UNITS_MASCULINE[digit] ?? "";
}

/** Words for 1..999; an empty array for 0 (a zero triad is skipped entirely). */
function triadWords(n: number, gender: GrammaticalGender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(HUNDREDS[h] ?? "");
  if (rest >= 10 && rest < 20) {
    words.push(TEENS[rest - 10] ?? "");
  } else {
    const t = Math.floor(rest / 10);
    const u = rest % 10;
    if (t > 0) words.push(TENS[t] ?? "");
    if (u > 0) words.push(unitWord(u, gender));
  }
  return words;
}

/** Scale words from the top triad down; тысяча is feminine, the rest masculine. */
const SCALES: readonly { forms: PluralForms; gender: GrammaticalGender }[] = [
  { forms: ["триллион", "триллиона", "триллионов"], gender: "masculine" },
  { forms: ["миллиард", "миллиарда", "миллиардов"], gender: "masculine" },
  { forms: ["миллион", "миллиона", "миллионов"], gender: "masculine" },
  { forms: ["тысяча", "тысячи", "тысяч"], gender: "feminine" },
];

/** Largest supported number: 999 trillion 999 billion … 999. */
export const MAX_NUMBER_IN_WORDS = 999_999_999_999_999n;

/**
 * A non-negative integer in Russian words, lower case: 5231000 → «пять миллионов двести тридцать
 * одна тысяча». `gender` is the gender of the counted noun and affects only the last triad
 * (двадцать одна копейка, двадцать один рубль).
 */
export function numberInWords(n: number | bigint, gender: GrammaticalGender = "masculine"): string {
  if (typeof n === "number" && !Number.isSafeInteger(n)) {
    throw new RangeError(`numberInWords expects an integer, got ${n}`);
  }
  const value = BigInt(n);
  if (value < 0n || value > MAX_NUMBER_IN_WORDS) {
    throw new RangeError(`numberInWords supports 0..${MAX_NUMBER_IN_WORDS}, got ${value}`);
  }
  if (value === 0n) return "ноль";
  const words: string[] = [];
  SCALES.forEach((scale, i) => {
    const divisor = 1000n ** BigInt(SCALES.length - i);
    const triad = Number((value / divisor) % 1000n);
    if (triad === 0) return;
    words.push(...triadWords(triad, scale.gender), pluralRu(triad, scale.forms));
  });
  words.push(...triadWords(Number(value % 1000n), gender));
  return words.join(" ");
}

const ROUBLE_FORMS: PluralForms = ["рубль", "рубля", "рублей"];
const KOPECK_FORMS: PluralForms = ["копейка", "копейки", "копеек"];

export interface AmountInWordsOptions {
  /** Upper-case the first letter, as documents print it. Default true. */
  capitalize?: boolean;
}

/**
 * Document style amount: 12200000 → «Сто двадцать две тысячи рублей 00 копеек». Roubles in words,
 * kopecks as two digits with the agreed noun. A negative amount is prefixed with «минус».
 */
export function amountInWords(kopecks: number, options: AmountInWordsOptions = {}): string {
  assertKopecks(kopecks);
  const { capitalize = true } = options;
  const abs = BigInt(kopecks < 0 ? -kopecks : kopecks);
  const roubles = abs / 100n;
  const cents = abs % 100n;
  const text = [
    kopecks < 0 ? "минус" : "",
    numberInWords(roubles, "masculine"),
    pluralRu(roubles, ROUBLE_FORMS),
    cents.toString().padStart(2, "0"),
    pluralRu(cents, KOPECK_FORMS),
  ]
    .filter((w) => w !== "")
    .join(" ");
  return capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
