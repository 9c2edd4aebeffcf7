/** Latin transliteration of Russian names for the demo e-mail boxes and web domains. */
const translitTable: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** Latin letters for e-mail boxes and domains (the simple passport-style scheme). */
export function translit(text: string): string {
  return text.toLowerCase().replace(/[а-яё]/g, (ch) => translitTable[ch] ?? ch);
}
