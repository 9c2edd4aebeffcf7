import { offsetMinutes, offsetTransitions, wallClock } from "./zoned-time";

/**
 * iCalendar (RFC 5545) writer for calendar feeds: CRLF line ends, lines folded at 75 octets,
 * TEXT values escaped (§3.3.11), times as local times with a TZID and a VTIMEZONE describing
 * that zone's offsets over the feed's span (§3.6.5), so any client shows them right.
 */

export type IcalEvent = {
  uid: string;
  start: number;
  end?: number | null;
  summary: string;
  description?: string | null;
  /** When the event last changed (DTSTAMP/LAST-MODIFIED). */
  stamp: number;
  status?: "CONFIRMED" | "CANCELLED" | "TENTATIVE";
  url?: string | null;
  categories?: string[];
};

export type IcalCalendar = {
  prodId: string;
  name: string;
  timeZone: string;
  events: IcalEvent[];
  /** The span the VTIMEZONE must cover (defaults to the events' span). */
  span?: { from: number; to: number };
};

/** TEXT escaping: backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into chunks of at most 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    if (bytes + size > limit) {
      out.push(current);
      // Continuation lines start with one space, which counts towards their 75 octets.
      current = "";
      bytes = 0;
      limit = 74;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number, len = 2) => String(Math.abs(n)).padStart(len, "0");

export function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

export function localStamp(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

function timeZoneComponent(timeZone: string, from: number, to: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const initial = offsetMinutes(from, timeZone);
  const transitions = offsetTransitions(from, to, timeZone);
  // The offset in force from the start of the span, as a STANDARD observance.
  lines.push(
    "BEGIN:STANDARD",
    `DTSTART:${localStamp(from, timeZone).slice(0, 9)}000000`,
    `TZOFFSETFROM:${offsetText(initial)}`,
    `TZOFFSETTO:${offsetText(initial)}`,
    "END:STANDARD",
  );
  for (const t of transitions) {
    const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the local time of the change as read on the clock before it (§3.6.5).
    const wall = utcStamp(t.at + t.from * 60_000).slice(0, 15);
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wall}`,
      `TZOFFSETFROM:${offsetText(t.from)}`,
      `TZOFFSETTO:${offsetText(t.to)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

export function buildCalendar(cal: IcalCalendar): string {
  const tz = cal.timeZone;
  const times = cal.events.flatMap((e) => [e.start, e.end ?? e.start]);
  const from = cal.span?.from ?? (times.length ? Math.min(...times) : Date.now());
  const to = cal.span?.to ?? (times.length ? Math.max(...times) : Date.now());
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${cal.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${tz}`,
    ...timeZoneComponent(tz, from - 86_400_000, to + 86_400_000),
  ];
  for (const e of cal.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `LAST-MODIFIED:${utcStamp(e.stamp)}`,
      `DTSTART;TZID=${tz}:${localStamp(e.start, tz)}`,
      `DTEND;TZID=${tz}:${localStamp(e.end && e.end > e.start ? e.end : e.start + 30 * 60_000, tz)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(",")}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.status ?? "CONFIRMED"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
