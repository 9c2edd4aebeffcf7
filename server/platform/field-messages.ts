import type { Locale } from "../../contracts/common";
import { activitiesFieldMessages } from "./messages/activities";

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
  ...activitiesFieldMessages,
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
  product_unavailable: {
    ru: "Товар не найден, удалён или снят с продажи",
    en: "The product is not found, deleted or no longer sold",
  },
  percent: {
    ru: "Процент от 0 до 100, не более двух знаков",
    en: "A percentage 0 to 100, two decimals at most",
  },
  quantity: {
    ru: "Количество больше нуля, не более трёх знаков после запятой",
    en: "A quantity above zero, three decimals at most",
  },
  // Catalogue, prices, discounts, terms, organisations, authority limits.
  okei_unknown: { ru: "Нет такого кода единицы по ОКЕИ", en: "No such ОКЕИ unit code" },
  sku_taken: { ru: "Такой артикул уже есть в каталоге", en: "This SKU is already in the catalogue" },
  percent_format: {
    ru: "Процент: число с не более чем двумя знаками после запятой",
    en: "A percentage: a number with at most two decimals",
  },
  percent_range: { ru: "Процент — от 0 до 100", en: "A percentage is from 0 to 100" },
  quantity_format: {
    ru: "Количество: число с не более чем тремя знаками после запятой",
    en: "A quantity: a number with at most three decimals",
  },
  positive_required: { ru: "Должно быть больше нуля", en: "Must be greater than zero" },
  not_negative: { ru: "Не может быть отрицательным", en: "Cannot be negative" },
  dates_order: { ru: "Дата окончания раньше даты начала", en: "The end date is before the start date" },
  dates_required: {
    ru: "Для акции укажите даты начала и окончания",
    en: "A promotion needs a start and an end date",
  },
  company_required: { ru: "Выберите клиента", en: "Choose a client" },
  segment_required: { ru: "Укажите сегмент", en: "Enter a segment" },
  group_required: { ru: "Выберите группу товаров", en: "Choose a product group" },
  not_found_ref: { ru: "Запись не найдена или недоступна", en: "The record is not found or not available" },
  group_cycle: { ru: "Группа не может входить сама в себя", en: "A group cannot be inside itself" },
  terms_kind_mismatch: { ru: "Шаблон другого вида условий", en: "The template is of another kind of terms" },
  prepayment_range: { ru: "Предоплата — от 0 до 100 %", en: "Prepayment is from 0 to 100 %" },
  defer_days_range: { ru: "Отсрочка — от 0 до 365 дней", en: "Deferment is from 0 to 365 days" },
  defer_kind_required: {
    ru: "Укажите, в каких днях отсрочка",
    en: "Say whether the days are calendar or working",
  },
  delivery_method_required: { ru: "Выберите способ доставки", en: "Choose a delivery method" },
  logo_format: { ru: "Логотип — изображение PNG или JPEG", en: "The logo must be a PNG or JPEG image" },
  logo_too_large: { ru: "Логотип — не больше 200 КБ", en: "The logo must be at most 200 KB" },
  vat_rate_unknown: {
    ru: "Ставка НДС: 22, 10, 5, 7, 0 или «без НДС»",
    en: "VAT rate: 22, 10, 5, 7, 0 or “none”",
  },
  price_format: {
    ru: "Цена: неотрицательное число, не более двух знаков после запятой",
    en: "A price: a non-negative number with at most two decimals",
  },
  invalid_boolean: { ru: "Ожидается «да» или «нет»", en: "Expected “yes” or “no”" },
  too_long: { ru: "Слишком длинный текст", en: "The text is too long" },
  duplicate_in_file: { ru: "Артикул повторяется в файле", en: "The SKU repeats in the file" },
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
