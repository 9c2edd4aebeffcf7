import type { ImportEntity } from "../../../../contracts/imports";
import { i18n } from "../../i18n";

/** The name of a target field as the wizard shows it, per entity ("fullName" differs). */
export function fieldLabel(entity: ImportEntity, field: string): string {
  const t = i18n.t as (key: string) => string;
  const candidates =
    entity === "contacts"
      ? [field === "fullName" ? "contacts.name" : `imports.fields.${field}`, `company.fields.${field}`]
      : [field === "owner" ? "imports.fields.owner" : `company.fields.${field}`, `imports.fields.${field}`];
  const key = candidates.find((k) => i18n.exists(k));
  return key ? t(key) : field;
}
