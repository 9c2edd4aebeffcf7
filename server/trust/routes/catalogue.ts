import { inn10 } from "../../modules/imports/imports.test-support";
import { type Entry, onRow, t, url, v1 } from "../route-kit";

const roleLimits = {
  admin: { maxDiscountPercent: null, maxProposalAmount: null },
  head: { maxDiscountPercent: "25", maxProposalAmount: "10000000.00" },
  manager: { maxDiscountPercent: "10", maxProposalAmount: "1000000.00" },
  department: { maxDiscountPercent: "0", maxProposalAmount: "0.00" },
};

/** Catalogue, prices, discounts, terms, our organisations and authority limits. */
export const catalogueRouteMap: Record<string, Entry> = {
  "GET /api/v1/products": t("catalogue", "read", url(`${v1}/products?limit=200`)),
  "POST /api/v1/products": t("catalogue", "create", (c) => ({
    url: `${v1}/products`,
    body: { sku: `MX-${c.n}`, name: `Матричный товар ${c.n}` },
  })),
  "POST /api/v1/products/import": t("catalogue", "import", (c) => ({
    url: `${v1}/products/import`,
    multipart: {
      fields: {},
      file: { name: "catalogue.csv", content: `Артикул;Наименование\r\nIMX-${c.n};Импортный товар\r\n` },
    },
  })),
  "GET /api/v1/products/{id}": t(
    "catalogue",
    "read",
    onRow((id) => `${v1}/products/${id}`),
    { row: "product" },
  ),
  "PATCH /api/v1/products/{id}": t(
    "catalogue",
    "update",
    onRow((id) => `${v1}/products/${id}`, { version: 1, name: "Правка" }),
    { row: "product" },
  ),
  "DELETE /api/v1/products/{id}": t(
    "catalogue",
    "delete",
    onRow((id) => `${v1}/products/${id}`),
    { row: "product" },
  ),
  "POST /api/v1/products/{id}/restore": t(
    "catalogue",
    "restore",
    onRow((id) => `${v1}/products/${id}/restore`, {}),
    { row: "deletedProduct" },
  ),
  "GET /api/v1/exports/products.csv": t("catalogue", "export", url(`${v1}/exports/products.csv`)),
  "GET /api/v1/exports/products.xlsx": t("catalogue", "export", url(`${v1}/exports/products.xlsx`)),
  "GET /api/v1/units": t("catalogue", "read", url(`${v1}/units`)),
  "GET /api/v1/product-groups": t("catalogue", "read", url(`${v1}/product-groups`)),
  "POST /api/v1/product-groups": t("catalogue", "create", (c) => ({
    url: `${v1}/product-groups`,
    body: { name: `Группа ${c.n}` },
  })),
  "PATCH /api/v1/product-groups/{id}": t(
    "catalogue",
    "update",
    onRow((id) => `${v1}/product-groups/${id}`, { version: 1, name: "Правка" }),
    { row: "productGroup" },
  ),
  "DELETE /api/v1/product-groups/{id}": t(
    "catalogue",
    "delete",
    onRow((id) => `${v1}/product-groups/${id}`),
    { row: "productGroup" },
  ),

  "GET /api/v1/price-lists": t("priceLists", "read", url(`${v1}/price-lists`)),
  "POST /api/v1/price-lists": t("priceLists", "create", (c) => ({
    url: `${v1}/price-lists`,
    body: { name: `Прайс ${c.n}` },
  })),
  "GET /api/v1/price-lists/{id}": t(
    "priceLists",
    "read",
    onRow((id) => `${v1}/price-lists/${id}`),
    { row: "priceList" },
  ),
  "PATCH /api/v1/price-lists/{id}": t(
    "priceLists",
    "update",
    onRow((id) => `${v1}/price-lists/${id}`, { version: 1, name: "Правка" }),
    { row: "priceList" },
  ),
  "DELETE /api/v1/price-lists/{id}": t(
    "priceLists",
    "delete",
    onRow((id) => `${v1}/price-lists/${id}`),
    { row: "priceList" },
  ),
  "GET /api/v1/price-lists/{id}/prices": t(
    "priceLists",
    "read",
    onRow((id) => `${v1}/price-lists/${id}/prices`),
    { row: "priceList" },
  ),
  "PUT /api/v1/price-lists/{id}/prices": t(
    "priceLists",
    "update",
    (c) => ({
      url: `${v1}/price-lists/${c.row!.ids[0]}/prices`,
      body: { items: [{ productId: c.row!.ids[1], price: "10.00" }] },
    }),
    { row: "priceList" },
  ),
  "GET /api/v1/segment-price-lists": t("priceLists", "read", url(`${v1}/segment-price-lists`)),
  "PUT /api/v1/segment-price-lists": t(
    "priceLists",
    "update",
    (c) => ({
      url: `${v1}/segment-price-lists`,
      body: { segment: "Матрица", priceListId: c.row!.ids[0] },
    }),
    { row: "priceList" },
  ),

  "GET /api/v1/discount-rule-sets": t("discountRules", "read", url(`${v1}/discount-rule-sets`)),
  "POST /api/v1/discount-rule-sets": t("discountRules", "create", (c) => ({
    url: `${v1}/discount-rule-sets`,
    body: { name: `Набор ${c.n}` },
  })),
  "PATCH /api/v1/discount-rule-sets/{id}": t(
    "discountRules",
    "update",
    onRow((id) => `${v1}/discount-rule-sets/${id}`, { version: 1, combine: "sum" }),
    { row: "discountRuleSet" },
  ),
  "DELETE /api/v1/discount-rule-sets/{id}": t(
    "discountRules",
    "delete",
    onRow((id) => `${v1}/discount-rule-sets/${id}`),
    { row: "discountRuleSet" },
  ),
  "GET /api/v1/discount-rules": t("discountRules", "read", url(`${v1}/discount-rules`)),
  "POST /api/v1/discount-rules": t(
    "discountRules",
    "create",
    (c) => ({
      url: `${v1}/discount-rules`,
      body: {
        ruleSetId: c.row!.ids[0],
        name: "Объём",
        kind: "volume_quantity",
        percent: "5",
        minQuantity: "10",
      },
    }),
    { row: "discountRuleSet" },
  ),
  "GET /api/v1/discount-rules/{id}": t(
    "discountRules",
    "read",
    onRow((id) => `${v1}/discount-rules/${id}`),
    { row: "discountRule" },
  ),
  "PATCH /api/v1/discount-rules/{id}": t(
    "discountRules",
    "update",
    onRow((id) => `${v1}/discount-rules/${id}`, { version: 1, percent: "6" }),
    { row: "discountRule" },
  ),
  "DELETE /api/v1/discount-rules/{id}": t(
    "discountRules",
    "delete",
    onRow((id) => `${v1}/discount-rules/${id}`),
    { row: "discountRule" },
  ),

  "GET /api/v1/terms-templates": t("termsTemplates", "read", url(`${v1}/terms-templates`)),
  "POST /api/v1/terms-templates": t("termsTemplates", "create", (c) => ({
    url: `${v1}/terms-templates`,
    body: { kind: "delivery", name: `Доставка ${c.n}`, deliveryMethod: "pickup" },
  })),
  "GET /api/v1/terms-templates/{id}": t(
    "termsTemplates",
    "read",
    onRow((id) => `${v1}/terms-templates/${id}`),
    { row: "termsTemplate" },
  ),
  "PATCH /api/v1/terms-templates/{id}": t(
    "termsTemplates",
    "update",
    onRow((id) => `${v1}/terms-templates/${id}`, { version: 1, name: "Правка" }),
    { row: "termsTemplate" },
  ),
  "DELETE /api/v1/terms-templates/{id}": t(
    "termsTemplates",
    "delete",
    onRow((id) => `${v1}/terms-templates/${id}`),
    { row: "termsTemplate" },
  ),
  "GET /api/v1/companies/{id}/terms": t(
    "clientTerms",
    "read",
    onRow((id) => `${v1}/companies/${id}/terms`),
    { row: "a1Company" },
  ),
  "PUT /api/v1/companies/{id}/terms": t(
    "clientTerms",
    "update",
    onRow((id) => `${v1}/companies/${id}/terms`, { creditLimit: "1000.00" }),
    { row: "company" },
  ),

  "GET /api/v1/organisations": t("organisations", "read", url(`${v1}/organisations`)),
  "POST /api/v1/organisations": t("organisations", "create", (c) => ({
    url: `${v1}/organisations`,
    body: { name: `ООО «Продавец ${c.n}»`, inn: inn10(8000 + c.n) },
  })),
  "GET /api/v1/organisations/{id}": t(
    "organisations",
    "read",
    onRow((id) => `${v1}/organisations/${id}`),
    { row: "organisation" },
  ),
  "PATCH /api/v1/organisations/{id}": t(
    "organisations",
    "update",
    onRow((id) => `${v1}/organisations/${id}`, { version: 1, director: "Петров П. П." }),
    { row: "organisation" },
  ),
  "DELETE /api/v1/organisations/{id}": t(
    "organisations",
    "delete",
    onRow((id) => `${v1}/organisations/${id}`),
    { row: "organisation" },
  ),

  "GET /api/v1/authority-limits": t("limits", "read", url(`${v1}/authority-limits`)),
  "PUT /api/v1/authority-limits": t("limits", "update", () => ({
    url: `${v1}/authority-limits`,
    body: roleLimits,
  })),
  "GET /api/v1/user-limits": t("limits", "read", url(`${v1}/user-limits`)),
  "GET /api/v1/users/{id}/limits": t(
    "limits",
    "read",
    onRow((id) => `${v1}/users/${id}/limits`),
    { row: "a1User" },
  ),
  "PUT /api/v1/users/{id}/limits": t(
    "limits",
    "update",
    onRow((id) => `${v1}/users/${id}/limits`, {
      override: { maxDiscountPercent: "5", maxProposalAmount: null },
    }),
    { row: "user" },
  ),
  "GET /api/v1/auth/me/limits": { kind: "self", write: false, call: url(`${v1}/auth/me/limits`) },
};
