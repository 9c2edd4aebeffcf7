import { adjectives, brandWords, geoRoots, type Industry, legalForms } from "./industries";
import { fullName, type PersonName, surname } from "./names";
import type { Random } from "./random";
import { weighted } from "./random";
import { translit } from "./translit";

/**
 * Company names built from word parts the way Russian firms are actually named: fused
 * («Уралтехкомплект»), hyphenated («Северсталь-Снаб»), brand words («Вектор Плюс»), an
 * adjective with a trade noun («Сибирская логистика»), a founder's surname («Петров и
 * партнёры»). The brand is what sits inside the quotes; the domain is made from it.
 */

export interface CompanyNaming {
  /** «ООО «Уралтехкомплект»» — the short name shown in lists. */
  name: string;
  /** «Общество с ограниченной ответственностью «Уралтехкомплект»» — as in the register. */
  fullName: string;
  /** «Уралтехкомплект», or the person's surname for ИП. */
  brand: string;
  /** uraltehkomplekt.ru */
  domain: string;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Pattern = (random: Random, industry: Industry) => string;

const patterns = weighted<Pattern>([
  // Урал + тех + комплект
  [
    (r, ind) => {
      const tail = r.pick(ind.tails.filter((t) => !t.includes(" ")));
      const stem = r.chance(0.5) ? r.pick(ind.stems) : "";
      return `${r.pick(geoRoots)}${stem}${tail.toLowerCase()}`;
    },
    30,
  ],
  // Северсталь-Снаб, Волга-Логистик
  [(r, ind) => `${r.pick(geoRoots)}-${r.pick(ind.tails)}`, 22],
  // Вектор, Гранит-Строй, Меридиан Плюс
  [
    (r, ind) => {
      const brand = r.pick(brandWords);
      const roll = r.next();
      if (roll < 0.3) return brand;
      if (roll < 0.6) return `${brand}-${r.pick(ind.tails)}`;
      if (roll < 0.75) return `${brand} ${r.pick(["Плюс", "Групп", "М", "Центр", "Регион"])}`;
      if (roll < 0.85) return `${brand}-${r.int(1, 99)}`;
      return `${brand}${r.pick(ind.stems)}`;
    },
    25,
  ],
  // Сибирская логистика, Уральский завод металлоконструкций
  [
    (r, ind) => {
      const [noun, gender] = r.pick(ind.nouns);
      const forms = r.pick(adjectives);
      const adjective = gender === "m" ? forms[0] : gender === "f" ? forms[1] : forms[2];
      return `${adjective} ${noun}`;
    },
    15,
  ],
  // Петров и партнёры, Кузнецов и К
  [(r) => `${surname(r)} ${r.pick(["и партнёры", "и К", "и сыновья"])}`, 4],
  // ТехноСнаб, ПромСтрой: two stems in CamelCase, a 2000s fashion
  [(r, ind) => `${capitalize(r.pick(ind.stems))}${capitalize(r.pick(ind.stems))}`, 4],
]);

const tlds = weighted([
  ["ru", 85],
  ["com", 8],
  ["net", 3],
  ["su", 1],
  ["org", 3],
] as const);

/** A Latin domain from the brand: «Северсталь-Снаб» → severstal-snab.ru. */
export function domainOf(random: Random, brand: string): string {
  const label = translit(brand)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${label || "company"}.${random.pickWeighted(tlds)}`;
}

/** The name of a legal entity of that industry. */
export function legalEntityName(random: Random, industry: Industry): CompanyNaming {
  const brand = random.pickWeighted(patterns)(random, industry);
  const form = random.pickWeighted(legalForms);
  return {
    name: `${form.short} «${brand}»`,
    fullName: `${form.full} «${brand}»`,
    brand,
    domain: domainOf(random, brand),
  };
}

/** «ИП Иванова Мария Петровна», the form the register and invoices use. */
export function entrepreneurName(random: Random, person: PersonName): CompanyNaming {
  const name = fullName(person);
  return {
    name: `ИП ${name}`,
    fullName: `Индивидуальный предприниматель ${name}`,
    brand: person.lastName,
    domain: domainOf(random, `${person.lastName}-${person.firstName}`),
  };
}
