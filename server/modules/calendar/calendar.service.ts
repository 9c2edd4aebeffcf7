import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { CalendarEvent, CalendarFeed, CalendarQuery } from "../../../contracts/activities";
import { buildCalendar } from "../../../core/ical";
import { isTimeZone } from "../../../core/zoned-time";
import { activities } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { assertMayWrite, authorize, visibleOwnerIds } from "../../platform/policy";
import { isOverdue } from "../activities/activities.presenter";
import { type ActivityRow, dueBetween, visibleWhere } from "../activities/activities.repo";
import { deleteFeed, feedOwner, findFeed, putFeed } from "./calendar.repo";

const DAY = 86_400_000;
const calendarTypes = ["meeting", "task"] as const;

function toEvent(r: ActivityRow, now: number): CalendarEvent {
  return {
    id: r.id,
    type: r.type,
    subject: r.subject,
    start: r.dueAt!,
    end: r.endAt,
    done: r.doneAt !== null,
    overdue: isOverdue(r, now),
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    companyId: r.companyId,
    companyName: r.companyName,
    version: r.version,
  };
}

/** Meetings and tasks with a due time in [from, to) for one person (the caller by default). */
export async function calendarEvents(db: Db, actor: Actor, q: CalendarQuery) {
  const reach = authorize(actor, "activities", "read");
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (to <= from)
    throw AppError.rule("calendar_range_order", {}, [{ path: "to", message: "calendar_range_order" }]);
  if (to - from > 62 * DAY) {
    throw AppError.rule("calendar_range_too_long", {}, [{ path: "to", message: "calendar_range_too_long" }]);
  }
  const where = and(
    visibleWhere(actor.workspaceId, visibleOwnerIds(actor, reach)),
    eq(activities.ownerId, q.ownerId ?? actor.id),
    inArray(activities.type, [...calendarTypes]),
  ) as SQL;
  const rows = await dueBetween(db, where, new Date(from).toISOString(), new Date(to).toISOString(), 2000);
  const now = Date.now();
  return { items: rows.map((r) => toEvent(r, now)) };
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

function feedUrl(base: string, token: string): string {
  return `${base.replace(/\/$/, "")}/api/v1/calendar/feed/${token}.ics`;
}

/** The caller's secret address, if they have made one. */
export async function getFeed(db: Db, actor: Actor, base: string): Promise<CalendarFeed> {
  const row = await findFeed(db, actor.workspaceId, actor.id);
  return { url: row?.token ? feedUrl(base, row.token) : null, createdAt: row?.createdAt ?? null };
}

/** Makes a new secret address; the previous one stops working at once. */
export async function rotateFeed(db: Db, actor: Actor, base: string): Promise<CalendarFeed> {
  assertMayWrite(actor);
  const token = randomBytes(32).toString("base64url");
  const row = await putFeed(db, actor.workspaceId, actor.id, { token, tokenHash: hash(token) });
  return { url: feedUrl(base, token), createdAt: row.createdAt };
}

export async function revokeFeed(db: Db, actor: Actor): Promise<CalendarFeed> {
  assertMayWrite(actor);
  await deleteFeed(db, actor.workspaceId, actor.id);
  return { url: null, createdAt: null };
}

/**
 * The iCalendar text behind a secret address: the owner's meetings and tasks from 60 days back
 * to a year ahead, in their time zone. An unknown, rotated or revoked token is a plain 404.
 */
export async function feedCalendar(
  db: Db,
  rawToken: string,
  base: string,
  now = Date.now(),
): Promise<string> {
  const token = rawToken.replace(/\.ics$/, "");
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw AppError.notFound();
  const owner = await feedOwner(db, hash(token));
  if (!owner) throw AppError.notFound();
  const timeZone = isTimeZone(owner.timeZone) ? owner.timeZone : "Europe/Moscow";
  const from = now - 60 * DAY;
  const to = now + 366 * DAY;
  const where = and(
    eq(activities.workspaceId, owner.workspaceId),
    eq(activities.ownerId, owner.userId),
    inArray(activities.type, [...calendarTypes]),
    isNull(activities.deletedAt),
  ) as SQL;
  const rows = await dueBetween(db, where, new Date(from).toISOString(), new Date(to).toISOString(), 5000);
  const host = (() => {
    try {
      return new URL(base).host || "accord";
    } catch {
      return "accord";
    }
  })();
  return buildCalendar({
    prodId: "-//Accord//Accord CRM//RU",
    name: `Accord — ${owner.fullName}`,
    timeZone,
    span: { from, to },
    events: rows.map((r) => ({
      uid: `${r.id}@${host}`,
      start: Date.parse(r.dueAt!),
      end: r.endAt ? Date.parse(r.endAt) : null,
      summary: r.doneAt ? `✓ ${r.subject}` : r.subject,
      description: [r.companyName, r.body].filter(Boolean).join("\n") || null,
      stamp: Date.parse(r.updatedAt),
      categories: [r.type === "meeting" ? "Встреча" : "Задача"],
      url: r.companyId ? `${base.replace(/\/$/, "")}/clients/${r.companyId}` : null,
    })),
  });
}
