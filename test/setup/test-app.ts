import type { Express } from "express";
import { pino } from "pino";
import { type BuiltApp, createApp } from "../../server/src/app";
import { type Env, parseEnv } from "../../server/src/env";
import type { RateLimitOptions } from "../../server/src/http/rate-limits";
import type { Logger } from "../../server/src/logger";
import type { LiveHub } from "../../server/src/realtime/live-hub";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestApp {
  app: Express;
  built: BuiltApp;
  env: Env;
  database: TestDatabase;
  close(): Promise<void>;
}

export function testEnv(overrides: Record<string, string> = {}): Env {
  const result = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.env;
}

export interface TestAppOptions {
  seed?: boolean;
  logger?: Logger;
  env?: Record<string, string>;
  rateLimits?: RateLimitOptions;
  /** The live hub its writes publish to (a recording one, say); a fresh one by default. */
  live?: LiveHub;
  /** Use this database instead of making one (the caller drops it). */
  database?: TestDatabase;
}

/** The real app on a database of its own (seeded with the North West demo region by default). */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase({ seed: options.seed ?? true }));
  const env = testEnv(options.env);
  const built = await createApp({
    env,
    database: database.handle,
    logger: options.logger ?? pino({ level: "silent" }),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.live ? { live: options.live } : {}),
  });
  return {
    app: built.app,
    built,
    env,
    database,
    async close() {
      await built.redis?.close();
      if (!options.database) await database.drop();
    },
  };
}
