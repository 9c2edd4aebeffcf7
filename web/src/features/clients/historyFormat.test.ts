import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../../contracts/audit";
import { i18n } from "../../i18n";
import { changesOf } from "./historyFormat";

const resolve = {
  userName: (id: string) => (id === "u1" ? "Иванова Мария" : "?"),
  companyName: (id: string) => (id === "c" ? "ООО Ромашка" : "другая карточка"),
  locale: "ru" as const,
  timeZone: "UTC",
};

const entry = (changes: AuditEntry["changes"], action = "update"): AuditEntry => ({
  id: "e",
  at: "2026-03-01 10:00:00+00",
  userId: "u1",
  action,
  entity: "company",
  entityId: "c",
  changes,
});

describe("history in words", () => {
  beforeAll(() => i18n.changeLanguage("ru"));

  it("names fields and values the way a manager reads them", () => {
    const changes = changesOf(
      entry({
        status: { from: "prospect", to: "client" },
        ownerId: { from: null, to: "u1" },
        tags: { from: [], to: ["опт", "VIP"] },
        updatedAt: { from: "x", to: "y" },
      }),
      resolve,
    );
    expect(changes).toEqual([
      { field: "status", label: "Статус", from: "Потенциальный", to: "Клиент" },
      { field: "ownerId", label: "Ответственный", from: "—", to: "Иванова Мария" },
      { field: "tags", label: "Теги", from: "—", to: "опт, VIP" },
    ]);
  });

  it("leaves the empty fields of a new record out", () => {
    const changes = changesOf(
      entry({ name: { from: null, to: "ООО Ромашка" }, kpp: { from: null, to: null } }, "create"),
      resolve,
    );
    expect(changes.map((c) => c.field)).toEqual(["name"]);
  });

  it("shows a contact by its full name and its company by name", () => {
    const changes = changesOf(
      {
        ...entry(
          {
            fullName: { from: null, to: "Иванова Мария" },
            lastName: { from: null, to: "Иванова" },
            companyId: { from: null, to: "c" },
          },
          "create",
        ),
        entity: "contact",
      },
      resolve,
    );
    expect(changes.map((c) => [c.label, c.to])).toEqual([
      ["ФИО", "Иванова Мария"],
      ["Компания", "ООО Ромашка"],
    ]);
  });

  it("shows merged companies by name", () => {
    const [change] = changesOf(
      entry({ mergedFrom: { from: null, to: [{ id: "a", name: "ООО Ромашка-2" }] } }, "merge"),
      resolve,
    );
    expect(change?.to).toBe("ООО Ромашка-2");
  });
});
