export * from "./audit";
export * from "./jobs";
export * from "./sessions";
export * from "./users";
export * from "./workspaces";
