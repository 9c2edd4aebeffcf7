import type { City } from "./cities";
import type { Random } from "./random";
import { weighted } from "./random";

/**
 * Phones as people type them into a CRM: every client base mixes «+7 (495) 123-45-67»,
 * «8 812 123-45-67», bare digits and 7-digit local numbers without the city code. Search has to
 * find all of them, so the demo base keeps the mess.
 */

type Format = (area: string, local: string, random: Random) => string;

function groupLocal(local: string): string {
  // 7 digits: 123-45-67; 6 digits (4-digit area codes): 12-34-56; 5 digits: 1-23-45.
  if (local.length === 7) return `${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`;
  if (local.length === 6) return `${local.slice(0, 2)}-${local.slice(2, 4)}-${local.slice(4)}`;
  return `${local.slice(0, 1)}-${local.slice(1, 3)}-${local.slice(3)}`;
}

const formats = weighted<Format>([
  [(a, l) => `+7 (${a}) ${groupLocal(l)}`, 35],
  [(a, l) => `8 ${a} ${groupLocal(l)}`, 15],
  [(a, l) => `8 (${a}) ${l}`, 10],
  [(a, l) => `+7${a}${l}`, 10],
  [(a, l) => `8${a}${l}`, 5],
  [(a, l) => `+7 ${a} ${l.slice(0, -4)} ${l.slice(-4, -2)} ${l.slice(-2)}`, 8],
  [(a, l, r) => `+7 (${a}) ${groupLocal(l)} доб. ${r.int(100, 999)}`, 7],
  // The city code omitted, as clients write on their own letterhead; only 7-digit locals.
  [(a, l) => (l.length === 7 ? groupLocal(l) : `8 (${a}) ${groupLocal(l)}`), 10],
]);

/** Mobile operators' codes (МТС, Билайн, МегаФон, Tele2, Yota). */
const mobileCodes = [
  "900",
  "903",
  "905",
  "906",
  "909",
  "910",
  "912",
  "915",
  "916",
  "917",
  "919",
  "920",
  "921",
  "922",
  "925",
  "926",
  "927",
  "929",
  "950",
  "951",
  "952",
  "953",
  "960",
  "961",
  "962",
  "977",
  "985",
  "987",
  "999",
] as const;

/** A landline of that city, in one of the usual spellings. */
export function landline(random: Random, city: City): string {
  const local = firstLocalDigit(random) + random.digits(9 - city.areaCode.length);
  return random.pickWeighted(formats)(city.areaCode, local, random);
}

/** A mobile number: +7 9xx …; people write these with the code, never as a local number. */
export function mobile(random: Random): string {
  const code = random.pick(mobileCodes);
  const local = random.digits(7);
  const style = random.int(0, 3);
  if (style === 0) return `+7 (${code}) ${groupLocal(local)}`;
  if (style === 1) return `8 ${code} ${groupLocal(local)}`;
  if (style === 2) return `+7${code}${local}`;
  return `8-${code}-${local.slice(0, 3)}-${local.slice(3, 5)}-${local.slice(5)}`;
}

/** Local numbers never start with 0 or 8 (the trunk and service prefixes). */
function firstLocalDigit(random: Random): string {
  return random.pick(["2", "3", "4", "5", "6", "7", "9"]);
}
