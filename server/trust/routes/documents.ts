import { buildDefaultTemplate } from "../../modules/documents/docx.template";
import { type Entry, has, onRow, t, url, v1 } from "../route-kit";

/** Printed proposals, sending, Word templates, mail settings, invoices and payments. */
export const documentsRouteMap: Record<string, Entry> = {
  "GET /api/v1/proposals/{id}/pdf": t(
    "proposalDocuments",
    "read",
    onRow((id) => `${v1}/proposals/${id}/pdf`),
    { row: "printableProposal" },
  ),
  "GET /api/v1/proposals/{id}/docx": t(
    "proposalDocuments",
    "read",
    onRow((id) => `${v1}/proposals/${id}/docx`),
    { row: "printableProposal" },
  ),
  "GET /api/v1/proposals/{id}/send-preview": t(
    "proposalDocuments",
    "read",
    onRow((id) => `${v1}/proposals/${id}/send-preview`),
    { row: "printableProposal" },
  ),
  "POST /api/v1/proposals/{id}/send": t(
    "proposalDocuments",
    "create",
    onRow((id) => `${v1}/proposals/${id}/send`, { to: ["matrix-client@example.ru"] }),
    { row: "printableProposal", ok: 200 },
  ),
  "GET /api/v1/document-templates": t("documentTemplates", "read", url(`${v1}/document-templates`)),
  "POST /api/v1/document-templates": t(
    "documentTemplates",
    "create",
    (c) => ({
      url: `${v1}/document-templates`,
      multipart: {
        fields: { name: `Матрица ${c.n}` },
        file: { name: "matrix.docx", content: buildDefaultTemplate() },
      },
    }),
    { ok: 201 },
  ),
  "GET /api/v1/document-templates/default.docx": t(
    "documentTemplates",
    "read",
    url(`${v1}/document-templates/default.docx`),
  ),
  "GET /api/v1/document-templates/{id}/file": t(
    "documentTemplates",
    "read",
    onRow((id) => `${v1}/document-templates/${id}/file`),
    { row: "documentTemplate" },
  ),
  "DELETE /api/v1/document-templates/{id}": t(
    "documentTemplates",
    "delete",
    onRow((id) => `${v1}/document-templates/${id}`),
    { row: "documentTemplate" },
  ),
  "GET /api/v1/settings/mail": t("mailSettings", "read", url(`${v1}/settings/mail`)),
  "PUT /api/v1/settings/mail": t(
    "mailSettings",
    "update",
    (c) => ({
      url: `${v1}/settings/mail`,
      body: {
        host: "127.0.0.1",
        port: Number(c.row!.ids[0]),
        security: "none",
        fromAddress: "matrix@example.ru",
      },
    }),
    { row: "mailServer" },
  ),
  "POST /api/v1/settings/mail/test": t(
    "mailSettings",
    "update",
    () => ({ url: `${v1}/settings/mail/test`, body: { to: "matrix-admin@example.ru" } }),
    { row: "mailServer", ok: 200 },
  ),
  "POST /api/v1/proposals/{id}/invoice": t(
    "invoices",
    "create",
    onRow((id) => `${v1}/proposals/${id}/invoice`, {}),
    { row: "acceptedProposal", ok: 201 },
  ),
  // A1's invoices come from the matrix's own proposals, all numbered КП-МАТРИЦА-n.
  "GET /api/v1/invoices": t("invoices", "read", url(`${v1}/invoices?limit=200`), {
    shows: has("КП-МАТРИЦА"),
  }),
  "GET /api/v1/invoices/{id}": t(
    "invoices",
    "read",
    onRow((id) => `${v1}/invoices/${id}`),
    { row: "invoice" },
  ),
  "GET /api/v1/invoices/{id}/pdf": t(
    "invoices",
    "read",
    onRow((id) => `${v1}/invoices/${id}/pdf`),
    { row: "invoice" },
  ),
  "GET /api/v1/invoices/{id}/payments": t(
    "invoices",
    "read",
    onRow((id) => `${v1}/invoices/${id}/payments`),
    { row: "invoice" },
  ),
  "POST /api/v1/invoices/{id}/payments": t(
    "invoices",
    "update",
    onRow((id) => `${v1}/invoices/${id}/payments`, { paidOn: "2026-11-28", amount: "1.00" }),
    { row: "invoice", ok: 201 },
  ),
  "DELETE /api/v1/invoices/{id}/payments/{paymentId}": t(
    "invoices",
    "delete",
    (c) => ({ url: `${v1}/invoices/${c.row!.ids[0]}/payments/${c.row!.ids[1]}` }),
    { row: "payment" },
  ),
};
