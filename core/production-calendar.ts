/**
 * Russian production calendar (производственный календарь) as data.
 *
 * Non-working holidays (ТК РФ ст. 112): 1–6 and 8 January (New Year holidays), 7 January
 * (Christmas), 23 February, 8 March, 1 May, 9 May, 12 June, 4 November. When a holiday falls on a
 * weekend the day off moves to the next working day, except the January ones, which the
 * Government moves by an annual decree (which can also reshuffle the others).
 *
 * Only weekday exceptions are listed: `holidays` are Mon–Fri dates that are days off, and
 * `workingWeekends` are Sat/Sun dates that are working days. Everything else follows Mon–Fri.
 * An administrator can pass an edited calendar of the same shape to every function.
 */

export interface ProductionCalendarYear {
  /** Mon–Fri dates (YYYY-MM-DD) that are not working: holidays and transferred days off. */
  holidays: readonly string[];
  /** Saturdays/Sundays (YYYY-MM-DD) made working days by a transfer. */
  workingWeekends: readonly string[];
  /** Legal basis, for the admin screen. */
  source: string;
  /** True while the year's transfer decree is not yet published and the data is a projection. */
  provisional?: boolean;
}

export interface ProductionCalendar {
  years: Readonly<Record<number, ProductionCalendarYear>>;
}

/** Fixed non-working holidays as MM-DD, used for years the calendar does not cover. */
export const RU_FIXED_HOLIDAYS: readonly string[] = [
  "01-01",
  "01-02",
  "01-03",
  "01-04",
  "01-05",
  "01-06",
  "01-07",
  "01-08",
  "02-23",
  "03-08",
  "05-01",
  "05-09",
  "06-12",
  "11-04",
];

/**
 * 2025 — Government decree of 04.10.2024 № 1335: days off moved from Sat 4 Jan to Fri 2 May,
 * from Sun 5 Jan to Wed 31 Dec, from Sun 23 Feb to Thu 8 May, from Sat 8 Mar to Fri 13 Jun, and
 * from Sat 1 Nov to Mon 3 Nov (1 Nov becomes a working Saturday). 247 working days.
 */
const YEAR_2025: ProductionCalendarYear = {
  holidays: [
    "2025-01-01",
    "2025-01-02",
    "2025-01-03",
    "2025-01-06",
    "2025-01-07",
    "2025-01-08",
    "2025-05-01",
    "2025-05-02",
    "2025-05-08",
    "2025-05-09",
    "2025-06-12",
    "2025-06-13",
    "2025-11-03",
    "2025-11-04",
    "2025-12-31",
  ],
  workingWeekends: ["2025-11-01"],
  source: "Постановление Правительства РФ от 04.10.2024 № 1335",
};

/**
 * 2026 — Government decree of 24.09.2025 № 1466: days off moved from Sat 3 Jan to Fri 9 Jan and
 * from Sun 4 Jan to Thu 31 Dec. Weekend holidays move by ТК ст. 112: Sun 8 Mar → Mon 9 Mar,
 * Sat 9 May → Mon 11 May. No working Saturdays. 247 working days.
 */
const YEAR_2026: ProductionCalendarYear = {
  holidays: [
    "2026-01-01",
    "2026-01-02",
    "2026-01-05",
    "2026-01-06",
    "2026-01-07",
    "2026-01-08",
    "2026-01-09",
    "2026-02-23",
    "2026-03-09",
    "2026-05-01",
    "2026-05-11",
    "2026-06-12",
    "2026-11-04",
    "2026-12-31",
  ],
  workingWeekends: [],
  source: "Постановление Правительства РФ от 24.09.2025 № 1466",
};

/**
 * 2027 — PROVISIONAL: no transfer decree was published when this was written. Listed are the
 * weekday holidays plus the ТК ст. 112 moves (Sat 1 May → Mon 3 May, Sun 9 May → Mon 10 May,
 * Sat 12 Jun → Mon 14 Jun), which a decree may still reassign. Sat 2 and Sun 3 Jan must be moved
 * by the decree to dates not known yet, so they are not represented. A draft reported in the
 * press (days off 4–7 Nov with Sat 13 Nov working) is unconfirmed and not encoded.
 * Update this entry when the decree is published.
 */
const YEAR_2027: ProductionCalendarYear = {
  holidays: [
    "2027-01-01",
    "2027-01-04",
    "2027-01-05",
    "2027-01-06",
    "2027-01-07",
    "2027-01-08",
    "2027-02-23",
    "2027-03-08",
    "2027-05-03", // uncertain: ТК ст. 112 default for 1 May on a Saturday
    "2027-05-10", // uncertain: ТК ст. 112 default for 9 May on a Sunday
    "2027-06-14", // uncertain: ТК ст. 112 default for 12 June on a Saturday
    "2027-11-04",
  ],
  workingWeekends: [],
  source: "ТК РФ ст. 112 (decree for 2027 not yet published)",
  provisional: true,
};

export const RU_PRODUCTION_CALENDAR: ProductionCalendar = {
  years: { 2025: YEAR_2025, 2026: YEAR_2026, 2027: YEAR_2027 },
};
