/**
 * Units of measurement by the All-Russian classifier ОКЕИ (ОК 015-94 (МК 002-97), adopted by
 * Gosstandart decree No. 366 of 26.12.1994, with later amendments). Codes are strings: the
 * leading zeros of 006 «метр» or 055 «квадратный метр» are part of the code, and printed
 * documents (invoices, УПД) show the code as the classifier writes it.
 *
 * This is the subset a sales catalogue needs; each entry is `code → short and full name` as in
 * the classifier's national designations.
 */
export type OkeiUnit = { code: string; short: string; name: string };

export const OKEI_UNITS: readonly OkeiUnit[] = [
  { code: "006", short: "м", name: "Метр" },
  { code: "008", short: "км", name: "Километр" },
  { code: "018", short: "пог. м", name: "Погонный метр" },
  { code: "055", short: "м2", name: "Квадратный метр" },
  { code: "111", short: "см3", name: "Кубический сантиметр; миллилитр" },
  { code: "112", short: "л", name: "Литр; кубический дециметр" },
  { code: "113", short: "м3", name: "Кубический метр" },
  { code: "163", short: "г", name: "Грамм" },
  { code: "166", short: "кг", name: "Килограмм" },
  { code: "168", short: "т", name: "Тонна; метрическая тонна (1000 кг)" },
  { code: "355", short: "мин", name: "Минута" },
  { code: "356", short: "ч", name: "Час" },
  { code: "359", short: "сут", name: "Сутки" },
  { code: "362", short: "мес", name: "Месяц" },
  { code: "366", short: "год", name: "Год" },
  { code: "625", short: "л.", name: "Лист" },
  { code: "642", short: "ед", name: "Единица" },
  { code: "704", short: "набор", name: "Набор" },
  { code: "715", short: "пар", name: "Пара (2 шт.)" },
  { code: "736", short: "рул", name: "Рулон" },
  { code: "778", short: "упак", name: "Упаковка" },
  { code: "796", short: "шт", name: "Штука" },
  { code: "839", short: "компл", name: "Комплект" },
  { code: "876", short: "усл. ед", name: "Условная единица" },
];

const byCode = new Map(OKEI_UNITS.map((u) => [u.code, u]));

/** The unit of a code, or undefined when the code is not in the list. */
export function okeiUnit(code: string): OkeiUnit | undefined {
  return byCode.get(code);
}

export function isOkeiCode(code: string): boolean {
  return byCode.has(code);
}

/** The short designation for documents ("шт"), or the code itself when it is unknown. */
export function okeiShort(code: string): string {
  return byCode.get(code)?.short ?? code;
}

/**
 * The code a person typed in an import file: the code itself ("796", "6" for "006") or a short
 * designation ("шт", "кг", case and a trailing dot ignored). Undefined when nothing matches.
 */
export function okeiCodeOf(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (/^\d{1,4}$/.test(text)) {
    const code = text.padStart(3, "0");
    return byCode.has(code) ? code : undefined;
  }
  const bare = text.replace(/\.$/, "");
  return OKEI_UNITS.find((u) => u.short.toLowerCase().replace(/\.$/, "") === bare)?.code;
}
