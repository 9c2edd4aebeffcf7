import { describe, expect, it } from "vitest";
import { amountInWords, numberInWords, pluralRu } from "./amount-in-words";
import { parseMoney } from "./money";

/** Amount in words from a rouble string, as a document would call it. */
const words = (roubles: string, capitalize = true) => amountInWords(parseMoney(roubles), { capitalize });

describe("amountInWords", () => {
  it("matches the reference vectors (ru-domain.md §2)", () => {
    // Ant1mas/number-to-words-ru src/__tests__/dist/methods/convert/convert.test.ts
    expect(words("0")).toBe("Ноль рублей 00 копеек");
    expect(words("1.22")).toBe("Один рубль 22 копейки");
    expect(words("111")).toBe("Сто одиннадцать рублей 00 копеек");
    // meritt/rubles src/rubles.spec.ts (capitalised for document style)
    expect(words("1.01")).toBe("Один рубль 01 копейка");
    expect(words("52151")).toBe("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");
    expect(words("341000")).toBe("Триста сорок одна тысяча рублей 00 копеек");
    expect(words("1001001")).toBe("Один миллион одна тысяча один рубль 00 копеек");
    expect(words("3.185")).toBe("Три рубля 19 копеек");
    // ru-domain.md §2 document-style example
    expect(words("122000")).toBe("Сто двадцать две тысячи рублей 00 копеек");
  });

  it("matches the full meritt/rubles src/rubles.spec.ts suite in lower case", () => {
    const cases: [string, string][] = [
      ["1.00", "один рубль 00 копеек"],
      ["2.02", "два рубля 02 копейки"],
      ["3.05", "три рубля 05 копеек"],
      ["4.12", "четыре рубля 12 копеек"],
      ["5.51", "пять рублей 51 копейка"],
      ["9.99", "девять рублей 99 копеек"],
      ["10.99", "десять рублей 99 копеек"],
      ["1.156", "один рубль 16 копеек"],
      ["2,189", "два рубля 19 копеек"],
      ["4.0185", "четыре рубля 02 копейки"],
      ["5.134", "пять рублей 13 копеек"],
      ["10", "десять рублей 00 копеек"],
      ["12", "двенадцать рублей 00 копеек"],
      ["52", "пятьдесят два рубля 00 копеек"],
      ["100", "сто рублей 00 копеек"],
      ["112", "сто двенадцать рублей 00 копеек"],
      ["152", "сто пятьдесят два рубля 00 копеек"],
      ["512", "пятьсот двенадцать рублей 00 копеек"],
      ["552", "пятьсот пятьдесят два рубля 00 копеек"],
      ["999", "девятьсот девяносто девять рублей 00 копеек"],
      ["999.99", "девятьсот девяносто девять рублей 99 копеек"],
      ["1000", "одна тысяча рублей 00 копеек"],
      ["2000", "две тысячи рублей 00 копеек"],
      ["5000", "пять тысяч рублей 00 копеек"],
      ["1052", "одна тысяча пятьдесят два рубля 00 копеек"],
      ["123456", "сто двадцать три тысячи четыреста пятьдесят шесть рублей 00 копеек"],
      ["999001", "девятьсот девяносто девять тысяч один рубль 00 копеек"],
      ["999001.99", "девятьсот девяносто девять тысяч один рубль 99 копеек"],
      ["1000000", "один миллион рублей 00 копеек"],
      ["2000000", "два миллиона рублей 00 копеек"],
      ["5000000", "пять миллионов рублей 00 копеек"],
      ["1000001", "один миллион один рубль 00 копеек"],
      ["1001000", "один миллион одна тысяча рублей 00 копеек"],
      ["12000000", "двенадцать миллионов рублей 00 копеек"],
      ["52000000", "пятьдесят два миллиона рублей 00 копеек"],
      ["52000122", "пятьдесят два миллиона сто двадцать два рубля 00 копеек"],
      [
        "123456789",
        "сто двадцать три миллиона четыреста пятьдесят шесть тысяч семьсот восемьдесят девять рублей 00 копеек",
      ],
      ["1000000000", "один миллиард рублей 00 копеек"],
      ["2000000000", "два миллиарда рублей 00 копеек"],
      ["5000000000", "пять миллиардов рублей 00 копеек"],
      ["1000000001", "один миллиард один рубль 00 копеек"],
      ["1000000100", "один миллиард сто рублей 00 копеек"],
      ["1000001000", "один миллиард одна тысяча рублей 00 копеек"],
      ["1001000000", "один миллиард один миллион рублей 00 копеек"],
      ["1000001001", "один миллиард одна тысяча один рубль 00 копеек"],
      ["1001001001", "один миллиард один миллион одна тысяча один рубль 00 копеек"],
      [
        "999999999999",
        "девятьсот девяносто девять миллиардов девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять рублей 00 копеек",
      ],
      ["44.20", "сорок четыре рубля 20 копеек"],
    ];
    for (const [input, expected] of cases) expect(words(input, false)).toBe(expected);
  });

  it("applies the 11–14 rule to roubles, thousands and kopecks ([calc] from the ru-domain.md §2 rule)", () => {
    expect(words("11.11", false)).toBe("одиннадцать рублей 11 копеек");
    expect(words("14.14", false)).toBe("четырнадцать рублей 14 копеек");
    expect(words("111.21", false)).toBe("сто одиннадцать рублей 21 копейка");
    expect(words("12000", false)).toBe("двенадцать тысяч рублей 00 копеек");
    expect(words("21000.02", false)).toBe("двадцать одна тысяча рублей 02 копейки");
    expect(words("113000000", false)).toBe("сто тринадцать миллионов рублей 00 копеек");
  });

  it("reaches trillions and the safe kopeck limit", () => {
    expect(words("1000000000000", false)).toBe("один триллион рублей 00 копеек");
    expect(words("2000000000000", false)).toBe("два триллиона рублей 00 копеек");
    expect(amountInWords(Number.MAX_SAFE_INTEGER, { capitalize: false })).toBe(
      "девяносто триллионов семьдесят один миллиард девятьсот девяносто два миллиона " +
        "пятьсот сорок семь тысяч четыреста девять рублей 91 копейка",
    );
  });

  it("prefixes negative amounts and refuses non-integers", () => {
    expect(amountInWords(-100)).toBe("Минус один рубль 00 копеек");
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});

describe("numberInWords", () => {
  it("matches pytils pytils/test/test_numeral.py in_words", () => {
    expect(numberInWords(0)).toBe("ноль");
    expect(numberInWords(10)).toBe("десять");
    expect(numberInWords(5)).toBe("пять");
    expect(numberInWords(102)).toBe("сто два");
    expect(numberInWords(3521)).toBe("три тысячи пятьсот двадцать один");
    expect(numberInWords(3500)).toBe("три тысячи пятьсот");
    expect(numberInWords(5231000)).toBe("пять миллионов двести тридцать одна тысяча");
    expect(numberInWords(21, "masculine")).toBe("двадцать один");
    expect(numberInWords(21, "feminine")).toBe("двадцать одна");
    expect(numberInWords(21, "neuter")).toBe("двадцать одно");
  });

  it("supports up to 999 trillion and rejects the rest", () => {
    expect(numberInWords(999_999_999_999_999n)).toBe(
      "девятьсот девяносто девять триллионов девятьсот девяносто девять миллиардов " +
        "девятьсот девяносто девять миллионов девятьсот девяносто девять тысяч девятьсот девяносто девять",
    );
    expect(() => numberInWords(1_000_000_000_000_000n)).toThrow(RangeError);
    expect(() => numberInWords(-1)).toThrow(RangeError);
    expect(() => numberInWords(1.5)).toThrow(RangeError);
  });

  it("pluralRu follows pytils choose_plural", () => {
    // pytils/test/test_numeral.py ChoosePluralTestCase
    const forms = ["гвоздь", "гвоздя", "гвоздей"] as const;
    expect(pluralRu(1, forms)).toBe("гвоздь");
    expect(pluralRu(2, forms)).toBe("гвоздя");
    expect(pluralRu(3, forms)).toBe("гвоздя");
    expect(pluralRu(5, forms)).toBe("гвоздей");
    expect(pluralRu(11, forms)).toBe("гвоздей");
    expect(pluralRu(109, forms)).toBe("гвоздей");
    expect(pluralRu(-5, forms)).toBe("гвоздей");
    expect(pluralRu(-2, forms)).toBe("гвоздя");
  });
});
