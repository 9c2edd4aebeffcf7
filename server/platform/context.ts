import type { Logger } from "pino";
import type { Config } from "./config";
import type { Database, Db } from "./db/client";

/** What route plugins need from the process: configuration and the database. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  logger: Logger;
  /** The default workspace: sign-in and setup happen in it. */
  workspaceId: string;
};
