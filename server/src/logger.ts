import { pino, type Logger } from "pino";
import type { Env } from "./env";

export type { Logger };

/** JSON logs to stdout. Secrets are redacted wherever they appear in a logged object. */
export function createLogger(env: Pick<Env, "logLevel">): Logger {
  return pino({
    level: env.logLevel,
    base: { service: "placement-exchange" },
    redact: {
      paths: ["*.password", "*.token", "*.secret", "*.authorization", "*.cookie", "headers.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  });
}
