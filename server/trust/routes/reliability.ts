import { type Entry, onRow, t, url, v1 } from "../route-kit";

/** Counterparty reliability: every route classified for the permission matrix. */
export const reliabilityRouteMap: Record<string, Entry> = {
  "GET /api/v1/reliability/{companyId}": t(
    "reliability",
    "read",
    onRow((id) => `${v1}/reliability/${id}`),
    { row: "a1Company" },
  ),
  "POST /api/v1/reliability/{companyId}/refresh": t(
    "reliability",
    "update",
    onRow((id) => `${v1}/reliability/${id}/refresh`, {}),
    { row: "company" },
  ),
  "POST /api/v1/reliability/{companyId}/override": t(
    "reliability",
    "approve",
    onRow((id) => `${v1}/reliability/${id}/override`, { grade: "C", reason: "Проверка матрицы" }),
    { row: "company" },
  ),
  "GET /api/v1/reliability/{companyId}/payment-history": t(
    "reliability",
    "read",
    onRow((id) => `${v1}/reliability/${id}/payment-history`),
    { row: "a1Company" },
  ),
  "PUT /api/v1/reliability/{companyId}/payment-history": t(
    "reliability",
    "update",
    onRow((id) => `${v1}/reliability/${id}/payment-history`, {
      csv: "A-1;2026-01-10;2026-01-20;100;2026-01-19\n",
    }),
    { row: "company" },
  ),
  "GET /api/v1/companies/{id}/financials": t(
    "reliability",
    "read",
    onRow((id) => `${v1}/companies/${id}/financials`),
    { row: "a1Company" },
  ),
  "PUT /api/v1/companies/{id}/financials/{year}": t(
    "reliability",
    "update",
    onRow((id) => `${v1}/companies/${id}/financials/2025`, { lines: { "1600": "100", "2110": "50" } }),
    { row: "company" },
  ),
  "DELETE /api/v1/companies/{id}/financials/{year}": t(
    "reliability",
    "update",
    onRow((id) => `${v1}/companies/${id}/financials/2025`),
    { row: "companyWithStatement" },
  ),
  "GET /api/v1/settings/registry": t("reliabilitySettings", "read", url(`${v1}/settings/registry`)),
  "PUT /api/v1/settings/registry": t("reliabilitySettings", "update", () => ({
    url: `${v1}/settings/registry`,
    body: { baseUrl: "http://127.0.0.1:9" },
  })),
  "POST /api/v1/settings/registry/test": t("reliabilitySettings", "update", () => ({
    url: `${v1}/settings/registry/test`,
    body: {},
  })),
  "GET /api/v1/settings/reliability": t("reliabilitySettings", "read", url(`${v1}/settings/reliability`)),
  "PUT /api/v1/settings/reliability": t("reliabilitySettings", "update", () => ({
    url: `${v1}/settings/reliability`,
    body: {
      weights: { registry: 30, age: 10, models: 35, payment: 25 },
      thresholds: { A: 75, B: 55, C: 35 },
      limit: {
        revenueShare: "0.05",
        equityShare: "0.25",
        historyMonths: "1",
        gradeFactor: { A: "1", B: "0.6", C: "0.3", D: "0" },
        max: "50000000",
      },
      igeaK1: "netWorkingCapital",
      recheckDays: 7,
      registryRps: 10,
    },
  })),
};
