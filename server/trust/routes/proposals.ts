import { type Entry, onRow, t, url, v1 } from "../route-kit";

/** Proposals and approvals in the permission matrix; rows are A1's fresh proposals and requests. */
const p = (id: string) => `${v1}/proposals/${id}`;
const status = { version: 1 };

export const proposalsRouteMap: Record<string, Entry> = {
  "GET /api/v1/proposals": t("proposals", "read", url(`${v1}/proposals?limit=200`)),
  "POST /api/v1/proposals": t(
    "proposals",
    "create",
    (c) => ({ url: `${v1}/proposals`, body: { companyId: c.row!.ids[0] } }),
    {
      row: "proposalClient",
    },
  ),
  "POST /api/v1/proposals/quote": t(
    "proposals",
    "read",
    (c) => ({ url: `${v1}/proposals/quote`, body: { companyId: c.row!.ids[0], lines: [] } }),
    { row: "a1Company" },
  ),
  "GET /api/v1/proposals/product-options": t("proposals", "read", url(`${v1}/proposals/product-options?q=`)),
  "GET /api/v1/proposals/defaults": t(
    "proposals",
    "read",
    onRow((id) => `${v1}/proposals/defaults?companyId=${id}`),
    { row: "a1Company" },
  ),
  "GET /api/v1/proposals/{id}": t("proposals", "read", onRow(p), { row: "proposal" }),
  "PATCH /api/v1/proposals/{id}": t(
    "proposals",
    "update",
    onRow(p, { version: 1, notes: "Правка матрицы" }),
    { row: "proposal" },
  ),
  "POST /api/v1/proposals/{id}/submit": t(
    "proposals",
    "update",
    onRow((id) => `${p(id)}/submit`, status),
    { row: "proposal" },
  ),
  "POST /api/v1/proposals/{id}/mark-sent": t(
    "proposals",
    "update",
    onRow((id) => `${p(id)}/mark-sent`, status),
    { row: "proposal" },
  ),
  "POST /api/v1/proposals/{id}/accept": t(
    "proposals",
    "update",
    onRow((id) => `${p(id)}/accept`, {}),
    { row: "sentProposal" },
  ),
  "POST /api/v1/proposals/{id}/reject": t(
    "proposals",
    "update",
    onRow((id) => `${p(id)}/reject`, {}),
    { row: "sentProposal" },
  ),
  "POST /api/v1/proposals/{id}/revise": t(
    "proposals",
    "update",
    onRow((id) => `${p(id)}/revise`),
    { row: "sentProposal" },
  ),
  "GET /api/v1/proposals/{id}/revisions": t(
    "proposals",
    "read",
    onRow((id) => `${p(id)}/revisions`),
    { row: "proposal" },
  ),
  "GET /api/v1/proposals/{id}/compare": t(
    "proposals",
    "read",
    onRow((id) => `${p(id)}/compare?with=${id}`),
    { row: "proposal" },
  ),
  "GET /api/v1/approvals": t("approvals", "read", url(`${v1}/approvals?box=all&limit=200`)),
  "GET /api/v1/approvals/{id}": t(
    "approvals",
    "read",
    onRow((id) => `${v1}/approvals/${id}`),
    { row: "approval" },
  ),
  "POST /api/v1/approvals/{id}/approve": t(
    "approvals",
    "approve",
    onRow((id) => `${v1}/approvals/${id}/approve`, { comment: "Да" }),
    { row: "approval" },
  ),
  "POST /api/v1/approvals/{id}/reject": t(
    "approvals",
    "approve",
    onRow((id) => `${v1}/approvals/${id}/reject`, { comment: "Нет" }),
    { row: "approval" },
  ),
};
