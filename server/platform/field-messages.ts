import type { Locale } from "../../contracts/common";

/**
 * Localised texts for field-level validation issues. Zod's issue codes are mapped here; a
 * custom issue may carry its own code as the message (e.g. "inn_checksum") that is looked up too.
 */
type Issue = {
  code: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  input?: unknown;
  format?: string;
  values?: readonly unknown[];
};

const custom: Record<string, Record<Locale, string>> = {
  required: { ru: "Обязательное поле", en: "Required" },
  inn_checksum: { ru: "ИНН не проходит проверку контрольной суммы", en: "The INN checksum does not match" },
  inn_format: { ru: "ИНН — 10 или 12 цифр", en: "An INN is 10 or 12 digits" },
  kpp_format: {
    ru: "КПП — 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры",
    en: "A KPP is 9 characters: 4 digits, 2 digits or capital Latin letters, 3 digits",
  },
  ogrn_checksum: {
    ru: "ОГРН не проходит проверку контрольной суммы",
    en: "The OGRN checksum does not match",
  },
  ogrn_format: { ru: "ОГРН — 13 цифр, ОГРНИП — 15 цифр", en: "An OGRN is 13 digits, an OGRNIP 15 digits" },
  bik_format: { ru: "БИК — 9 цифр", en: "A BIK is 9 digits" },
  account_format: { ru: "Счёт — 20 цифр", en: "An account number is 20 digits" },
  account_checksum: {
    ru: "Счёт не соответствует БИК (контрольный ключ)",
    en: "The account does not match the BIK (check key)",
  },
  account_needs_bik: { ru: "Для проверки счёта укажите БИК", en: "Enter the BIK to check the account" },
  snils_checksum: { ru: "СНИЛС не проходит проверку", en: "The SNILS check fails" },
  phone_format: { ru: "Неверный номер телефона", en: "Invalid phone number" },
  email_format: { ru: "Неверный email", en: "Invalid email" },
  money: {
    ru: "Сумма: число с не более чем двумя знаками после запятой",
    en: "An amount: a number with at most two decimals",
  },
  nul_character: { ru: "Текст содержит недопустимый символ NUL", en: "The text contains a NUL character" },
  unknown_field: { ru: "Неизвестное поле", en: "Unknown field" },
  import_not_yours: {
    ru: "Такая запись уже есть в базе и закреплена за другим ответственным",
    en: "A matching record exists and belongs to another owner",
  },
  import_company_not_found: {
    ru: "Компания с таким ИНН не найдена среди доступных вам",
    en: "No company with this INN among those you can reach",
  },
  owner_invalid: { ru: "Выберите активного пользователя", en: "Choose an active user" },
  one_target: {
    ru: "Укажите одно из трёх: компании, контакты или фильтр списка клиентов",
    en: "Give exactly one of: companies, contacts or a clients-list filter",
  },
};

/** The text of a field code such as "inn_checksum", or undefined when `code` is not one. */
export function customFieldMessage(code: string, locale: Locale): string | undefined {
  return Object.hasOwn(custom, code) ? custom[code]![locale] : undefined;
}

export function fieldMessage(issue: Issue, locale: Locale): string {
  const own = issue.message ? custom[issue.message] : undefined;
  if (own) return own[locale];
  const ru = locale === "ru";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return custom.required![locale];
      return ru
        ? `Ожидается ${typeName(issue.expected, true)}`
        : `Expected ${typeName(issue.expected, false)}`;
    case "too_small":
      if (issue.origin === "string")
        return issue.minimum === 1
          ? custom.required![locale]
          : ru
            ? `Не короче ${issue.minimum} символов`
            : `At least ${issue.minimum} characters`;
      if (issue.origin === "array")
        return ru ? `Не меньше ${issue.minimum} элементов` : `At least ${issue.minimum} items`;
      return ru ? `Не меньше ${issue.minimum}` : `At least ${issue.minimum}`;
    case "too_big":
      if (issue.origin === "string")
        return ru ? `Не длиннее ${issue.maximum} символов` : `At most ${issue.maximum} characters`;
      if (issue.origin === "array")
        return ru ? `Не больше ${issue.maximum} элементов` : `At most ${issue.maximum} items`;
      return ru ? `Не больше ${issue.maximum}` : `At most ${issue.maximum}`;
    case "invalid_format":
      if (issue.format === "email") return custom.email_format![locale];
      if (issue.format === "uuid") return ru ? "Неверный идентификатор" : "Invalid identifier";
      return ru ? "Неверный формат" : "Invalid format";
    case "invalid_value":
      return ru
        ? `Допустимые значения: ${(issue.values ?? []).join(", ")}`
        : `Allowed values: ${(issue.values ?? []).join(", ")}`;
    case "unrecognized_keys":
      return custom.unknown_field![locale];
    default:
      return ru ? "Неверное значение" : "Invalid value";
  }
}

function typeName(expected: string | undefined, ru: boolean): string {
  const names: Record<string, [string, string]> = {
    string: ["строка", "a string"],
    number: ["число", "a number"],
    boolean: ["да/нет", "true or false"],
    array: ["список", "a list"],
    object: ["объект", "an object"],
  };
  const n = expected ? names[expected] : undefined;
  return n ? n[ru ? 0 : 1] : (expected ?? "");
}
