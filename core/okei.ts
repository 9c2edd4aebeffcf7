/**
 * ОКЕИ (Общероссийский классификатор единиц измерения, ОК 015-94): codes and the short
 * Russian names documents print. Only the units a sales catalogue uses.
 */
export const OKEI_UNITS: Readonly<Record<string, { short: string; name: string }>> = {
  "006": { short: "м", name: "Метр" },
  "055": { short: "м2", name: "Квадратный метр" },
  "113": { short: "м3", name: "Кубический метр" },
  "112": { short: "л", name: "Литр" },
  "163": { short: "г", name: "Грамм" },
  "166": { short: "кг", name: "Килограмм" },
  "168": { short: "т", name: "Тонна" },
  "356": { short: "ч", name: "Час" },
  "359": { short: "сут", name: "Сутки" },
  "362": { short: "мес", name: "Месяц" },
  "704": { short: "набор", name: "Набор" },
  "715": { short: "пар", name: "Пара (2 шт.)" },
  "736": { short: "рул", name: "Рулон" },
  "778": { short: "упак", name: "Упаковка" },
  "796": { short: "шт", name: "Штука" },
  "839": { short: "компл", name: "Комплект" },
  "876": { short: "усл. ед", name: "Условная единица" },
};

/** Short name of an ОКЕИ unit ("796" → «шт»); an unknown code prints as itself. */
export function okeiShortName(code: string): string {
  return OKEI_UNITS[code]?.short ?? code;
}
