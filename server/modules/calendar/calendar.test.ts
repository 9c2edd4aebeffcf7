import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type Session } from "../../test/harness";

let h: Harness;
let me: Session;
beforeAll(async () => {
  h = await createHarness();
  me = await h.userWith("manager");
});
afterAll(() => h.close());

async function activity(as: Session, body: Record<string, unknown>) {
  const res = await h.post("/api/v1/activities", body, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

/** The path part of a feed URL, to fetch it through the app without a session. */
const pathOf = (url: string) => new URL(url).pathname;

describe("calendar events", () => {
  it("lists the caller's meetings and tasks with a due time in the range", async () => {
    const meeting = await activity(me, {
      type: "meeting",
      subject: "Встреча в офисе",
      dueAt: "2026-12-02T10:00:00+03:00",
      endAt: "2026-12-02T11:30:00+03:00",
    });
    await activity(me, { type: "call", subject: "Звонок", dueAt: "2026-12-02T12:00:00+03:00" });
    await activity(me, { type: "task", subject: "Вне периода", dueAt: "2027-01-20T12:00:00+03:00" });
    const res = await h.get(
      `/api/v1/calendar/events?from=${encodeURIComponent("2026-11-30T00:00:00+03:00")}&to=${encodeURIComponent("2026-12-07T00:00:00+03:00")}`,
      me,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        id: meeting.id,
        type: "meeting",
        start: "2026-12-02T07:00:00+00:00",
        end: "2026-12-02T08:30:00+00:00",
      }),
    ]);
  });

  it("refuses a range that is reversed or longer than 62 days", async () => {
    const reversed = await h.get(
      "/api/v1/calendar/events?from=2026-12-07T00:00:00Z&to=2026-12-01T00:00:00Z",
      me,
    );
    expect(reversed.statusCode).toBe(422);
    const long = await h.get("/api/v1/calendar/events?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", me);
    expect(long.statusCode).toBe(422);
    expect(long.json().code).toBe("calendar_range_too_long");
  });

  it("shows a colleague's calendar only as far as the caller's reach goes", async () => {
    const head = await h.userWith("head");
    const report = await h.userWith("manager", { headId: head.user.id });
    const stranger = await h.userWith("manager");
    await activity(report, {
      type: "task",
      subject: "Задача сотрудника",
      dueAt: "2026-12-03T09:00:00+03:00",
    });
    const q = `from=2026-12-01T00:00:00Z&to=2026-12-08T00:00:00Z&ownerId=${report.user.id}`;
    expect((await h.get(`/api/v1/calendar/events?${q}`, head)).json().items).toHaveLength(1);
    expect((await h.get(`/api/v1/calendar/events?${q}`, stranger)).json().items).toHaveLength(0);
  });
});

describe("the iCalendar feed", () => {
  it("is served without a session, parses with node-ical, and carries the user's zone", async () => {
    expect((await h.get("/api/v1/calendar/feed", me)).json()).toEqual({ url: null, createdAt: null });
    const made = (await h.post("/api/v1/calendar/feed", undefined, me)).json();
    expect(made.url).toMatch(/^http:\/\/localhost(:80)?\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    // The owner sees the same address again (API.md: GET → {url}); lookups go by the hash.
    expect((await h.get("/api/v1/calendar/feed", me)).json()).toEqual({
      url: made.url,
      createdAt: made.createdAt,
    });
    const stored = await h.ctx.database.pool.query("select token_hash from calendar_feeds");
    expect(stored.rows.some((r) => made.url.includes(r.token_hash))).toBe(false);

    const soon = new Date(Date.now() + 3 * 86_400_000);
    soon.setUTCHours(7, 0, 0, 0);
    const meeting = await activity(me, {
      type: "meeting",
      subject: "Переговоры; цены, сроки",
      body: "Повестка:\nскидка\\отсрочка",
      dueAt: soon.toISOString(),
      endAt: new Date(soon.getTime() + 3_600_000).toISOString(),
    });
    const res = await h.request("GET", pathOf(made.url));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(res.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(res.body).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow\r\n");
    expect(res.body.split("\r\n").every((l) => Buffer.byteLength(l, "utf8") <= 75)).toBe(true);
    const parsed = ical.sync.parseICS(res.body);
    const uid = Object.keys(parsed).find((k) => k.startsWith(meeting.id))!;
    const ev = parsed[uid] as ical.VEvent;
    expect(ev.summary).toBe("Переговоры; цены, сроки");
    expect(ev.description).toBe("Повестка:\nскидка\\отсрочка");
    expect(ev.start.tz).toBe("Europe/Moscow");
    expect(ev.start.toISOString()).toBe(soon.toISOString());
    expect(ev.end?.toISOString()).toBe(new Date(soon.getTime() + 3_600_000).toISOString());
    // 07:00 UTC is 10:00 on a Moscow clock.
    expect(res.body).toMatch(/DTSTART;TZID=Europe\/Moscow:\d{8}T100000/);

    // The user's zone setting changes the feed's zone, not the instants.
    await h.patch("/api/v1/auth/me", { timeZone: "Asia/Yekaterinburg" }, me);
    const again = await h.request("GET", pathOf(made.url));
    const ev2 = ical.sync.parseICS(again.body)[uid] as ical.VEvent;
    expect(ev2.start.tz).toBe("Asia/Yekaterinburg");
    expect(ev2.start.toISOString()).toBe(soon.toISOString());
    expect(again.body).toMatch(/DTSTART;TZID=Asia\/Yekaterinburg:\d{8}T120000/);
    // The UID is stable between fetches.
    expect(Object.keys(ical.sync.parseICS(again.body))).toContain(uid);
  });

  it("a rotated token stops working at once (404); a revoked one too", async () => {
    const first = (await h.post("/api/v1/calendar/feed", undefined, me)).json().url;
    expect((await h.request("GET", pathOf(first))).statusCode).toBe(200);
    const second = (await h.post("/api/v1/calendar/feed", undefined, me)).json().url;
    expect(second).not.toBe(first);
    const old = await h.request("GET", pathOf(first));
    expect(old.statusCode).toBe(404);
    expect(old.headers["content-type"]).toContain("application/problem+json");
    expect((await h.request("GET", pathOf(second))).statusCode).toBe(200);
    expect((await h.del("/api/v1/calendar/feed", me)).statusCode).toBe(200);
    expect((await h.request("GET", pathOf(second))).statusCode).toBe(404);
    expect((await h.request("GET", "/api/v1/calendar/feed/not-a-token")).statusCode).toBe(404);
  });

  it("a deactivated user's feed answers 404", async () => {
    const admin = await h.userWith("admin");
    const leaver = await h.userWith("manager");
    const url = (await h.post("/api/v1/calendar/feed", undefined, leaver)).json().url;
    const user = (await h.get(`/api/v1/users/${leaver.user.id}`, admin)).json();
    await h.patch(`/api/v1/users/${leaver.user.id}`, { version: user.version, active: false }, admin);
    expect((await h.request("GET", pathOf(url))).statusCode).toBe(404);
  });
});
