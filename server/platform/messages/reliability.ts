import type { Locale } from "../../../contracts/common";

/** Error texts of the reliability module, by stable code; merged into the one message table. */
export const reliabilityMessages = {} satisfies Record<string, Record<Locale, string>>;
