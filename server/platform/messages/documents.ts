import type { Locale } from "../../../contracts/common";

/** Error texts of documents, mail and invoices, by stable code; merged into the one message table. */
export const documentsMessages = {
  mail_not_configured: {
    ru: "Почта не настроена: укажите SMTP-сервер в Настройках → Почта.",
    en: "Mail is not configured: set the SMTP server in Settings → Mail.",
  },
  mail_unreachable: {
    ru: "Почтовый сервер недоступен: {reason}",
    en: "The mail server cannot be reached: {reason}",
  },
  mail_rejected: {
    ru: "Почтовый сервер отклонил письмо: {reason}",
    en: "The mail server refused the letter: {reason}",
  },
  document_template_invalid: {
    ru: "Шаблон Word не подходит: {reason}",
    en: "The Word template cannot be used: {reason}",
  },
  document_render_failed: {
    ru: "Не удалось сформировать документ по шаблону: {reason}",
    en: "The document could not be made from the template: {reason}",
  },
  proposal_not_sendable: {
    ru: "Отправить можно только согласованное КП или КП в пределах ваших полномочий (сейчас статус «{status}»).",
    en: "Only an approved proposal, or one within your limits, can be sent (its status is “{status}”).",
  },
  proposal_no_recipient: {
    ru: "У контакта нет адреса электронной почты.",
    en: "The contact has no email address.",
  },
  proposal_not_accepted: {
    ru: "Счёт выставляется только по принятому клиентом КП (сейчас статус «{status}»).",
    en: "An invoice can only be made from a proposal the client accepted (its status is “{status}”).",
  },
  proposal_no_organisation: {
    ru: "Организация-продавец КП не найдена.",
    en: "The proposal's selling organisation was not found.",
  },
  payment_amount_positive: {
    ru: "Сумма оплаты должна быть больше нуля.",
    en: "The payment amount must be greater than zero.",
  },
  payment_exceeds_due: {
    ru: "Сумма оплаты больше остатка по счёту ({due} руб.).",
    en: "The payment is more than what is left to pay ({due} RUB).",
  },
  invoice_cancelled: {
    ru: "Счёт аннулирован.",
    en: "The invoice is cancelled.",
  },
} satisfies Record<string, Record<Locale, string>>;
