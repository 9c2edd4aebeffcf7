import { checkAccount, checkInn, checkOgrn, checkOgrnip } from "../../../core/requisites";
import type { BankZone } from "./cities";
import type { Random } from "./random";
import { weighted } from "./random";

/**
 * Valid Russian requisites for the demo base. The check digits are never computed here: each
 * helper tries the candidates and keeps the one that `core/requisites.ts` accepts, so there is
 * one implementation of every algorithm in the project (ru-domain.md §1).
 */

/** Inserts the digit 0–9 between `prefix` and `suffix` that makes `isValid` true. */
export function completeCheckDigit(prefix: string, suffix: string, isValid: (s: string) => boolean): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${prefix}${d}${suffix}`;
    if (isValid(candidate)) return candidate;
  }
  throw new Error(`No check digit makes ${prefix}?${suffix} valid`);
}

/** ИНН of a legal entity from its first nine digits (tax office code + serial). */
export function completeInn10(first9: string): string {
  return completeCheckDigit(first9, "", (s) => checkInn(s).ok);
}

/** ИНН of a person or ИП from its first ten digits: both check digits at once. */
export function completeInn12(first10: string): string {
  for (let d = 0; d <= 9; d++) {
    const found = tryDigits(`${first10}${d}`, (s) => checkInn(s).ok);
    if (found) return found;
  }
  throw new Error(`No check digits make ${first10}?? valid`);
}

function tryDigits(prefix: string, isValid: (s: string) => boolean): string | null {
  for (let d = 0; d <= 9; d++) if (isValid(`${prefix}${d}`)) return `${prefix}${d}`;
  return null;
}

/** ОГРН from its first twelve digits. */
export function completeOgrn(first12: string): string {
  return completeCheckDigit(first12, "", (s) => checkOgrn(s).ok);
}

/** ОГРНИП from its first fourteen digits. */
export function completeOgrnip(first14: string): string {
  return completeCheckDigit(first14, "", (s) => checkOgrnip(s).ok);
}

/** A settlement account: the key is digit 9, after the balance account (5) and currency (3). */
export function completeAccount(first8: string, last11: string, bik: string): string {
  return completeCheckDigit(first8, last11, (s) => checkAccount(s, bik).ok);
}

export interface Bank {
  name: string;
  bik: string;
  corrAccount: string;
  /** The Sberbank division serving this zone; federal banks serve every zone. */
  zone: BankZone | null;
}

/** Real banks with their real БИК and к/с (verified by core's checkCorrAccount in the test). */
export const banks: readonly Bank[] = [
  bank("ПАО Сбербанк", "044525225", "30101810400000000225", "moscow"),
  bank("Северо-Западный банк ПАО Сбербанк", "044030653", "30101810500000000653", "northwest"),
  bank("Уральский банк ПАО Сбербанк", "046577674", "30101810500000000674", "ural"),
  bank("Сибирский банк ПАО Сбербанк", "045004641", "30101810500000000641", "siberia"),
  bank("Волго-Вятский банк ПАО Сбербанк", "042202603", "30101810900000000603", "volgavyatka"),
  bank("Поволжский банк ПАО Сбербанк", "043601607", "30101810200000000607", "volga"),
  bank("Юго-Западный банк ПАО Сбербанк", "046015602", "30101810600000000602", "south"),
  bank("Центрально-Черноземный банк ПАО Сбербанк", "042007681", "30101810600000000681", "chernozem"),
  bank("Байкальский банк ПАО Сбербанк", "042520607", "30101810900000000607", "baikal"),
  bank("Дальневосточный банк ПАО Сбербанк", "040813608", "30101810600000000608", "fareast"),
  bank("Банк ВТБ (ПАО)", "044525187", "30101810700000000187", null),
  bank("АО «Альфа-Банк»", "044525593", "30101810200000000593", null),
  bank("АО «ТБанк»", "044525974", "30101810145250000974", null),
  bank("АО «Райффайзенбанк»", "044525700", "30101810200000000700", null),
  bank("Банк ГПБ (АО)", "044525823", "30101810200000000823", null),
  bank("ПАО «Промсвязьбанк»", "044525555", "30101810400000000555", null),
  bank("ПАО «Совкомбанк»", "043469743", "30101810300000000743", null),
  bank("АО «Россельхозбанк»", "044525111", "30101810200000000111", null),
  bank("ПАО «МТС-Банк»", "044525232", "30101810600000000232", null),
  bank("ООО «Банк Точка»", "044525104", "30101810745374525104", null),
  bank("ПАО «Московский кредитный банк»", "044525659", "30101810745250000659", null),
  bank("ПАО «Росбанк»", "044525256", "30101810000000000256", null),
  bank("ПАО «Банк «Санкт-Петербург»", "044030790", "30101810900000000790", "northwest"),
  bank("ПАО «АК БАРС» Банк", "049205805", "30101810000000000805", "volga"),
  bank("ПАО КБ «Центр-инвест»", "046015762", "30101810100000000762", "south"),
];

function bank(name: string, bik: string, corrAccount: string, zone: BankZone | null): Bank {
  return { name, bik, corrAccount, zone };
}

const sberShare = 40;
const federal = banks.filter((b) => b.zone === null);
const zoneTables = new Map(
  (
    [
      "moscow",
      "northwest",
      "ural",
      "siberia",
      "volgavyatka",
      "volga",
      "south",
      "chernozem",
      "baikal",
      "fareast",
    ] as const
  ).map((zone) => {
    const local = banks.filter((b) => b.zone === zone);
    const sber = local.find((b) => b.name.includes("Сбербанк"));
    const others = local.filter((b) => b !== sber);
    return [
      zone,
      weighted([
        ...(sber ? [[sber, sberShare] as const] : []),
        ...others.map((b) => [b, 8] as const),
        ...federal.map((b) => [b, b.name.includes("ВТБ") || b.name.includes("Альфа") ? 10 : 5] as const),
      ]),
    ] as const;
  }),
);

/** A bank a company in that zone would plausibly keep its account in. */
export function pickBank(random: Random, zone: BankZone): Bank {
  return random.pickWeighted(zoneTables.get(zone)!);
}

/**
 * Serial numbers that look random but never repeat: a counter multiplied by a number coprime
 * with 10ⁿ is a permutation of 0…10ⁿ−1, so a million companies get a million distinct ИНН
 * without remembering the ones already issued.
 */
export function scatter(counter: number, width: number, salt = 0): string {
  const modulus = 10 ** width;
  // 7 919 is prime and coprime with every power of ten; the salted offset hides the zero start
  // and keeps the first companies of different regions from sharing a serial.
  const value = (counter * 7919 + 104_729 + salt * 15_485_863) % modulus;
  return value.toString().padStart(width, "0");
}
