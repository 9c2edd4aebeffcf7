import {
  CompanyImportFields,
  ContactImportFields,
  type ImportEntity,
  type ImportMapping,
} from "../../../contracts/imports";
import { AppError } from "../../platform/errors";

/**
 * Header synonyms seen in files from 1C, amoCRM, Bitrix24 and hand-made Excel sheets, in
 * Russian and English. Headers are compared after `normalizeHeader`, so case, «ё», dots and
 * extra spaces do not matter.
 */
const companySynonyms: Record<(typeof CompanyImportFields)[number], string[]> = {
  name: [
    "наименование",
    "название",
    "название компании",
    "компания",
    "организация",
    "контрагент",
    "краткое наименование",
    "сокращенное наименование",
    "клиент",
    "name",
    "company",
    "company name",
    "organization",
  ],
  fullName: ["полное наименование", "полное название", "наименование полное", "full name", "legal name"],
  kind: ["тип", "вид", "тип компании", "вид контрагента", "юр физ лицо", "правовая форма", "kind", "type"],
  status: ["статус", "статус клиента", "status"],
  inn: ["инн", "инн контрагента", "инн организации", "inn", "tax id", "taxpayer id"],
  kpp: ["кпп", "kpp"],
  ogrn: ["огрн", "огрнип", "огрн огрнип", "ogrn"],
  bik: ["бик", "бик банка", "bik", "bic"],
  account: [
    "р с",
    "р сч",
    "расчетный счет",
    "номер счета",
    "счет",
    "расч счет",
    "account",
    "bank account",
    "settlement account",
  ],
  corrAccount: [
    "к с",
    "корр счет",
    "корреспондентский счет",
    "кор счет",
    "корр счет банка",
    "correspondent account",
  ],
  bankName: ["банк", "наименование банка", "bank", "bank name"],
  industry: ["отрасль", "сфера деятельности", "вид деятельности", "индустрия", "industry"],
  region: ["регион", "область", "субъект рф", "region"],
  city: ["город", "населенный пункт", "city", "town"],
  segment: ["сегмент", "категория", "segment"],
  source: ["источник", "источник клиента", "канал", "source", "lead source"],
  owner: [
    "ответственный",
    "ответственный менеджер",
    "менеджер",
    "владелец",
    "owner",
    "responsible",
    "manager",
  ],
  tags: ["теги", "тег", "метки", "tags", "tag", "labels"],
  phones: [
    "телефон",
    "телефоны",
    "рабочий телефон",
    "мобильный телефон",
    "другой телефон",
    "телефон компании",
    "phone",
    "phones",
    "work phone",
    "mobile phone",
    "telephone",
  ],
  emails: [
    "email",
    "e mail",
    "эл почта",
    "электронная почта",
    "почта",
    "рабочий e mail",
    "email рабочий",
    "e mail рабочий",
    "рабочий email",
    "другой e mail",
    "emails",
    "mail",
  ],
  website: ["сайт", "веб сайт", "корпоративный сайт", "web", "website", "site", "url"],
  address: ["адрес", "юридический адрес", "фактический адрес", "адрес компании", "address", "legal address"],
  notes: ["примечание", "комментарий", "описание", "заметки", "notes", "comment", "description"],
};

const contactSynonyms: Record<(typeof ContactImportFields)[number], string[]> = {
  lastName: ["фамилия", "last name", "surname", "family name"],
  firstName: ["имя", "first name", "given name"],
  middleName: ["отчество", "middle name", "patronymic"],
  fullName: ["фио", "ф и о", "контакт", "контактное лицо", "full name", "contact", "contact name", "name"],
  position: ["должность", "position", "title", "job title"],
  phones: companySynonyms.phones,
  emails: companySynonyms.emails,
  notes: companySynonyms.notes,
  companyInn: ["инн компании", "инн", "инн организации", "inn", "company inn"],
  owner: companySynonyms.owner,
};

export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function dictionary(synonyms: Record<string, string[]>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [field, names] of Object.entries(synonyms))
    for (const name of names) map.set(normalizeHeader(name), field);
  return map;
}

const dictionaries: Record<ImportEntity, Map<string, string>> = {
  companies: dictionary(companySynonyms),
  contacts: dictionary(contactSynonyms),
};

export const entityFields: Record<ImportEntity, readonly string[]> = {
  companies: CompanyImportFields,
  contacts: ContactImportFields,
};

/** Fields that take several values, so several columns may be mapped to them. */
const listFields = new Set(["phones", "emails", "tags"]);

/**
 * The suggested mapping: a header's synonym, else a synonym its words start with
 * («Телефон рабочий (2)»). A single-value field is suggested for its first column only.
 */
export function suggestMapping(entity: ImportEntity, header: readonly string[]): ImportMapping {
  const dict = dictionaries[entity];
  const taken = new Set<string>();
  const mapping: ImportMapping = {};
  for (const column of header) {
    const key = normalizeHeader(column);
    let field = dict.get(key) ?? dict.get(key.replace(/\s\d+$/, ""));
    if (!field) {
      for (const [synonym, f] of dict)
        if (synonym.length >= 3 && key.startsWith(`${synonym} `) && !taken.has(f)) {
          field = f;
          break;
        }
    }
    if (field && (listFields.has(field) || !taken.has(field))) {
      mapping[column] = field;
      taken.add(field);
    } else mapping[column] = null;
  }
  return mapping;
}

/** Checks a mapping against the entity's fields and the file's header (400 on a mistake). */
export function checkMapping(entity: ImportEntity, header: readonly string[], mapping: ImportMapping): void {
  const fields = entityFields[entity];
  const columns = new Set(header);
  const errors: { path: string; message: string }[] = [];
  const used = new Set<string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!field) continue;
    if (!columns.has(column)) errors.push({ path: `mapping.${column}`, message: "unknown column" });
    else if (!fields.includes(field)) errors.push({ path: `mapping.${column}`, message: "unknown field" });
    else if (used.has(field) && !listFields.has(field))
      errors.push({ path: `mapping.${column}`, message: "field mapped twice" });
    used.add(field);
  }
  if (errors.length) throw AppError.validation(errors);
  const required = entity === "companies" ? ["name"] : ["lastName", "fullName"];
  if (!required.some((f) => used.has(f)))
    throw AppError.validation([{ path: "mapping", message: `map a column to ${required.join(" or ")}` }]);
}

/** The mapping as column positions, for the hot loop. */
export function columnsOf(
  header: readonly string[],
  mapping: ImportMapping,
): { index: number; field: string }[] {
  const out: { index: number; field: string }[] = [];
  header.forEach((column, index) => {
    const field = mapping[column];
    if (field) out.push({ index, field });
  });
  return out;
}
