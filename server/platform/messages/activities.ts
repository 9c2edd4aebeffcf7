import type { Locale } from "../../../contracts/common";

/** Error texts of the activities module, by stable code; merged into the one message table. */
export const activitiesMessages = {
  activity_due_required: {
    ru: "Для задачи и встречи укажите дату и время.",
    en: "A task or a meeting needs a due date and time.",
  },
  activity_end_before_start: {
    ru: "Окончание встречи не может быть раньше её начала.",
    en: "A meeting cannot end before it starts.",
  },
  reminder_in_past: {
    ru: "Напоминание в прошлом не сработает: выберите время позже текущего.",
    en: "A reminder in the past would never fire: choose a time later than now.",
  },
  reminder_after_done: {
    ru: "Выполненному делу напоминание не нужно.",
    en: "A completed activity needs no reminder.",
  },
  assignee_outside_team: {
    ru: "Менеджер может назначать задачи только себе, своим подчинённым и своему руководителю.",
    en: "A manager may assign tasks only to themselves, the people who report to them and their own head.",
  },
  assignee_inactive: {
    ru: "Исполнитель должен быть активным пользователем.",
    en: "The assignee must be an active user.",
  },
  activity_target_missing: {
    ru: "Компания, контакт или сделка не найдены среди доступных вам.",
    en: "The company, contact or deal is not among those you can reach.",
  },
  activity_already_done: {
    ru: "Дело уже выполнено.",
    en: "This activity is already done.",
  },
  activity_not_done: {
    ru: "Дело ещё не выполнено — возобновлять нечего.",
    en: "This activity is not done, so there is nothing to reopen.",
  },
  activity_not_deleted: {
    ru: "Дело не удалено.",
    en: "This activity is not deleted.",
  },
  calendar_range_too_long: {
    ru: "Календарь показывает не больше 62 дней за раз.",
    en: "The calendar shows at most 62 days at a time.",
  },
  calendar_range_order: {
    ru: "Начало периода должно быть раньше конца.",
    en: "The start of the period must be before its end.",
  },
} satisfies Record<string, Record<Locale, string>>;

/** Field-level texts of the activities forms (looked up by field-messages). */
export const activitiesFieldMessages = {
  activity_due_required: { ru: "Укажите дату и время", en: "Enter a date and time" },
  activity_end_before_start: { ru: "Окончание раньше начала", en: "Ends before it starts" },
  reminder_in_past: { ru: "Время напоминания уже прошло", en: "This reminder time has passed" },
  reminder_after_done: {
    ru: "Выполненному делу напоминание не нужно",
    en: "A done activity needs no reminder",
  },
  assignee_outside_team: {
    ru: "Можно назначить себе, подчинённому или своему руководителю",
    en: "Assign to yourself, a report or your own head",
  },
  assignee_inactive: { ru: "Выберите активного пользователя", en: "Choose an active user" },
  activity_target_missing: { ru: "Не найдено среди доступных вам", en: "Not among those you can reach" },
} satisfies Record<string, Record<Locale, string>>;
