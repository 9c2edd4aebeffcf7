import type { ProductImportResult, ProductListQuery, VatRate } from "../../../contracts/catalogue";
import type { Locale } from "../../../contracts/common";
import { okeiCodeOf } from "../../../core/okei";
import { uuidv7 } from "../../../core/uuid";
import { productGroups } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authorize } from "../../platform/policy";
import { removeStored } from "../../platform/storage";
import { attachmentName, type Cell, csvStream, xlsxStream } from "../exports/exports.format";
import { readRows } from "../imports/imports.reader";
import type { UploadMeta } from "../imports/imports.upload";
import { stampOf } from "./catalogue.common";
import { presentProduct } from "./catalogue.presenter";
import {
  findBySkus,
  groupNames,
  groupsByName,
  insertProduct,
  listProducts,
  type ProductRow,
  productWhere,
  updateProduct,
} from "./products.repo";

/**
 * Catalogue import and export. The file readers and writers are those of the client import and
 * export; the importer itself is small and all-or-nothing: every row is checked first, and the
 * catalogue changes only when the whole file is valid.
 */
type Field = "sku" | "name" | "description" | "unit" | "vatRate" | "group" | "price" | "active";
const fields: readonly Field[] = [
  "sku",
  "name",
  "description",
  "unit",
  "vatRate",
  "group",
  "price",
  "active",
];

const titles: Record<Locale, Record<Field, string>> = {
  ru: {
    sku: "Артикул",
    name: "Наименование",
    description: "Описание",
    unit: "Ед. изм. (ОКЕИ)",
    vatRate: "НДС",
    group: "Группа",
    price: "Цена",
    active: "Активен",
  },
  en: {
    sku: "SKU",
    name: "Name",
    description: "Description",
    unit: "Unit (ОКЕИ)",
    vatRate: "VAT",
    group: "Group",
    price: "Price",
    active: "Active",
  },
};

const aliases: Record<string, Field> = {
  ...Object.fromEntries(
    fields.flatMap((f) => [
      [titles.ru[f].toLowerCase(), f],
      [titles.en[f].toLowerCase(), f],
    ]),
  ),
  "артикул товара": "sku",
  код: "sku",
  название: "name",
  товар: "name",
  "ед. изм.": "unit",
  "ед.изм.": "unit",
  единица: "unit",
  "код океи": "unit",
  unit: "unit",
  "ставка ндс": "vatRate",
  vat: "vatRate",
  "базовая цена": "price",
  baseprice: "price",
  "цена, руб.": "price",
};

const MAX_ROWS = 10_000;
export const IMPORT_MAX_ROWS = MAX_ROWS;

const yes = new Set(["да", "yes", "true", "1", "+"]);
const no = new Set(["нет", "no", "false", "0", "-"]);

function vatOf(text: string): VatRate | undefined {
  const t = text.trim().toLowerCase().replace(/\s*%$/, "");
  if (["none", "без ндс", "без ндс.", "нет"].includes(t)) return "none";
  return (["22", "10", "5", "7", "0"] as const).find((r) => r === t);
}

function priceOf(text: string): string | undefined {
  const t = text.replace(/[\s\u00a0]/g, "").replace(",", ".");
  return /^\d{1,16}(\.\d{1,2})?$/.test(t) ? t : undefined;
}

type Parsed = { row: number; values: Partial<Record<Field, string>>; present: Set<Field> };
type ImportError = { row: number; path: string; message: string };

function parseRow(row: number, cells: string[], columns: (Field | null)[], errors: ImportError[]): Parsed {
  const values: Partial<Record<Field, string>> = {};
  const present = new Set<Field>();
  columns.forEach((field, i) => {
    if (!field) return;
    present.add(field);
    const text = (cells[i] ?? "").trim();
    if (!text) return;
    const fail = (message: string) => errors.push({ row, path: field, message });
    switch (field) {
      case "unit": {
        const code = okeiCodeOf(text);
        if (code) values.unit = code;
        else fail("okei_unknown");
        return;
      }
      case "vatRate": {
        const vat = vatOf(text);
        if (vat) values.vatRate = vat;
        else fail("vat_rate_unknown");
        return;
      }
      case "price": {
        const price = priceOf(text);
        if (price) values.price = price;
        else fail("price_format");
        return;
      }
      case "active":
        if (yes.has(text.toLowerCase())) values.active = "true";
        else if (no.has(text.toLowerCase())) values.active = "false";
        else fail("invalid_boolean");
        return;
      default:
        if (text.length > (field === "description" ? 5000 : 500)) fail("too_long");
        else values[field] = text;
    }
  });
  if (!values.sku) errors.push({ row, path: "sku", message: "required" });
  if (!values.name && !errors.some((e) => e.row === row && e.path === "sku"))
    errors.push({ row, path: "name", message: "required" });
  return { row, values, present };
}

async function readFile(
  ctx: AppContext,
  upload: UploadMeta,
): Promise<{ rows: Parsed[]; errors: ImportError[] }> {
  const errors: ImportError[] = [];
  const rows: Parsed[] = [];
  let columns: (Field | null)[] | null = null;
  for await (const record of readRows(ctx.config, upload)) {
    if (!columns) {
      columns = record.values.map((h) => aliases[h.trim().toLowerCase()] ?? null);
      const missing = (["sku", "name"] as const).filter((f) => !columns!.includes(f));
      if (missing.length) throw AppError.rule("catalogue_import_header", { missing: missing.join(", ") });
      continue;
    }
    if (record.values.every((v) => !v.trim())) continue;
    if (rows.length >= MAX_ROWS) throw AppError.rule("catalogue_import_too_many", { max: MAX_ROWS });
    rows.push(parseRow(record.row, record.values, columns, errors));
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const sku = r.values.sku;
    if (!sku) continue;
    if (seen.has(sku)) errors.push({ row: r.row, path: "sku", message: "duplicate_in_file" });
    else seen.set(sku, r.row);
  }
  return { rows, errors };
}

/** Group names of the file → ids; missing top-level groups are created with the import. */
async function resolveGroups(tx: Db, actor: Actor, names: Set<string>): Promise<Map<string, string>> {
  const existing = await groupsByName(tx, actor.workspaceId);
  const ids = new Map(existing.map((g) => [g.name.toLowerCase(), g.id]));
  for (const name of names) {
    if (ids.has(name.toLowerCase())) continue;
    const id = uuidv7();
    await tx
      .insert(productGroups)
      .values({ id, workspaceId: actor.workspaceId, createdBy: stampOf(actor), name, parentId: null });
    await recordChange(tx, actor, {
      action: "create",
      entity: "product_group",
      entityId: id,
      after: { name },
    });
    ids.set(name.toLowerCase(), id);
  }
  return ids;
}

function valuesOf(p: Parsed, groups: Map<string, string>): Record<string, unknown> {
  const v = p.values;
  const set: Record<string, unknown> = {};
  if (v.name) set.name = v.name;
  if (p.present.has("description")) set.description = v.description ?? null;
  if (v.unit) set.unitCode = v.unit;
  if (v.vatRate) set.vatRate = v.vatRate;
  if (p.present.has("group")) set.groupId = v.group ? groups.get(v.group.toLowerCase()) : null;
  if (v.price) set.basePrice = v.price;
  if (v.active) set.active = v.active === "true";
  return set;
}

export async function importProducts(
  ctx: AppContext,
  actor: Actor,
  upload: UploadMeta,
  dryRun: boolean,
): Promise<ProductImportResult> {
  authorize(actor, "catalogue", "import");
  try {
    const { rows, errors } = await readFile(ctx, upload);
    if (errors.length) {
      const count = new Set(errors.map((e) => e.row)).size;
      throw AppError.rule(
        "catalogue_import_invalid",
        { count },
        errors.slice(0, 500).map((e) => ({ path: `rows.${e.row}.${e.path}`, message: e.message })),
      );
    }
    const skus = rows.map((r) => r.values.sku!);
    return await withTx(ctx.db, async (tx) => {
      const existing = new Map((await findBySkus(tx, actor.workspaceId, skus)).map((p) => [p.sku, p]));
      const result = { total: rows.length, created: 0, updated: 0, errors: [] };
      for (const r of rows) existing.has(r.values.sku!) ? result.updated++ : result.created++;
      if (dryRun) return result;
      const groupNamesInFile = new Set(rows.flatMap((r) => (r.values.group ? [r.values.group] : [])));
      const groups = await resolveGroups(tx, actor, groupNamesInFile);
      for (const r of rows) {
        const before = existing.get(r.values.sku!);
        const set = valuesOf(r, groups);
        const row = before
          ? await updateProduct(tx, before.id, set)
          : await insertProduct(tx, {
              id: uuidv7(),
              workspaceId: actor.workspaceId,
              createdBy: stampOf(actor),
              sku: r.values.sku!,
              name: r.values.name!,
              ...set,
            });
        await recordChange(tx, actor, {
          action: before ? "update" : "create",
          entity: "product",
          entityId: row.id,
          before: before ? presentProduct(before) : null,
          after: presentProduct(row),
        });
      }
      return result;
    });
  } finally {
    await removeStored(ctx.config, upload.key);
    await removeStored(ctx.config, `imports/${upload.workspaceId}/${upload.id}.json`);
  }
}

function exportRow(p: ProductRow, groups: Map<string, string>, locale: Locale): Cell[] {
  const ru = locale === "ru";
  return [
    p.sku,
    p.name,
    p.description,
    p.unitCode,
    p.vatRate === "none" ? (ru ? "без НДС" : "none") : p.vatRate,
    p.groupId ? (groups.get(p.groupId) ?? null) : null,
    p.basePrice,
    p.active ? (ru ? "да" : "yes") : ru ? "нет" : "no",
  ];
}

/** The catalogue with the list's filters, as CSV or XLSX, in pages of 500 rows. */
export function exportProducts(
  ctx: AppContext,
  actor: Actor,
  query: ProductListQuery,
  format: "csv" | "xlsx",
) {
  authorize(actor, "catalogue", "export");
  if (query.deleted) authorize(actor, "catalogue", "restore");
  const where = productWhere(actor.workspaceId, query);
  async function* batches(): AsyncGenerator<Cell[][]> {
    let cursor: string | undefined;
    let count = 0;
    do {
      const result = await listProducts(ctx.db, where, { limit: 500, cursor, sort: "sku" });
      const groups = await groupNames(
        ctx.db,
        actor.workspaceId,
        result.items.flatMap((p) => p.groupId ?? []),
      );
      count += result.items.length;
      yield result.items.map((p) => exportRow(p, groups, actor.locale));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    await withTx(ctx.db, (tx) =>
      recordChange(tx, actor, {
        action: "export",
        entity: "product",
        entityId: uuidv7(),
        changes: { format: { from: null, to: format }, rows: { from: null, to: count } },
      }),
    );
  }
  const head = fields.map((f) => titles[actor.locale][f]);
  return {
    fileName: attachmentName("products", format),
    contentType:
      format === "csv"
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    stream:
      format === "csv"
        ? csvStream(head, batches())
        : xlsxStream(
            actor.locale === "ru" ? "Каталог" : "Catalogue",
            head,
            batches(),
            [14, 40, 40, 12, 8, 20, 12, 8],
          ),
  };
}
