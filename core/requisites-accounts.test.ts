import { describe, expect, it } from "vitest";
import { checkAccount, checkBik, checkCorrAccount, isValidAccount } from "./requisites";
import { invalid, passing, singleDigitMutations } from "./test-support/mutations";

// Sources: Kholenkov/js-data-validation data-validation-tests.js (BIK, Rs and Ks tables; r/s 40702810900000002851
// and corr. 30101810200000000827 at BIK 044030827); hflabs/dadata-py README (Sberbank BIK 044525225, corr.
// 30101810400000000225); do-/node-ru-codes __tests__/isBankAcct.js (r/s 40702810801400016513 at 044525593);
// CBR № 515 (08.09.97) worked examples (zakonbase.ru/content/part/140335 and 140344); treasury details
// BIK 017003983, ЕКС 40102810445370000059, account 03100643000000018500 (ru-domain.md §1).

describe("checkBik", () => {
  it("checks the format only (Kholenkov; dadata-py README; treasury BIK from ru-domain.md §1)", () => {
    for (const v of ["044525225", "044030827", "017003983", "000000000", "012345678", "123456789"]) {
      expect(checkBik(v)).toEqual({ ok: true });
    }
    expect(checkBik("01234567")).toEqual(invalid("length"));
    expect(checkBik("0123456789")).toEqual(invalid("length"));
    expect(checkBik("a123")).toEqual(invalid("format"));
    expect(checkBik("")).toEqual(invalid("empty"));
  });
});

describe("checkAccount / checkCorrAccount (CBR № 515)", () => {
  const settlement: [string, string][] = [
    ["40702810900000002851", "044030827"], // Kholenkov
    ["40702810801400016513", "044525593"], // do-/node-ru-codes isBankAcct.js
    ["40602810700000000025", "049805746"], // CBR 515 worked example (key 7)
    ["40102810445370000059", "017003983"], // treasury ЕКС, keyed like a corr. account
  ];
  const corr: [string, string][] = [
    ["30101810200000000827", "044030827"], // Kholenkov
    ["30101810400000000225", "044525225"], // Sberbank, dadata-py README
    ["30101810800000000746", "049805000"], // CBR 515 worked example (key 8)
    ["00000000000000000000", "000000000"], // Kholenkov
  ];

  it.each(settlement)("accepts settlement account %s at BIK %s", (account, bik) => {
    expect(checkAccount(account, bik)).toEqual({ ok: true });
  });

  it.each(corr)("accepts corr. account %s at BIK %s", (account, bik) => {
    expect(checkCorrAccount(account, bik)).toEqual({ ok: true });
  });

  it("accepts the treasury ЕКС as a corr.-style account and the 03… treasury account by structure", () => {
    expect(checkCorrAccount("40102810445370000059", "017003983")).toEqual({ ok: true });
    expect(checkAccount("03100643000000018500", "017003983")).toEqual({ ok: true });
    expect(checkAccount("0310064300000001850", "017003983")).toEqual(invalid("length"));
    expect(checkAccount("03100643000000018500", "01700398")).toEqual(invalid("bik"));
  });

  it("rejects Kholenkov's listed mutations and malformed input", () => {
    const rs = [
      "50702810900000002851",
      "40802810900000002851",
      "40703810900000002851",
      "40702820900000002851",
    ];
    for (const a of [...rs, "40702810000000002851", "40702810901000002851", "40702810900000002861"]) {
      expect(checkAccount(a, "044030827")).toEqual(invalid("checksum"));
    }
    const ks = [
      "40101810200000000827",
      "30201810200000000827",
      "30102810200000000827",
      "30101820200000000827",
    ];
    for (const a of [...ks, "30101810400000000827", "30101810201000000827", "30101810200000000837"]) {
      expect(checkCorrAccount(a, "044030827")).toEqual(invalid("checksum"));
    }
    expect(checkAccount("01234567890123456789", "000000000")).toEqual(invalid("checksum"));
    expect(checkCorrAccount("12345678901234567890", "000000000")).toEqual(invalid("checksum"));
    expect(checkAccount("0000000000000000000", "000000000")).toEqual(invalid("length"));
    expect(checkAccount("000000000000000000000", "000000000")).toEqual(invalid("length"));
    expect(checkAccount("", "044030827")).toEqual(invalid("empty"));
    expect(checkAccount("4070281090000000285a", "044030827")).toEqual(invalid("format"));
    expect(checkAccount("40702810900000002851", "04403082")).toEqual(invalid("bik"));
  });

  it("maps a letter in position 6 to a digit (CBR № 515: А,В,С,Е,Н,К,М,Р,Т,Х → 0–9)", () => {
    // [calc] 40702810900000002851 has 8 in position 6, and Т ↦ 8, so the lettered account keeps its key.
    expect(checkAccount("40702Т10900000002851", "044030827")).toEqual({ ok: true });
    expect(checkAccount("40702Р10900000002851", "044030827")).toEqual(invalid("checksum"));
    expect(checkAccount("40702T10900000002851", "044030827")).toEqual(invalid("format")); // Latin T
    expect(checkAccount("4070Т810900000002851", "044030827")).toEqual(invalid("format")); // wrong position
  });

  it.each(settlement.filter(([a]) => !a.startsWith("40102")))(
    "rejects every mutation of account %s and of the BIK key digits (%s)",
    (account, bik) => {
      expect(passing(singleDigitMutations(account), (a) => checkAccount(a, bik))).toEqual([]);
      // Only BIK digits 7–9 enter the key of a settlement account; the others are format-only.
      expect(passing(singleDigitMutations(bik, [6, 7, 8]), (b) => checkAccount(account, b))).toEqual([]);
    },
  );

  it.each(corr.filter(([, bik]) => bik !== "000000000"))(
    "rejects every mutation of corr. account %s and of the BIK key digits (%s)",
    (account, bik) => {
      expect(passing(singleDigitMutations(account), (a) => checkCorrAccount(a, bik))).toEqual([]);
      // Only BIK digits 5–6 enter the corr. account key.
      expect(passing(singleDigitMutations(bik, [4, 5]), (b) => checkCorrAccount(account, b))).toEqual([]);
    },
  );

  it("documents the ЕКС mutations that pass because they switch the key rule", () => {
    // Changing the 40102 prefix turns the ЕКС into an ordinary account keyed by BIK digits 7–9 ("983" instead
    // of "003"); five such numbers happen to satisfy that key. Mutations keeping the prefix all fail.
    const survivors = passing(singleDigitMutations("40102810445370000059"), (a) =>
      checkAccount(a, "017003983"),
    );
    expect(survivors.sort()).toEqual(
      [
        "10102810445370000059",
        "40101810445370000059",
        "40172810445370000059",
        "40402810445370000059",
        "49102810445370000059",
      ].sort(),
    );
    expect(survivors.every((s) => !s.startsWith("40102"))).toBe(true);
    // The treasury 03… account has no key, so its mutations are not a negative set at all.
    expect(isValidAccount("03100643000000018501", "017003983")).toBe(true);
  });
});
