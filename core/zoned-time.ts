/**
 * Wall-clock time in an IANA time zone, from the platform's tz database (Intl), without
 * a library: day bounds for "My day", local times and offset transitions for iCalendar.
 */

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows the zone (user settings are free text). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

/** The wall clock in `timeZone` at the instant `ms`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour! % 24,
    minute: out.minute!,
    second: out.second!,
  };
}

/** The zone's offset from UTC at the instant, in minutes (Moscow: +180). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time in the zone. In a gap (spring forward) the later offset
 * applies; in an overlap the earlier instant is taken.
 */
export function zonedInstant(w: Omit<WallClock, "second"> & { second?: number }, timeZone: string): number {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0);
  const first = naive - offsetMinutes(naive, timeZone) * 60_000;
  const second = naive - offsetMinutes(first, timeZone) * 60_000;
  return Math.min(first, second);
}

const pad = (n: number, len = 2) => String(n).padStart(len, "0");

/** The calendar date (YYYY-MM-DD) of the instant in the zone. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** [start, end) of the local day that contains `ms`, as instants. */
export function dayBounds(ms: number, timeZone: string): { date: string; from: number; to: number } {
  const w = wallClock(ms, timeZone);
  const from = zonedInstant({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }, timeZone);
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  const to = zonedInstant(
    {
      year: next.getUTCFullYear(),
      month: next.getUTCMonth() + 1,
      day: next.getUTCDate(),
      hour: 0,
      minute: 0,
    },
    timeZone,
  );
  return { date: localDate(ms, timeZone), from, to };
}

export type OffsetTransition = { at: number; from: number; to: number };

/** Changes of the zone's UTC offset in [fromMs, toMs), found by daily steps and bisection. */
export function offsetTransitions(fromMs: number, toMs: number, timeZone: string): OffsetTransition[] {
  const out: OffsetTransition[] = [];
  const step = 86_400_000;
  let t = fromMs;
  let current = offsetMinutes(t, timeZone);
  while (t < toMs) {
    const next = Math.min(t + step, toMs);
    const nextOffset = offsetMinutes(next, timeZone);
    if (nextOffset !== current) {
      let lo = t;
      let hi = next;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetMinutes(mid, timeZone) === current) lo = mid;
        else hi = mid;
      }
      // hi is the first millisecond of the new offset.
      const at = hi;
      out.push({ at, from: current, to: nextOffset });
      current = nextOffset;
    }
    t = next;
  }
  return out;
}
