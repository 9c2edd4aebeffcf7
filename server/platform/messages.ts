import type { Locale } from "../../contracts/common";
import { activitiesMessages } from "./messages/activities";
import { cadencesMessages } from "./messages/cadences";
import { catalogueMessages } from "./messages/catalogue";
import { dealsMessages } from "./messages/deals";
import { documentsMessages } from "./messages/documents";
import { proposalsMessages } from "./messages/proposals";
import { reliabilityMessages } from "./messages/reliability";

/**
 * Error texts by stable code, in both UI languages. `{name}` placeholders are filled from the
 * error's params. Module-specific codes are added here too, so a code is defined once.
 */
const messages = {
  bad_request: { ru: "Неверный запрос.", en: "Bad request." },
  malformed_json: {
    ru: "Тело запроса не является корректным JSON.",
    en: "The request body is not valid JSON.",
  },
  validation: { ru: "Проверьте введённые данные.", en: "Please check the data you entered." },
  unauthenticated: { ru: "Войдите в систему.", en: "Please sign in." },
  invalid_credentials: { ru: "Неверный email или пароль.", en: "Wrong email or password." },
  forbidden: { ru: "Недостаточно прав для этого действия.", en: "You are not allowed to do this." },
  csrf: {
    ru: "Запрос отклонён: он пришёл не со страницы Accord.",
    en: "Request refused: it did not come from an Accord page.",
  },
  token_scope: {
    ru: "У токена API нет права на запись.",
    en: "This API token may only read.",
  },
  not_found: { ru: "Не найдено.", en: "Not found." },
  route_not_found: { ru: "Такого адреса в API нет: {route}.", en: "There is no such API address: {route}." },
  duplicate: { ru: "Такая запись уже существует.", en: "Such a record already exists." },
  duplicate_email: {
    ru: "Пользователь с таким email уже есть.",
    en: "A user with this email already exists.",
  },
  stale_version: {
    ru: "Запись изменил кто-то другой (текущая версия {currentVersion}). Обновите страницу и повторите.",
    en: "Someone else changed this record (current version {currentVersion}). Reload and try again.",
  },
  setup_done: { ru: "Первоначальная настройка уже выполнена.", en: "Setup has already been done." },
  rate_limited: {
    ru: "Слишком много неудачных попыток входа. Повторите через 15 минут.",
    en: "Too many failed sign-in attempts. Try again in 15 minutes.",
  },
  too_large: { ru: "Слишком большой запрос.", en: "The request is too large." },
  unsupported_media_type: { ru: "Неподдерживаемый тип содержимого.", en: "Unsupported content type." },
  business_rule: { ru: "Действие нарушает правило: {reason}", en: "The action breaks a rule: {reason}" },
  invalid_head: {
    ru: "Руководителем может быть только активный пользователь с ролью «руководитель» или «администратор».",
    en: "The head must be an active user with the role head or admin.",
  },
  self_head: {
    ru: "Пользователь не может быть руководителем самому себе.",
    en: "A user cannot be their own head.",
  },
  head_cycle: {
    ru: "Такое подчинение образует цикл.",
    en: "This reporting line would form a cycle.",
  },
  last_admin: {
    ru: "Нельзя отключить или понизить последнего администратора.",
    en: "The last admin cannot be deactivated or demoted.",
  },
  import_empty_file: {
    ru: "Файл пуст: нет строки заголовков.",
    en: "The file is empty: there is no header row.",
  },
  import_file_type: {
    ru: "Файл не является CSV или XLSX (проверяется содержимое, а не имя файла).",
    en: "The file is not a CSV or XLSX (its content is checked, not its name).",
  },
  import_xls_unsupported: {
    ru: "Старый формат .xls не поддерживается: сохраните файл как .xlsx или CSV.",
    en: "The old .xls format is not supported: save the file as .xlsx or CSV.",
  },
  import_unreadable: { ru: "Файл повреждён или не читается.", en: "The file is damaged or unreadable." },
  import_finished: {
    ru: "Импорт уже завершён, отменять нечего.",
    en: "The import has already finished; there is nothing to cancel.",
  },
  wrong_password: { ru: "Текущий пароль указан неверно.", en: "The current password is wrong." },
  invalid_owner: {
    ru: "Ответственным может быть только активный пользователь.",
    en: "The owner must be an active user.",
  },
  not_deleted: { ru: "Запись не удалена.", en: "The record is not deleted." },
  contact_erased: {
    ru: "Персональные данные контакта уничтожены по закону о персональных данных; восстановить его нельзя.",
    en: "This contact's personal data was erased under the personal data law; it cannot be restored.",
  },
  merge_into_self: {
    ru: "Компанию нельзя объединить саму с собой.",
    en: "A company cannot be merged into itself.",
  },
  company_merged: {
    ru: "Компания объединена с другой; восстановить её нельзя — откройте основную карточку.",
    en: "The company was merged into another one and cannot be restored; open the main card.",
  },
  company_deleted: {
    ru: "Компания удалена: сначала восстановите её.",
    en: "The company is deleted: restore it first.",
  },
  privacy_request_mismatch: {
    ru: "Запрос субъекта персональных данных относится к другому контакту или уже закрыт.",
    en: "The data subject request is for another contact or is already closed.",
  },
  internal: {
    ru: "Внутренняя ошибка сервера. Мы записали её в журнал.",
    en: "Internal server error. It has been logged.",
  },
  unavailable: { ru: "Сервис временно недоступен.", en: "The service is temporarily unavailable." },
  ...dealsMessages,
  ...activitiesMessages,
  ...cadencesMessages,
  ...catalogueMessages,
  ...proposalsMessages,
  ...reliabilityMessages,
  ...documentsMessages,
} satisfies Record<string, Record<Locale, string>>;

export type MessageCode = keyof typeof messages;

export function isMessageCode(code: string): code is MessageCode {
  return Object.hasOwn(messages, code);
}

export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = isMessageCode(code) ? messages[code] : messages.bad_request;
  return entry[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ""));
}

/** Picks ru or en from an Accept-Language header; Russian is the product's first language. */
export function localeFrom(acceptLanguage: string | undefined, fallback: Locale = "ru"): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "ru") return "ru";
    if (tag === "en") return "en";
  }
  return fallback;
}
