/**
 * Public surface of Accord's domain core: pure functions shared by the server and the browser.
 * No I/O, no Node or DOM APIs, no dependencies.
 */

export * from "./amount-in-words";
export * from "./decimal";
export * from "./group-by";
export * from "./money";
export * from "./moscow-time";
export * from "./okei";
export * from "./phone";
export * from "./production-calendar";
export * from "./requisites";
export * from "./scoring/index";
export * from "./uuid";
export * from "./vat";
export * from "./working-days";
