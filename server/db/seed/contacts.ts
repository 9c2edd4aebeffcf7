import { phoneSearchText } from "../../modules/companies/companies.normalize";
import type { City } from "./cities";
import { type PersonName, personName } from "./names";
import { landline, mobile } from "./phones";
import type { Random } from "./random";
import { weighted } from "./random";
import { translit } from "./translit";

/** One contact person of a demo company, in the shape the writer inserts. */
export interface SeedContact {
  id: string;
  companyId: string;
  ownerId: string;
  createdAt: Date;
  lastName: string;
  firstName: string;
  middleName: string;
  position: string | null;
  phones: string[];
  emails: string[];
  phoneSearch: string;
  consentMarketing: "granted" | "withdrawn" | "unknown";
  consentAt: Date | null;
  consentSource: string | null;
}

/** Positions below the director, by how often a supplier's manager deals with them. */
const positions = weighted([
  ["Менеджер по закупкам", 20],
  ["Главный бухгалтер", 14],
  ["Коммерческий директор", 10],
  ["Начальник отдела снабжения", 10],
  ["Финансовый директор", 6],
  ["Заместитель генерального директора", 5],
  ["Главный инженер", 5],
  ["Технический директор", 4],
  ["Юрист", 5],
  ["Специалист по тендерам", 5],
  ["Руководитель отдела продаж", 4],
  ["Офис-менеджер", 5],
  ["Бухгалтер", 5],
  ["Логист", 3],
  ["Инженер-сметчик", 2],
  ["Помощник руководителя", 3],
  ["Директор по развитию", 2],
  ["Кладовщик", 1],
] as const);

const freeMail = weighted([
  ["mail.ru", 40],
  ["yandex.ru", 35],
  ["gmail.com", 12],
  ["bk.ru", 5],
  ["inbox.ru", 4],
  ["list.ru", 3],
  ["rambler.ru", 2],
] as const);

const consentSources = ["Форма на сайте", "Договор", "Анкета на выставке", "Письмо клиента"] as const;

/** i.ivanov, ivanova.m, maria.ivanova: the mailbox conventions seen in Russian companies. */
export function mailbox(random: Random, p: PersonName): string {
  const last = translit(p.lastName).replace(/[^a-z]/g, "");
  const first = translit(p.firstName).replace(/[^a-z]/g, "");
  const style = random.int(0, 3);
  if (style === 0) return `${first[0]}.${last}`;
  if (style === 1) return `${last}.${first[0]}${translit(p.middleName)[0]}`;
  if (style === 2) return `${first}.${last}`;
  return `${last}${random.int(1, 99)}`;
}

export interface ContactContext {
  random: Random;
  newId: (at: Date) => string;
  companyId: string;
  ownerId: string;
  companyCreatedAt: Date;
  domain: string | null;
  city: City;
  /** 0 for the first contact of the company (the director), 1, 2, … for the others. */
  index: number;
  /** The entrepreneur or private person themself: the first contact of an ИП or a person. */
  person?: PersonName;
  /** «Индивидуальный предприниматель» for an ИП, null for a private person. */
  personPosition?: string | null;
  now: Date;
}

export function contactOf(ctx: ContactContext): SeedContact {
  const { random } = ctx;
  const p = ctx.person && ctx.index === 0 ? ctx.person : personName(random, 0.5);
  const position = ctx.person
    ? ctx.index === 0
      ? (ctx.personPosition ?? null)
      : random.pick(["Бухгалтер", "Менеджер", "Помощник"])
    : ctx.index === 0
      ? random.chance(0.9)
        ? "Генеральный директор"
        : "Директор"
      : random.chance(0.95)
        ? random.pickWeighted(positions)
        : null;
  const phones: string[] = [];
  if (random.chance(0.8)) phones.push(mobile(random));
  if (random.chance(0.4) || phones.length === 0) phones.push(landline(random, ctx.city));
  const emails: string[] = [];
  if (random.chance(0.85)) {
    const corporate = ctx.domain && random.chance(0.75);
    emails.push(`${mailbox(random, p)}@${corporate ? ctx.domain : random.pickWeighted(freeMail)}`);
  }
  const createdAt = new Date(ctx.companyCreatedAt.getTime() + ctx.index * 3_600_000);
  const consentRoll = random.next();
  const consentMarketing = consentRoll < 0.3 ? "granted" : consentRoll < 0.35 ? "withdrawn" : "unknown";
  const consentAt =
    consentMarketing === "unknown"
      ? null
      : new Date(createdAt.getTime() + random.next() * (ctx.now.getTime() - createdAt.getTime()));
  return {
    id: ctx.newId(createdAt),
    companyId: ctx.companyId,
    ownerId: ctx.ownerId,
    createdAt,
    lastName: p.lastName,
    firstName: p.firstName,
    middleName: p.middleName,
    position,
    phones,
    emails,
    phoneSearch: phoneSearchText(phones),
    consentMarketing,
    consentAt,
    consentSource: consentMarketing === "unknown" ? null : random.pick(consentSources),
  };
}
