import { buildApp } from "../app";
import { loadConfig } from "./config";
import type { AppContext } from "./context";
import type { Database, Db } from "./db/client";
import { createLogger } from "./logger";

/**
 * The OpenAPI document as committed in docs/openapi.json. Building the routes needs no
 * database, so a stand-in that is never queried is passed.
 */
export async function renderOpenApi(): Promise<string> {
  const config = loadConfig({ NODE_ENV: "test", ACCORD_LOG_LEVEL: "silent" });
  const unused = new Proxy(
    {},
    {
      get() {
        throw new Error("renderOpenApi must not touch the database");
      },
    },
  ) as Database;
  const ctx: AppContext = {
    config,
    database: unused,
    db: unused as unknown as Db,
    logger: createLogger(config),
    workspaceId: "",
  };
  const app = await buildApp(ctx);
  await app.ready();
  const doc = app.swagger();
  await app.close();
  return `${JSON.stringify(doc, null, 2)}\n`;
}
