export * from "./audit";
export * from "./companies";
export * from "./imports";
export * from "./jobs";
export * from "./privacy";
export * from "./sessions";
export * from "./users";
export * from "./workspaces";
