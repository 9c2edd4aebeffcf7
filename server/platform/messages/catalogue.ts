import type { Locale } from "../../../contracts/common";

/** Error texts of the catalogue module, by stable code; merged into the one message table. */
export const catalogueMessages = {} satisfies Record<string, Record<Locale, string>>;
