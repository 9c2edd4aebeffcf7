export * from "./discipline";
export * from "./grade";
export * from "./statements";
