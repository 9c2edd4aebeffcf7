import type { Locale } from "../../../contracts/common";

/** Error texts of the proposals module, by stable code; merged into the one message table. */
export const proposalsMessages = {} satisfies Record<string, Record<Locale, string>>;
