import type { Locale } from "../../../contracts/common";

/** Error texts of the deals module, by stable code; merged into the one message table. */
export const dealsMessages = {} satisfies Record<string, Record<Locale, string>>;
