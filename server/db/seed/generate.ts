import { createUuidV7Generator } from "../../../core/uuid";
import { phoneSearchText } from "../../modules/companies/companies.normalize";
import { type City, cityTable, streets } from "./cities";
import { type CompanyNaming, domainOf, entrepreneurName, legalEntityName } from "./company-names";
import { contactOf, type SeedContact } from "./contacts";
import { industryTable } from "./industries";
import { personName } from "./names";
import { landline, mobile } from "./phones";
import { createRandom, type Random, weighted } from "./random";
import {
  completeAccount,
  completeInn10,
  completeInn12,
  completeOgrn,
  completeOgrnip,
  pickBank,
  scatter,
} from "./requisites";

/** One demo company, in the shape the writer inserts (columns of `companies`). */
export interface SeedCompany {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
  name: string;
  fullName: string | null;
  kind: "legal" | "entrepreneur" | "person";
  status: "prospect" | "client" | "former";
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  bik: string | null;
  account: string | null;
  corrAccount: string | null;
  bankName: string | null;
  industry: string | null;
  region: string;
  city: string;
  segment: string | null;
  source: string;
  ownerId: string;
  tags: string[];
  phones: string[];
  emails: string[];
  phoneSearch: string;
  website: string | null;
  address: string;
  notes: string | null;
  lastContactAt: Date | null;
  contacts: SeedContact[];
}

export interface DemoOwners {
  /** Everyone who may own clients, with the share of the base each one holds. */
  owners: readonly { id: string; weight: number }[];
}

export const segments = ["Крупный бизнес", "Средний бизнес", "Малый бизнес"] as const;
export const sources = [
  "Сайт",
  "Выставка",
  "Рекомендация",
  "Холодный звонок",
  "Email-рассылка",
  "Тендер",
  "Входящий звонок",
  "Партнёр",
] as const;

const kinds = weighted([
  ["legal", 78],
  ["entrepreneur", 20],
  ["person", 2],
] as const);
const statuses = weighted([
  ["prospect", 45],
  ["client", 40],
  ["former", 15],
] as const);
const legalSegments = weighted([
  ["Крупный бизнес", 8],
  ["Средний бизнес", 27],
  ["Малый бизнес", 65],
] as const);
const sourceTable = weighted(sources.map((s, i) => [s, [22, 10, 18, 16, 8, 10, 12, 4][i]!] as const));
const tagTable = weighted([
  ["VIP", 3],
  ["Ключевой клиент", 5],
  ["Госзаказчик", 4],
  ["Дилер", 5],
  ["Партнёр", 4],
  ["Экспорт", 2],
  ["Тендер", 6],
  ["Отсрочка платежа", 5],
  ["Предоплата", 5],
  ["Просрочка", 3],
  ["Сезонный", 2],
  ["Конкурент поставщика", 1],
  ["Новый", 6],
] as const);
const tagCounts = weighted([
  [0, 50],
  [1, 32],
  [2, 14],
  [3, 4],
] as const);
const notes = [
  "Закупки планируют на IV квартал, бюджет утверждает собственник.",
  "Работают только по 44-ФЗ и 223-ФЗ, следить за тендерами.",
  "Просили коммерческое предложение с отсрочкой 30 дней.",
  "ЛПР — коммерческий директор, генеральный подписывает по его рекомендации.",
  "Сверка взаиморасчётов ежеквартально, акты присылать на ЭДО.",
  "Интересуются оптовыми скидками от 500 тыс. ₽.",
  "Переехали в новый офис, обновить адрес в договоре.",
] as const;

/** Different serial streams per tax office, so neighbouring offices do not share serials. */
function salt(city: City, office: string): number {
  return Number(city.regionCode) * 100 + Number(office);
}

/** Tax offices per region code: Moscow has 51 inspections, most regions far fewer. */
function officesIn(regionCode: string): number {
  if (regionCode === "77") return 51;
  if (regionCode === "78") return 28;
  if (regionCode === "50") return 40;
  return 18;
}

export interface DemoGeneratorOptions {
  seed: number;
  owners: DemoOwners;
  /** Companies to spread over the history; creation dates go back `years` from `now`. */
  total: number;
  contactsPerCompany: number;
  now?: Date;
  years?: number;
  /**
   * Starts the requisite serial counters here instead of at 0. A second data set (an import
   * file for a seeded base) generated with an offset above the first one's counters gets
   * ИНН, ОГРН and accounts that the first never used.
   */
  serialOffset?: number;
}

/**
 * Makes companies (with their contacts) one at a time, deterministically for a seed: the same
 * seed and options give the same names, requisites and ids. Requisites are unique by
 * construction (counters per region, see `scatter`), so a million companies never collide.
 */
export function createDemoGenerator(options: DemoGeneratorOptions) {
  const random = createRandom(options.seed);
  const now = options.now ?? new Date();
  const span = (options.years ?? 5) * 365 * 86_400_000;
  const start = now.getTime() - span;
  const step = span / Math.max(options.total, 1);
  const ownerTable = weighted(options.owners.owners.map((o) => [o.id, o.weight] as const));
  // Ids are UUIDv7 stamped with the row's creation time, from this seed's random stream.
  let clock = start;
  const fill = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.next() * 256);
  };
  const companyIds = createUuidV7Generator({ now: () => clock, fill });
  const contactIds = createUuidV7Generator({ now: () => clock, fill });
  const newContactId = (at: Date) => {
    clock = at.getTime();
    return contactIds();
  };
  const legalCounters = new Map<string, number>();
  const personCounters = new Map<string, number>();
  const offset = options.serialOffset ?? 0;
  let accountCounter = offset * 100;
  let contactsMade = 0;
  let index = 0;

  // Counters run per region; the tax office is n mod offices, the serial n div offices.
  const nextCounter = (map: Map<string, number>, key: string) => {
    const n = map.get(key) ?? offset * officesIn(key);
    map.set(key, n + 1);
    return n;
  };

  function next(): SeedCompany {
    const i = index++;
    const createdAt = new Date(start + (i + random.next() * 0.9) * step);
    clock = createdAt.getTime();
    const id = companyIds();
    const kind = random.pickWeighted(kinds);
    const city = random.pickWeighted(cityTable);
    const industry = kind === "person" ? null : random.pickWeighted(industryTable);
    const ownerId = random.pickWeighted(ownerTable);
    const status = random.pickWeighted(statuses);
    const person = kind === "legal" ? undefined : personName(random, 0.4);
    const naming: CompanyNaming | null =
      kind === "legal"
        ? legalEntityName(random, industry!)
        : kind === "entrepreneur"
          ? entrepreneurName(random, person!)
          : null;
    const req = requisites(random, kind, city, createdAt);
    const domain = naming && (kind === "legal" || random.chance(0.2)) ? naming.domain : null;
    const phones = companyPhones(random, city, kind);
    const emails = companyEmails(random, domain, kind, naming);
    const lastContactAt = lastContact(random, status, createdAt, now);
    const updatedAt = random.chance(0.6)
      ? new Date(createdAt.getTime() + random.next() * (now.getTime() - createdAt.getTime()))
      : createdAt;
    const company: SeedCompany = {
      id,
      createdAt,
      updatedAt: lastContactAt && lastContactAt > updatedAt ? lastContactAt : updatedAt,
      createdBy: ownerId,
      name: naming?.name ?? `${person!.lastName} ${person!.firstName} ${person!.middleName}`,
      fullName: naming?.fullName ?? null,
      kind,
      status,
      ...req,
      industry: industry?.name ?? null,
      region: city.region,
      city: city.name,
      segment:
        kind === "legal"
          ? random.pickWeighted(legalSegments)
          : kind === "entrepreneur"
            ? "Малый бизнес"
            : null,
      source: random.pickWeighted(sourceTable),
      ownerId,
      tags: pickTags(random, status),
      phones,
      emails,
      phoneSearch: phoneSearchText(phones),
      website: domain && random.chance(0.8) ? website(random, domain) : null,
      address: address(random, city),
      notes: random.chance(0.08) ? random.pick(notes) : null,
      lastContactAt,
      contacts: [],
    };
    const count = contactCount(random, i, options.contactsPerCompany, kind, contactsMade);
    contactsMade += count;
    for (let k = 0; k < count; k++) {
      company.contacts.push(
        contactOf({
          random,
          newId: newContactId,
          companyId: id,
          ownerId,
          companyCreatedAt: createdAt,
          domain,
          city,
          index: k,
          person,
          personPosition: kind === "entrepreneur" ? "Индивидуальный предприниматель" : null,
          now,
        }),
      );
    }
    return company;
  }

  function requisites(random: Random, kind: SeedCompany["kind"], city: City, createdAt: Date) {
    const offices = officesIn(city.regionCode);
    const year = createdAt.getUTCFullYear().toString().slice(2);
    const empty = {
      inn: null,
      kpp: null,
      ogrn: null,
      bik: null,
      account: null,
      corrAccount: null,
      bankName: null,
    };
    if (kind === "person") {
      if (random.chance(0.5)) return empty;
      const n = nextCounter(personCounters, city.regionCode);
      const office = (1 + (n % offices)).toString().padStart(2, "0");
      const serial = scatter(Math.floor(n / offices), 6, salt(city, office));
      return { ...empty, inn: completeInn12(`${city.regionCode}${office}${serial}`) };
    }
    const bank = pickBank(random, city.bankZone);
    const accountNo = completeAccount(
      kind === "legal" ? "40702810" : "40802810",
      `${random.pick(["0000", "0000", "0100", "1000", "3800", "5400"])}${scatter(accountCounter++, 7)}`,
      bank.bik,
    );
    const banking = { bik: bank.bik, account: accountNo, corrAccount: bank.corrAccount, bankName: bank.name };
    if (kind === "entrepreneur") {
      const n = nextCounter(personCounters, city.regionCode);
      const office = (1 + (n % offices)).toString().padStart(2, "0");
      const serial = Math.floor(n / offices);
      return {
        ...banking,
        inn: completeInn12(`${city.regionCode}${office}${scatter(serial, 6, salt(city, office))}`),
        kpp: null,
        ogrn: completeOgrnip(
          `3${year}${city.regionCode}${office}${scatter(serial, 7, salt(city, office) + 1)}`,
        ),
      };
    }
    const n = nextCounter(legalCounters, city.regionCode);
    const office = (1 + (n % offices)).toString().padStart(2, "0");
    const serial = Math.floor(n / offices);
    const taxOffice = `${city.regionCode}${office}`;
    return {
      ...banking,
      inn: completeInn10(`${taxOffice}${scatter(serial, 5, salt(city, office))}`),
      kpp: `${taxOffice}01001`,
      ogrn: completeOgrn(
        `${random.chance(0.3) ? "5" : "1"}${year}${taxOffice}${scatter(serial, 5, salt(city, office) + 1)}`,
      ),
    };
  }

  return { next, now };
}

function companyPhones(random: Random, city: City, kind: SeedCompany["kind"]): string[] {
  if (kind !== "legal") return random.chance(0.9) ? [mobile(random)] : [];
  const phones = [landline(random, city)];
  if (random.chance(0.3)) phones.push(landline(random, city));
  if (random.chance(0.15)) phones.push(mobile(random));
  return phones;
}

function companyEmails(
  random: Random,
  domain: string | null,
  kind: SeedCompany["kind"],
  naming: CompanyNaming | null,
): string[] {
  if (domain && kind === "legal") {
    const boxes = ["info", "office", "zakaz", "sales", "mail", "buh", "snab"];
    const first = random.pick(boxes);
    const emails = [`${first}@${domain}`];
    if (random.chance(0.3)) {
      const second = random.pick(boxes);
      if (second !== first) emails.push(`${second}@${domain}`);
    }
    return emails;
  }
  if (kind === "entrepreneur" && naming && random.chance(0.7)) {
    // ИП mostly use a free mailbox named after themselves.
    const box = domainOf(random, naming.brand).split(".")[0];
    return [`${box}${random.int(1, 999)}@${random.pick(["mail.ru", "yandex.ru", "gmail.com"])}`];
  }
  return [];
}

function pickTags(random: Random, status: SeedCompany["status"]): string[] {
  const count = random.pickWeighted(tagCounts);
  const tags = new Set<string>();
  for (let i = 0; i < count; i++) tags.add(random.pickWeighted(tagTable));
  if (status === "prospect" && random.chance(0.1)) tags.add("Новый");
  return [...tags];
}

function lastContact(random: Random, status: SeedCompany["status"], createdAt: Date, now: Date): Date | null {
  const age = now.getTime() - createdAt.getTime();
  const day = 86_400_000;
  if (status === "prospect" && random.chance(0.4)) return null;
  // Clients are called often; former clients were last heard of long ago.
  const window = status === "client" ? 60 * day : status === "prospect" ? 240 * day : 720 * day;
  const back = Math.min(age, random.next() * window + (status === "former" ? 180 * day : 0));
  return new Date(now.getTime() - Math.min(back, age));
}

function website(random: Random, domain: string): string {
  const roll = random.int(0, 2);
  return roll === 0 ? `https://${domain}` : roll === 1 ? `www.${domain}` : domain;
}

function address(random: Random, city: City): string {
  const place = city.region === `г. ${city.name}` ? city.region : `${city.region}, г. ${city.name}`;
  const building = `д. ${random.int(1, 180)}${random.chance(0.2) ? `, стр. ${random.int(1, 9)}` : ""}`;
  const room = random.chance(0.7) ? `, ${random.pick(["оф.", "пом."])} ${random.int(1, 650)}` : "";
  return `${city.postal}${random.digits(2)}, ${place}, ${random.pick(streets)}, ${building}${room}`;
}

/**
 * K contacts on average, K−1…K+1 per company; a private person is their own only contact. The
 * running total is nudged back towards i·K, so N companies make N·K contacts give or take two.
 */
function contactCount(random: Random, i: number, k: number, kind: SeedCompany["kind"], made: number): number {
  if (k <= 0) return 0;
  if (kind === "person") return 1;
  const count = random.int(Math.max(1, k - 1), k + 1);
  const behind = i * k - made;
  return behind > 2 ? k + 1 : behind < -2 ? Math.max(1, k - 1) : count;
}
