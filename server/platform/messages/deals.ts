import type { Locale } from "../../../contracts/common";

/** Error texts of the deals module, by stable code; merged into the one message table. */
export const dealsMessages = {
  deal_won_needs_amount: {
    ru: "Чтобы отметить сделку выигранной, укажите её сумму (больше нуля).",
    en: "To mark the deal as won, enter its amount (greater than zero).",
  },
  deal_lost_needs_reason: {
    ru: "Чтобы отметить сделку проигранной, выберите причину проигрыша.",
    en: "To mark the deal as lost, choose the reason it was lost.",
  },
  deal_closed: {
    ru: "Сделка закрыта ({status}). Чтобы изменить её, сначала откройте её заново.",
    en: "The deal is closed ({status}). Reopen it before changing it.",
  },
  deal_not_closed: { ru: "Сделка и так открыта.", en: "The deal is already open." },
  deal_risk_approval_requested: {
    ru: "У клиента категория надёжности D: перевод сделки в «Договор» согласует руководитель. Запрос отправлен — после согласования повторите перевод.",
    en: "The client's reliability grade is D: moving the deal to Contract needs your head's approval. The request has been sent; move the deal again once it is approved.",
  },
  deal_risk_approval_pending: {
    ru: "Перевод сделки с клиентом категории D в «Договор» ждёт решения руководителя.",
    en: "Moving this D-grade client's deal to Contract is waiting for your head's decision.",
  },
  deal_risk_no_approver: {
    ru: "У клиента категория надёжности D, а согласовать перевод в «Договор» некому: назначьте руководителя.",
    en: "The client's grade is D and there is nobody to approve the move to Contract: assign a head.",
  },
  deal_next_step_required: {
    ru: "У открытой сделки должен быть следующий шаг и его дата.",
    en: "An open deal needs a next step and its date.",
  },
  deal_unknown_stage: {
    ru: "В воронке нет этапа «{stage}».",
    en: "The pipeline has no stage “{stage}”.",
  },
  deal_create_closed: {
    ru: "Новую сделку можно создать только на открытом этапе; закрытие — это перевод на этап.",
    en: "A new deal starts at an open stage; closing is a stage move.",
  },
  deal_contact_mismatch: {
    ru: "Контакт не относится к компании сделки.",
    en: "The contact does not belong to the deal's company.",
  },
  deal_unknown_reference: {
    ru: "Выбранная запись ({field}) не найдена.",
    en: "The chosen record ({field}) was not found.",
  },
  pipeline_stage_in_use: {
    ru: "Этап «{stage}» нельзя удалить: на нём есть сделки ({count}).",
    en: "Stage “{stage}” cannot be removed: it has deals ({count}).",
  },
  pipeline_stages_invalid: {
    ru: "Этапы воронки: ключи уникальны, есть хотя бы один открытый этап, ровно один «выиграна» и один «проиграна».",
    en: "Pipeline stages: unique keys, at least one open stage, exactly one won and one lost stage.",
  },
  pipeline_in_use: {
    ru: "Воронку нельзя удалить: в ней есть сделки или она основная.",
    en: "The pipeline cannot be deleted: it has deals or it is the default one.",
  },
} satisfies Record<string, Record<Locale, string>>;
