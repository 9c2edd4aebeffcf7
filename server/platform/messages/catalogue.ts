import type { Locale } from "../../../contracts/common";

/** Error texts of the catalogue module, by stable code; merged into the one message table. */
export const catalogueMessages = {
  credit_limit_approval_requested: {
    ru: "Кредитный лимит {amount} ₽ выше рекомендованного по надёжности клиента ({limit} ₽): запрос на согласование отправлен руководителю, лимит вступит в силу после одобрения. Другие изменения условий не сохранены — сохраните их отдельно.",
    en: "A credit limit of {amount} ₽ is above the one recommended by the client's reliability ({limit} ₽): the request went to your head and the limit applies once approved. Other changes to the terms were not saved; save them separately.",
  },
  credit_limit_no_approver: {
    ru: "Кредитный лимит выше рекомендованного ({limit} ₽), а согласовать его некому: назначьте руководителя.",
    en: "The credit limit is above the recommended {limit} ₽ and there is nobody to approve it: assign a head.",
  },
  catalogue_rule: {
    ru: "Данные не соответствуют правилам — проверьте отмеченные поля.",
    en: "The data breaks a rule — check the marked fields.",
  },
  sku_taken: {
    ru: "Товар с артикулом «{sku}» уже есть в каталоге.",
    en: "A product with SKU “{sku}” is already in the catalogue.",
  },
  group_not_empty: {
    ru: "В группе есть товары или подгруппы — сначала перенесите их.",
    en: "The group still has products or subgroups — move them first.",
  },
  catalogue_import_invalid: {
    ru: "Файл не загружен: ошибки в строках ({count}). Каталог не изменён.",
    en: "The file was not loaded: errors in rows ({count}). The catalogue is unchanged.",
  },
  catalogue_import_too_many: {
    ru: "В файле больше {max} строк — разделите его на части.",
    en: "The file has more than {max} rows — split it into parts.",
  },
  catalogue_import_header: {
    ru: "В файле нет обязательных столбцов: {missing}.",
    en: "The file lacks required columns: {missing}.",
  },
} satisfies Record<string, Record<Locale, string>>;
