import { type Entry, onRow, t, url, v1 } from "../route-kit";

const scheme = (n: number) => ({
  name: `Матричная схема ${n}`,
  steps: [{ type: "call", delayWorkingDays: 0, subject: "Звонок" }],
});

/** Contact schemes, constant contact and the production calendar in the permission matrix. */
export const cadencesRouteMap: Record<string, Entry> = {
  "GET /api/v1/calendar/production": t("settings", "read", url(`${v1}/calendar/production?year=2026`)),
  "PUT /api/v1/calendar/production/{date}": t("settings", "update", (c) => ({
    url: `${v1}/calendar/production/2026-06-${String(1 + (c.n % 5)).padStart(2, "0")}`,
    body: { kind: "short", note: "Матрица" },
  })),
  "GET /api/v1/cadences": t("cadences", "read", url(`${v1}/cadences?limit=200`)),
  "POST /api/v1/cadences": t("cadences", "create", (c) => ({ url: `${v1}/cadences`, body: scheme(c.n) })),
  "GET /api/v1/cadences/{id}": t(
    "cadences",
    "read",
    onRow((id) => `${v1}/cadences/${id}`),
    { row: "cadence" },
  ),
  "PATCH /api/v1/cadences/{id}": t(
    "cadences",
    "update",
    onRow((id) => `${v1}/cadences/${id}`, { version: 1, name: "Правка схемы" }),
    { row: "cadence" },
  ),
  "DELETE /api/v1/cadences/{id}": t(
    "cadences",
    "delete",
    onRow((id) => `${v1}/cadences/${id}`),
    { row: "cadence" },
  ),
  "POST /api/v1/cadences/{id}/restore": t(
    "cadences",
    "restore",
    onRow((id) => `${v1}/cadences/${id}/restore`, {}),
    { row: "deletedCadence" },
  ),
  // The scheme is A1's and readable by all; the company enrolled decides the reach.
  "POST /api/v1/cadences/{id}/enrol": t(
    "cadenceEnrolments",
    "create",
    (c) => ({ url: `${v1}/cadences/${c.row!.ids[0]}/enrol`, body: { companyIds: [c.row!.ids[1]] } }),
    { row: "cadenceTarget" },
  ),
  "GET /api/v1/cadences/{id}/enrolments": t(
    "cadences",
    "read",
    onRow((id) => `${v1}/cadences/${id}/enrolments`),
    { row: "cadence" },
  ),
  "GET /api/v1/cadences/{id}/stats": t(
    "cadences",
    "read",
    onRow((id) => `${v1}/cadences/${id}/stats`),
    { row: "cadence" },
  ),
  "GET /api/v1/cadence-enrolments": t("cadenceEnrolments", "read", (c) => ({
    url: `${v1}/cadence-enrolments?companyId=${c.w.company.id}`,
  })),
  "POST /api/v1/cadence-enrolments/{id}/stop": t(
    "cadenceEnrolments",
    "update",
    onRow((id) => `${v1}/cadence-enrolments/${id}/stop`, {}),
    { row: "enrolment" },
  ),
  "GET /api/v1/cadence-enrol-jobs/{id}": t(
    "cadenceEnrolments",
    "read",
    onRow((id) => `${v1}/cadence-enrol-jobs/${id}`),
    { row: "enrolJob" },
  ),
  "GET /api/v1/attention": t("companies", "read", url(`${v1}/attention`)),
  "GET /api/v1/attention/targets": t("settings", "read", url(`${v1}/attention/targets`)),
  "PUT /api/v1/attention/targets": t("settings", "update", () => ({
    url: `${v1}/attention/targets`,
    body: { byStatus: [{ status: "client", days: 30 }], bySegment: [{ segment: "Матрица", days: 10 }] },
  })),
  "GET /api/v1/companies/{id}/contact-target": t(
    "companies",
    "read",
    onRow((id) => `${v1}/companies/${id}/contact-target`),
    { row: "a1Company" },
  ),
  "PUT /api/v1/companies/{id}/contact-target": t(
    "companies",
    "update",
    onRow((id) => `${v1}/companies/${id}/contact-target`, { days: 45 }),
    { row: "company" },
  ),
};
