import { normalizeHeader } from "./imports.mapping";

/**
 * Cell text → field values, shared by the entity importers. Files from 1C, CRMs and Excel
 * write the same thing in many ways; the forms are accepted here and the entity's zod schema
 * then validates the result, so the rules themselves are defined once (in contracts/).
 */

/** Phones and e-mails in one cell: "+7 495 …, 8 916 …" or one per line. */
export function splitList(cell: string, spaces = false): string[] {
  return cell
    .split(spaces ? /[,;\n\r\s]+/ : /[,;\n\r]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Tags: "vip, опт" or "vip|опт". */
export const splitTags = (cell: string) =>
  cell
    .split(/[,;|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const kindLabels: Record<string, "legal" | "entrepreneur" | "person"> = {
  legal: "legal",
  юл: "legal",
  юрлицо: "legal",
  "юр лицо": "legal",
  "юридическое лицо": "legal",
  организация: "legal",
  компания: "legal",
  entrepreneur: "entrepreneur",
  ип: "entrepreneur",
  "индивидуальный предприниматель": "entrepreneur",
  person: "person",
  фл: "person",
  физлицо: "person",
  "физ лицо": "person",
  "физическое лицо": "person",
};

const statusLabels: Record<string, "prospect" | "client" | "former"> = {
  prospect: "prospect",
  потенциальный: "prospect",
  "потенциальный клиент": "prospect",
  лид: "prospect",
  client: "client",
  клиент: "client",
  "действующий клиент": "client",
  former: "former",
  бывший: "former",
  "бывший клиент": "former",
};

/** A known label becomes the enum value; anything else is passed on for zod to refuse. */
export function parseKind(cell: string): string {
  return kindLabels[normalizeHeader(cell)] ?? cell;
}

export function parseStatus(cell: string): string {
  return statusLabels[normalizeHeader(cell)] ?? cell;
}

/**
 * Excel drops leading zeros of numbers: a BIK (always «04…») of 8 digits, an INN of 9 or 11
 * and a KPP of 8 lost one. Restoring it is safe: the checksum still decides.
 */
export function restoreLeadingZero(field: "inn" | "kpp" | "bik", cell: string): string {
  const digits = cell.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits)) return cell;
  const lost =
    (field === "bik" && digits.length === 8) ||
    (field === "kpp" && digits.length === 8) ||
    (field === "inn" && (digits.length === 9 || digits.length === 11));
  return lost ? `0${digits}` : digits;
}

/** «Иванов Иван Иванович» → last, first, middle name. */
export function splitFullName(cell: string): { lastName?: string; firstName?: string; middleName?: string } {
  const [lastName, firstName, ...rest] = cell.trim().split(/\s+/);
  return {
    lastName: lastName || undefined,
    firstName: firstName || undefined,
    middleName: rest.length ? rest.join(" ") : undefined,
  };
}

/** The original row as {header: value} for error reports (empty cells left out). */
export function rowData(header: readonly string[], values: readonly string[]): Record<string, string> {
  const data: Record<string, string> = {};
  header.forEach((column, i) => {
    const v = values[i];
    if (v !== undefined && v !== "") data[column] = v;
  });
  return data;
}

export const isBlankRow = (values: readonly string[]) => values.every((v) => v.trim() === "");
