import type { Contact } from "../../../contracts/contacts";
import type { contacts } from "../../db/schema/index";

export type ContactRow = Omit<typeof contacts.$inferSelect, "searchVector" | "digitGrams">;

export function contactFullName(row: Pick<ContactRow, "lastName" | "firstName" | "middleName">): string {
  return [row.lastName, row.firstName, row.middleName].filter(Boolean).join(" ");
}

export function presentContact(row: ContactRow): Contact {
  return {
    id: row.id,
    companyId: row.companyId,
    lastName: row.lastName,
    firstName: row.firstName,
    middleName: row.middleName,
    fullName: contactFullName(row),
    position: row.position,
    phones: row.phones,
    emails: row.emails,
    notes: row.notes,
    consent: {
      marketing: row.consentMarketing === "granted",
      status: row.consentMarketing,
      at: row.consentAt,
      source: row.consentSource,
    },
    ownerId: row.ownerId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    erasedAt: row.erasedAt,
    version: row.version,
  };
}
