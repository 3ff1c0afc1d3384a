import { type Logger, pino } from "pino";
import type { Env } from "./env";
import { errorForLog } from "./error-for-log";

export type { Logger };

/**
 * JSON logs to stdout. Secrets are redacted wherever they appear in a logged object; errors
 * (`err`) are logged without the values a failed statement was sent (error-for-log.ts).
 */
export function createLogger(env: Pick<Env, "logLevel">): Logger {
  return pino({
    level: env.logLevel,
    base: { service: "placement-exchange" },
    serializers: { err: errorForLog },
    redact: {
      paths: ["*.password", "*.token", "*.secret", "*.authorization", "*.cookie", "headers.authorization", "headers.cookie"],
      censor: "[redacted]",
    },
  });
}
