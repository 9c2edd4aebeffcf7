import type { Locale } from "../../../contracts/common";

/** Error texts of the reliability module, by stable code; merged into the one message table. */
export const reliabilityMessages = {
  statement_invalid: {
    ru: "Отчётность не сохранена: проверьте строки ({count}).",
    en: "The statements were not saved: check the lines ({count}).",
  },
  history_invalid: {
    ru: "История оплат не загружена: ошибки в строках ({count}).",
    en: "The payment history was not imported: errors in rows ({count}).",
  },
  registry_not_configured: {
    ru: "Реестр не настроен: укажите адрес и токен в настройках.",
    en: "The registry is not set up: enter its URL and token in the settings.",
  },
} satisfies Record<string, Record<Locale, string>>;

/** Field-level reasons, already in the caller's language (the field table is shared). */
export const reliabilityFieldMessages: Record<string, Record<Locale, string>> = {
  unknown_code: {
    ru: "Такой строки нет в списке кодов отчётности (1100…2400)",
    en: "Not one of the statement line codes (1100…2400)",
  },
  not_a_number: { ru: "Нужно число в тысячах рублей", en: "A number in thousands of roubles is needed" },
  negative: { ru: "Эта строка не может быть отрицательной", en: "This line cannot be negative" },
  total: {
    ru: "Итог баланса (1600) не равен сумме разделов",
    en: "The balance total (1600) does not equal the sum of its sections",
  },
  date: { ru: "Дата в формате ГГГГ-ММ-ДД или ДД.ММ.ГГГГ", en: "A date as YYYY-MM-DD or DD.MM.YYYY" },
  amount: { ru: "Сумма в рублях, например 1234,50", en: "An amount in roubles, e.g. 1234.50" },
};
