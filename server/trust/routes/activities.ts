import { type Entry, onRow, t, url, v1 } from "../route-kit";

const week = `from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z`;

/** Activities, the calendar and the bell, classified for the permission matrix. */
export const activitiesRouteMap: Record<string, Entry> = {
  "GET /api/v1/activities": t("activities", "read", url(`${v1}/activities?limit=200`)),
  "POST /api/v1/activities": t("activities", "create", (c) => ({
    url: `${v1}/activities`,
    body: { type: "note", subject: `Заметка матрицы ${c.n}` },
  })),
  "GET /api/v1/activities/my-day": t("activities", "read", url(`${v1}/activities/my-day`)),
  "GET /api/v1/activities/{id}": t(
    "activities",
    "read",
    onRow((id) => `${v1}/activities/${id}`),
    { row: "activity" },
  ),
  "PATCH /api/v1/activities/{id}": t(
    "activities",
    "update",
    onRow((id) => `${v1}/activities/${id}`, { version: 1, subject: "Правка матрицы" }),
    { row: "activity" },
  ),
  "DELETE /api/v1/activities/{id}": t(
    "activities",
    "delete",
    onRow((id) => `${v1}/activities/${id}`),
    { row: "activity" },
  ),
  "POST /api/v1/activities/{id}/complete": t(
    "activities",
    "update",
    onRow((id) => `${v1}/activities/${id}/complete`, { version: 1, outcome: "Итог" }),
    { row: "activity" },
  ),
  "POST /api/v1/activities/{id}/reopen": t(
    "activities",
    "update",
    onRow((id) => `${v1}/activities/${id}/reopen`, { version: 2 }),
    { row: "doneActivity" },
  ),
  "POST /api/v1/activities/{id}/restore": t(
    "activities",
    "restore",
    onRow((id) => `${v1}/activities/${id}/restore`, {}),
    { row: "deletedActivity" },
  ),
  "GET /api/v1/calendar/events": t("activities", "read", url(`${v1}/calendar/events?${week}`)),
  "GET /api/v1/calendar/feed": { kind: "self", write: false, call: url(`${v1}/calendar/feed`) },
  "POST /api/v1/calendar/feed": { kind: "self", write: true, call: url(`${v1}/calendar/feed`) },
  "DELETE /api/v1/calendar/feed": { kind: "self", write: true, call: url(`${v1}/calendar/feed`) },
  "GET /api/v1/calendar/feed/{token}": { kind: "public" },
  "GET /api/v1/notifications": t("notifications", "read", url(`${v1}/notifications`)),
  "GET /api/v1/notifications/unread-count": t(
    "notifications",
    "read",
    url(`${v1}/notifications/unread-count`),
  ),
  "POST /api/v1/notifications/read-all": t("notifications", "update", url(`${v1}/notifications/read-all`)),
  "POST /api/v1/notifications/{id}/read": t(
    "notifications",
    "update",
    onRow((id) => `${v1}/notifications/${id}/read`),
    { row: "notification" },
  ),
};
