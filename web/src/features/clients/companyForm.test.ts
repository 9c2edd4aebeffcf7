import { describe, expect, it } from "vitest";
import type { Company } from "../../../../contracts/companies";
import { changesOf, findIssues, initialValues, isComplete, kindForInn, toBody } from "./companyForm";

const sber = {
  ...initialValues(null, "00000000-0000-7000-8000-000000000001"),
  name: "ПАО Сбербанк",
  inn: "7707083893",
  kpp: "773601001",
  ogrn: "1027700132195",
  bik: "044525225",
  corrAccount: "30101810400000000225",
};

describe("company form checks", () => {
  it("accepts Sberbank's real requisites", () => {
    expect(findIssues(sber)).toEqual({});
  });

  it("names the broken requisite with the contract's code", () => {
    expect(findIssues({ ...sber, inn: "7707083894" })).toEqual({ inn: { code: "inn_checksum" } });
    expect(findIssues({ ...sber, kpp: "77360" }).kpp).toEqual({ code: "kpp_format" });
    expect(findIssues({ ...sber, ogrn: "1027700132196" }).ogrn).toEqual({ code: "ogrn_checksum" });
    expect(findIssues({ ...sber, corrAccount: "30101810400000000226" }).corrAccount).toEqual({
      code: "account_checksum",
    });
    expect(findIssues({ ...sber, bik: "" }).corrAccount).toEqual({ code: "account_needs_bik" });
  });

  it("checks the INN length against the kind, and requires a name", () => {
    expect(findIssues({ ...sber, kind: "entrepreneur" }).inn).toEqual({ code: "inn_format" });
    expect(findIssues({ ...sber, name: "  " }).name).toEqual({ code: "required" });
  });

  it("reads requisites typed with spaces and dashes", () => {
    expect(findIssues({ ...sber, inn: "7707 083 893", corrAccount: "30101-810-4000-0000-0225" })).toEqual({});
    expect(toBody({ ...sber, inn: "7707 083 893" }).inn).toBe("7707083893");
  });

  it("flags phones and e-mails one by one", () => {
    const issues = findIssues({ ...sber, phones: ["+7 495 123-45-67", "12"], emails: ["", "not-an-email"] });
    expect(issues["phones.1"]?.code).toBe("phone_format");
    expect(issues["emails.1"]?.code).toBe("email_format");
    expect(issues["phones.0"]).toBeUndefined();
  });

  it("drops the requisites a kind does not have", () => {
    const body = toBody({ ...sber, kind: "person", inn: "500100732259" });
    expect(body.kpp).toBeNull();
    expect(body.ogrn).toBeNull();
  });

  it("guesses the kind from the INN length", () => {
    expect(kindForInn("500100732259", "legal")).toBe("entrepreneur");
    expect(kindForInn("7707083893", "person")).toBe("legal");
    expect(kindForInn("77070", "person")).toBe("person");
    expect(isComplete("inn", "7707083893", "legal")).toBe(true);
    expect(isComplete("inn", "7707083893", "entrepreneur")).toBe(false);
  });

  it("sends only what changed", () => {
    const company = { ...toBody(sber), id: "x", version: 3 } as unknown as Company;
    expect(changesOf(company, toBody({ ...sber, city: "Москва" }))).toEqual({ city: "Москва" });
  });
});
