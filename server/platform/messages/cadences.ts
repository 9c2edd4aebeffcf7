import type { Locale } from "../../../contracts/common";

/** Error texts of contact schemes, constant contact and the production calendar, by stable code. */
export const cadencesMessages = {
  calendar_holiday_on_weekend: {
    ru: "{date} — выходной день; праздником можно отметить только будний день.",
    en: "{date} is a weekend day; only a weekday can be marked as a holiday.",
  },
  calendar_workday_on_weekday: {
    ru: "{date} — будний день; рабочим выходным можно сделать только субботу или воскресенье.",
    en: "{date} is a weekday; only a Saturday or Sunday can be made a working day.",
  },
  calendar_short_on_weekend: {
    ru: "{date} — выходной день; сокращённым может быть только рабочий будний день.",
    en: "{date} is a weekend day; only a working weekday can be shortened.",
  },
  cadence_inactive: {
    ru: "Схема «{name}» выключена: включите её, чтобы записывать клиентов.",
    en: "The scheme “{name}” is switched off: switch it on to enrol clients.",
  },
  cadence_positions: {
    ru: "Шаги схемы должны идти по порядку без пропусков.",
    en: "The steps of a scheme must be in order without gaps.",
  },
  enrolment_not_active: {
    ru: "Клиент уже не идёт по схеме (статус: {status}).",
    en: "The client is no longer in the scheme (status: {status}).",
  },
  enrol_target_required: {
    ru: "Укажите, кого записать: компании, контакты или фильтр списка клиентов.",
    en: "Say whom to enrol: companies, contacts or a filter of the clients list.",
  },
  enrol_contact_without_company: {
    ru: "У контакта нет компании: записывать можно только контакты клиентов.",
    en: "The contact has no company: only contacts of clients can be enrolled.",
  },
} satisfies Record<string, Record<Locale, string>>;
