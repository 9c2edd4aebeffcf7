import type { Locale } from "../../../contracts/common";

/** Error texts of the cadences module, by stable code; merged into the one message table. */
export const cadencesMessages = {} satisfies Record<string, Record<Locale, string>>;
