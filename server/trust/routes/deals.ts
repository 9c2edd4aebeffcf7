import { type Entry, hasId, onRow, t, url, v1 } from "../route-kit";

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Deals follow their own owner's reach (deals.*); pipelines, lost reasons and competitors are
 * read by every seller and written by an admin (pipelines.*). Reads of one deal take a fresh
 * deal of A1's; lists, the board and the forecast must show A1's shared deal exactly when
 * A1 is within the caller's reach.
 */
export const dealsRouteMap: Record<string, Entry> = {
  "GET /api/v1/pipelines": t("pipelines", "read", url(`${v1}/pipelines`)),
  "POST /api/v1/pipelines": t("pipelines", "create", (c) => ({
    url: `${v1}/pipelines`,
    body: {
      name: `Матрица ${c.n}`,
      stages: [
        { key: "a", name: "Первый", probability: 10, kind: "open" },
        { key: "won", name: "Выиграна", probability: 100, kind: "won" },
        { key: "lost", name: "Проиграна", probability: 0, kind: "lost" },
      ],
    },
  })),
  "GET /api/v1/pipelines/{id}": t(
    "pipelines",
    "read",
    onRow((id) => `${v1}/pipelines/${id}`),
    { row: "pipeline" },
  ),
  "PATCH /api/v1/pipelines/{id}": t(
    "pipelines",
    "update",
    onRow((id) => `${v1}/pipelines/${id}`, { version: 1, name: "Правка" }),
    { row: "pipeline" },
  ),
  "DELETE /api/v1/pipelines/{id}": t(
    "pipelines",
    "delete",
    onRow((id) => `${v1}/pipelines/${id}`),
    { row: "pipeline" },
  ),
  "GET /api/v1/lost-reasons": t("pipelines", "read", url(`${v1}/lost-reasons`)),
  "POST /api/v1/lost-reasons": t("pipelines", "create", (c) => ({
    url: `${v1}/lost-reasons`,
    body: { name: `Причина матрицы ${c.n}` },
  })),
  "PATCH /api/v1/lost-reasons/{id}": t(
    "pipelines",
    "update",
    onRow((id) => `${v1}/lost-reasons/${id}`, { version: 1, name: "Правка" }),
    { row: "lostReason" },
  ),
  "DELETE /api/v1/lost-reasons/{id}": t(
    "pipelines",
    "delete",
    onRow((id) => `${v1}/lost-reasons/${id}`),
    { row: "lostReason" },
  ),
  "GET /api/v1/competitors": t("pipelines", "read", url(`${v1}/competitors?limit=200`)),
  "POST /api/v1/competitors": t("pipelines", "create", (c) => ({
    url: `${v1}/competitors`,
    body: { name: `Конкурент матрицы ${c.n}` },
  })),
  "GET /api/v1/competitors/{id}": t(
    "pipelines",
    "read",
    onRow((id) => `${v1}/competitors/${id}`),
    { row: "competitor" },
  ),
  "PATCH /api/v1/competitors/{id}": t(
    "pipelines",
    "update",
    onRow((id) => `${v1}/competitors/${id}`, { version: 1, notes: "правка" }),
    { row: "competitor" },
  ),
  "DELETE /api/v1/competitors/{id}": t(
    "pipelines",
    "delete",
    onRow((id) => `${v1}/competitors/${id}`),
    { row: "competitor" },
  ),

  "GET /api/v1/deals": t("deals", "read", url(`${v1}/deals?stage=proposal&limit=200`), {
    shows: hasId((w) => w.deal.id),
  }),
  // A deal is opened on a company: A1's company, so who cannot see it gets 404.
  "POST /api/v1/deals": t(
    "deals",
    "create",
    (c) => ({
      url: `${v1}/deals`,
      body: {
        title: `Сделка матрицы ${c.n}`,
        companyId: c.row!.ids[0],
        nextStep: "Позвонить",
        nextStepDate: day(2),
      },
    }),
    { row: "a1Company" },
  ),
  "GET /api/v1/deals/board": t("deals", "read", url(`${v1}/deals/board?stage=proposal&limit=100`), {
    shows: hasId((w) => w.deal.id),
  }),
  "GET /api/v1/deals/forecast": t(
    "deals",
    "read",
    url(`${v1}/deals/forecast?from=${day(-365)}&to=${day(365)}`),
    { shows: hasId((w) => w.sessions.A1.user.id) },
  ),
  "GET /api/v1/deals/{id}": t(
    "deals",
    "read",
    onRow((id) => `${v1}/deals/${id}`),
    { row: "deal" },
  ),
  "PATCH /api/v1/deals/{id}": t(
    "deals",
    "update",
    onRow((id) => `${v1}/deals/${id}`, { version: 1, title: "Правка сделки" }),
    { row: "deal" },
  ),
  "DELETE /api/v1/deals/{id}": t(
    "deals",
    "delete",
    onRow((id) => `${v1}/deals/${id}`),
    { row: "deal" },
  ),
  "POST /api/v1/deals/{id}/restore": t(
    "deals",
    "restore",
    onRow((id) => `${v1}/deals/${id}/restore`),
    { row: "deletedDeal" },
  ),
  "POST /api/v1/deals/{id}/move": t(
    "deals",
    "update",
    onRow((id) => `${v1}/deals/${id}/move`, { stage: "needs", version: 1 }),
    { row: "deal" },
  ),
  "POST /api/v1/deals/{id}/reopen": t(
    "deals",
    "update",
    onRow((id) => `${v1}/deals/${id}/reopen`, { version: 2 }),
    { row: "closedDeal" },
  ),
  "GET /api/v1/deals/{id}/stages": t(
    "deals",
    "read",
    onRow((id) => `${v1}/deals/${id}/stages`),
    { row: "deal" },
  ),
  "GET /api/v1/deals/{id}/log": t(
    "deals",
    "read",
    onRow((id) => `${v1}/deals/${id}/log`),
    { row: "deal" },
  ),
  "POST /api/v1/deals/{id}/log": t(
    "deals",
    "update",
    onRow((id) => `${v1}/deals/${id}/log`, { on: day(0), text: "Обсудили условия" }),
    { row: "deal" },
  ),
};
