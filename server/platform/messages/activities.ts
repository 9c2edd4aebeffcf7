import type { Locale } from "../../../contracts/common";

/** Error texts of the activities module, by stable code; merged into the one message table. */
export const activitiesMessages = {} satisfies Record<string, Record<Locale, string>>;
