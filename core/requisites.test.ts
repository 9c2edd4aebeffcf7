import { describe, expect, it } from "vitest";
import {
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnAny,
  checkOgrnip,
  checkSnils,
  innKind,
  isValidInn,
  normalizeDigits,
} from "./requisites";
import { invalid, passing, singleDigitMutations } from "./test-support/mutations";

// Valid vectors, by source:
// - hflabs/dadata-py README (Sberbank): INN 7707083893, KPP 773601001, OGRN 1027700132195, BIK 044525225,
//   corr. account 30101810400000000225.
// - Kholenkov/js-data-validation data-validation-tests.js: INN 7827004526, 760307073214; OGRN 1027812400868;
//   OGRNIP 307760324100018; SNILS 08765430300; KPP 0000AZ000; r/s 40702810900000002851 and
//   corr. 30101810200000000827 at BIK 044030827.
// - do-/node-ru-codes __tests__ (isINN12, isOGRN13, isOGRN15, isSNILS, isBankAcct): INN 635277570478,
//   OGRN 1027700280937, OGRNIP 304500116000157, SNILS 586-595-917 80, r/s 40702810801400016513 at 044525593.
// - python-stdnum tests/test_ru_inn.doctest and tests/test_ru_ogrn.doctest.
// - ru-domain.md §1 [calc]: OGRNIP 304770000000020 (remainder 10 → check digit 0); SNILS 112-233-445 95 from a
//   stdnum snils.py in the code index.

const VALID_INN = [
  "7707083893",
  "7827004526",
  "760307073214",
  "635277570478",
  // python-stdnum tests/test_ru_inn.doctest: real INNs found online.
  "005826107187",
  "0108003670",
  "0273074555",
  "0279111370",
  "0716007984",
  "5190187770",
  "6223002330",
  "6440019934",
  "6672238301",
  "6903022126",
  "6908012650",
  "6911001698",
  "7609000881",
  "7709442668",
  "7716450028",
  "7724051595",
  "7726485118",
  "7727705694",
  "7728127936",
  "7813045547",
  "7825498171",
  "8614008550",
  "8906008726",
  "8906008740",
];

const VALID_OGRN = [
  "1027700132195",
  "1027812400868",
  "1027700280937",
  // python-stdnum tests/test_ru_ogrn.doctest
  "1027739552642",
  "1137847171846",
  "1159102022738",
  "1022600000092",
  "1022500001930",
  "1022500001061",
  "1022500000566",
  "1022700000685",
  "1022500001325",
  "1027100000311",
  "1022500000786",
  "1024100000121",
  "1022400007508",
  "1022400000160",
  "1022400010005",
  "1022300001811",
  "1020500003919",
  "1022300003703",
  "1022300000502",
  "1022200531484",
  "1022200525819",
];

const VALID_OGRNIP = ["307760324100018", "304500116000157", "304770000000020"];
const VALID_SNILS = ["08765430300", "112-233-445 95", "586-595-917 80", "58659591780"];

describe("checkInn", () => {
  it.each(VALID_INN)("accepts %s", (inn) => {
    expect(checkInn(inn)).toEqual({ ok: true });
  });

  it("rejects the checksum failures listed by the sources", () => {
    // do-/node-ru-codes __tests__/isINN12.js
    expect(checkInn("635277570473")).toEqual(invalid("checksum"));
    expect(checkInn("423543534553")).toEqual(invalid("checksum"));
    // Kholenkov data-validation-tests.js (their error code 4 = checksum)
    for (const v of ["8827004526", "7837004526", "7827104526", "7827005526", "7827004536"]) {
      expect(checkInn(v)).toEqual(invalid("checksum"));
    }
    for (const v of [
      "860307073214",
      "761307073214",
      "760317073214",
      "760307173214",
      "760307074214",
      "760307073224",
    ]) {
      expect(checkInn(v)).toEqual(invalid("checksum"));
    }
    expect(checkInn("0123456789")).toEqual(invalid("checksum"));
    expect(checkInn("123456789012")).toEqual(invalid("checksum"));
  });

  it("classifies empty, foreign characters and wrong lengths (Kholenkov codes 1, 2, 3)", () => {
    expect(checkInn("")).toEqual(invalid("empty"));
    expect(checkInn(" ")).toEqual(invalid("empty"));
    expect(checkInn("a123")).toEqual(invalid("format"));
    expect(checkInn("123-")).toEqual(invalid("format"));
    expect(checkInn("0.0")).toEqual(invalid("format"));
    expect(checkInn("7707 083893")).toEqual(invalid("format"));
    for (const v of ["0", "000000000", "12345678901", "1234567890123"])
      expect(checkInn(v)).toEqual(invalid("length"));
    // Kholenkov: all-zero numbers pass the checksum.
    expect(checkInn("0000000000")).toEqual({ ok: true });
    expect(checkInn("000000000000")).toEqual({ ok: true });
  });

  it("trims surrounding whitespace", () => {
    expect(checkInn(" 7707083893\n")).toEqual({ ok: true });
  });

  // Generated negative set, as Kholenkov lists every single-digit mutation as invalid. For INN-12 a
  // mutation could in theory survive when a residue 10 folds to check digit 0; for these vectors none does
  // (all check digits are non-zero, so each has exactly one residue).
  it.each(["7707083893", "7827004526", "760307073214", "635277570478"])(
    "rejects every mutation of %s",
    (inn) => {
      const mutations = singleDigitMutations(inn);
      expect(mutations).toHaveLength(inn.length * 9);
      expect(passing(mutations, checkInn)).toEqual([]);
    },
  );

  it("innKind tells legal entities from persons", () => {
    expect(innKind("7707083893")).toBe("legal");
    expect(innKind("760307073214")).toBe("person");
    expect(innKind("7707083894")).toBeNull();
    expect(isValidInn("7707083893")).toBe(true);
  });
});

describe("checkKpp", () => {
  it("accepts digits and capital letters in the reason code (Kholenkov, dadata-py README)", () => {
    for (const v of ["773601001", "0000AZ000", "000000000", "012345678", "123456789"]) {
      expect(checkKpp(v)).toEqual({ ok: true });
    }
  });

  it("rejects lower case, punctuation and wrong lengths (Kholenkov)", () => {
    expect(checkKpp("0000aZ000")).toEqual(invalid("format"));
    expect(checkKpp("0000A-000")).toEqual(invalid("format"));
    expect(checkKpp("A00000000")).toEqual(invalid("format"));
    expect(checkKpp("01234567")).toEqual(invalid("length"));
    expect(checkKpp("0123456789")).toEqual(invalid("length"));
    expect(checkKpp("")).toEqual(invalid("empty"));
  });
  // KPP has no checksum, so single-digit mutations are valid KPPs: no mutation test applies.
});

describe("checkOgrn / checkOgrnip / checkOgrnAny", () => {
  it.each(VALID_OGRN)("accepts OGRN %s", (v) => {
    expect(checkOgrn(v)).toEqual({ ok: true });
    expect(checkOgrnAny(v)).toEqual({ ok: true });
  });

  it.each(VALID_OGRNIP)("accepts OGRNIP %s", (v) => {
    expect(checkOgrnip(v)).toEqual({ ok: true });
    expect(checkOgrnAny(v)).toEqual({ ok: true });
  });

  it("rejects the listed invalid numbers", () => {
    // do-/node-ru-codes __tests__/isOGRN13.js and isOGRN15.js; ru-domain.md §1 (stdnum doctest)
    expect(checkOgrn("1027700280938")).toEqual(invalid("checksum"));
    expect(checkOgrn("1022500001328")).toEqual(invalid("checksum"));
    expect(checkOgrn("5060049620796")).toEqual(invalid("checksum"));
    expect(checkOgrn("6160094236029")).toEqual(invalid("format"));
    expect(checkOgrnip("304500116000154")).toEqual(invalid("checksum"));
    // python-stdnum tests/test_ru_ogrn.doctest invalid list
    for (const v of ["1027739552", "", "1027739", "11677", "315774600002662123"]) {
      expect(checkOgrnAny(v).ok).toBe(false);
    }
    // Kholenkov: 1027812400868 mutations it lists
    for (const v of [
      "1037812400868",
      "1027912400868",
      "1027813400868",
      "1027812410868",
      "1027812400968",
      "1027812400869",
    ]) {
      expect(checkOgrn(v)).toEqual(invalid("checksum"));
    }
  });

  it("enforces the first digit (1/5 for OGRN, 3 for OGRNIP) from ru-domain.md §1", () => {
    // Kholenkov accepts all-zero OGRN/OGRNIP and reports 2027812400868 as a checksum error; the reference
    // table requires the leading digit, so these are format errors here.
    expect(checkOgrn("0000000000000")).toEqual(invalid("format"));
    expect(checkOgrn("2027812400868")).toEqual(invalid("format"));
    expect(checkOgrnip("000000000000000")).toEqual(invalid("format"));
    expect(checkOgrnip("407760324100018")).toEqual(invalid("format"));
    expect(checkOgrn("102781240086")).toEqual(invalid("length"));
    expect(checkOgrnip("30776032410001")).toEqual(invalid("length"));
    expect(checkOgrnAny("12345678901234")).toEqual(invalid("length"));
  });

  it("applies the final mod 10 for OGRNIP (python-stdnum pitfall, ru-domain.md §1)", () => {
    // int(30477000000002) mod 13 = 10 → check digit 0. Verify the remainder independently with BigInt.
    expect(30477000000002n % 13n).toBe(10n);
    expect(checkOgrnip("304770000000020")).toEqual({ ok: true });
  });

  it.each(["1027700132195", "1027812400868", "1027700280937", "1027739552642"])(
    "rejects every mutation of OGRN %s",
    (v) => {
      expect(passing(singleDigitMutations(v), checkOgrn)).toEqual([]);
    },
  );

  it.each(["307760324100018", "304500116000157"])("rejects every mutation of OGRNIP %s", (v) => {
    expect(passing(singleDigitMutations(v), checkOgrnip)).toEqual([]);
  });

  it("documents the mutations of 304770000000020 that are legitimately valid", () => {
    // Its remainder is 10, which folds to check digit 0. A mutation of d1..d14 that makes the remainder 0
    // also gives check digit 0, so these ten numbers are genuinely valid OGRNIPs under the algorithm.
    const survivors = passing(singleDigitMutations("304770000000020"), checkOgrnip);
    expect([...survivors].sort()).toEqual([
      "304740000000020",
      "304770000000050",
      "304770000009020",
      "304770000100020",
      "304770004000020",
      "304770030000020",
      "304779000000020",
      "304870000000020",
      "308770000000020",
      "334770000000020",
    ]);
    for (const s of survivors) expect(BigInt(s.slice(0, 14)) % 13n).toBe(0n);
  });
});

describe("checkSnils", () => {
  it.each(VALID_SNILS)("accepts %s", (v) => {
    expect(checkSnils(v)).toEqual({ ok: true });
  });

  it("rejects the listed invalid numbers", () => {
    // stdnum snils.py in the code index (ru-domain.md §1)
    expect(checkSnils("010-242-368 00")).toEqual(invalid("checksum"));
    // do-/node-ru-codes __tests__/isSNILS.js
    expect(checkSnils("11111111111")).toEqual(invalid("checksum"));
    expect(checkSnils("586 595-917 80")).toEqual(invalid("format"));
    expect(checkSnils("586-595 917 80")).toEqual(invalid("format"));
    expect(checkSnils("586-595-917-80")).toEqual(invalid("format"));
    // Kholenkov data-validation-tests.js
    for (const v of [
      "18765430300",
      "08865430300",
      "08766430300",
      "08765440300",
      "08765430400",
      "08765430301",
    ]) {
      expect(checkSnils(v)).toEqual(invalid("checksum"));
    }
    expect(checkSnils("01234567890")).toEqual(invalid("checksum"));
    expect(checkSnils("0123456789")).toEqual(invalid("length"));
    expect(checkSnils("012345678901")).toEqual(invalid("length"));
    expect(checkSnils("")).toEqual(invalid("empty"));
  });

  it("does not check numbers up to 001-001-998 (ru-domain.md §1; Kholenkov accepts 00000000000)", () => {
    expect(checkSnils("00000000000")).toEqual({ ok: true });
    expect(checkSnils("001-001-998 57")).toEqual({ ok: true });
    expect(checkSnils("001-001-999 57")).toEqual(invalid("checksum"));
  });

  it("maps sums of 100 and 101 to 00 and reduces larger sums mod 101 ([calc] from the rule in ru-domain.md §1)", () => {
    // Weighted sums are recomputed here so the vectors do not depend on the implementation.
    const sum = (nine: string) => [...nine].reduce((acc, ch, i) => acc + Number(ch) * (9 - i), 0);
    expect(sum("001326679")).toBe(100);
    expect(checkSnils("00132667900")).toEqual({ ok: true });
    expect(checkSnils("00132667999")).toEqual(invalid("checksum"));
    expect(sum("001508816")).toBe(101);
    expect(checkSnils("001-508-816 00")).toEqual({ ok: true });
    expect(sum("017996174")).toBe(201); // 201 mod 101 = 100 → 00
    expect(checkSnils("01799617400")).toEqual({ ok: true });
    expect(sum("189798879")).toBe(302); // 302 mod 101 = 100 → 00
    expect(checkSnils("18979887900")).toEqual({ ok: true });
    expect(sum("586595917")).toBe(282); // 282 mod 101 = 80
  });

  it.each(["112-233-445 95", "586-595-917 80"])("rejects every mutation of %s", (v) => {
    expect(passing(singleDigitMutations(v), checkSnils)).toEqual([]);
  });

  it("documents the one mutation of 08765430300 that is legitimately valid", () => {
    // 087654302 has weighted sum 201; 201 mod 101 = 100, which maps to 00 — the same control number.
    expect(passing(singleDigitMutations("08765430300"), checkSnils)).toEqual(["08765430200"]);
  });
});

describe("normalizeDigits", () => {
  it("strips everything but digits", () => {
    expect(normalizeDigits("ИНН 7707-083 893")).toBe("7707083893");
    expect(normalizeDigits("112-233-445 95")).toBe("11223344595");
  });
});
