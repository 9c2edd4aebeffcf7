import type { Company } from "../../../contracts/companies";
import type { companies } from "../../db/schema/index";

export type CompanyRow = Omit<typeof companies.$inferSelect, "searchVector" | "digitGrams">;

export function presentCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    fullName: row.fullName,
    kind: row.kind,
    status: row.status,
    inn: row.inn,
    kpp: row.kpp,
    ogrn: row.ogrn,
    bik: row.bik,
    account: row.account,
    corrAccount: row.corrAccount,
    bankName: row.bankName,
    industry: row.industry,
    region: row.region,
    city: row.city,
    segment: row.segment,
    source: row.source,
    ownerId: row.ownerId,
    tags: row.tags,
    phones: row.phones,
    emails: row.emails,
    website: row.website,
    address: row.address,
    notes: row.notes,
    lastContactAt: row.lastContactAt,
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    deletedAt: row.deletedAt,
    version: row.version,
  };
}
