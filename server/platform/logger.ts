import pino, { type Logger } from "pino";
import type { Config } from "./config";

/** Structured JSON logs (pino); secrets never reach them. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", "*.password", "*.passwordHash"],
      censor: "***",
    },
  });
}
