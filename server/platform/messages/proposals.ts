import type { Locale } from "../../../contracts/common";

/** Error texts of the proposals module, by stable code; merged into the one message table. */
export const proposalsMessages = {
  proposal_product_unavailable: {
    ru: "Товар не найден, удалён или снят с продажи.",
    en: "The product is not found, deleted or no longer sold.",
  },
  proposal_no_organisation: {
    ru: "Не задана организация-продавец: добавьте её в настройках («Наши организации»).",
    en: "No selling organisation: add one in the settings (Our organisations).",
  },
  proposal_company_unavailable: {
    ru: "Клиент удалён: сначала восстановите его.",
    en: "The client is deleted: restore it first.",
  },
  proposal_frozen: {
    ru: "КП в статусе «{status}» не редактируется: создайте новую редакцию.",
    en: "A proposal in status {status} cannot be edited: create a new revision.",
  },
  proposal_bad_status: {
    ru: "Из статуса «{status}» это действие недоступно.",
    en: "This action is not available in status {status}.",
  },
  proposal_needs_approval: {
    ru: "КП превышает ваши полномочия: отправьте его на согласование руководителю.",
    en: "The proposal exceeds your authority: submit it for your head's approval.",
  },
  proposal_empty: {
    ru: "В КП нет ни одной позиции.",
    en: "The proposal has no lines.",
  },
  proposal_not_current: {
    ru: "Это не последняя редакция КП.",
    en: "This is not the latest revision of the proposal.",
  },
  proposal_compare_other: {
    ru: "Сравнивать можно только редакции одного КП.",
    en: "Only revisions of the same proposal can be compared.",
  },
  proposal_contact_mismatch: {
    ru: "Контакт не относится к этому клиенту.",
    en: "The contact does not belong to this client.",
  },
  approval_decided: {
    ru: "Решение по этому запросу уже принято.",
    en: "This request has already been decided.",
  },
  approval_not_approver: {
    ru: "Решение принимает назначенный руководитель или администратор.",
    en: "Only the assigned approver or an admin may decide.",
  },
  approval_no_approver: {
    ru: "Некому согласовать: нет ни руководителя, ни администратора.",
    en: "Nobody can approve: there is neither a head nor an admin.",
  },
} satisfies Record<string, Record<Locale, string>>;
