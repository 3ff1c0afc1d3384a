import type { Express } from "express";
import { pino } from "pino";
import { createApp } from "../../server/src/app";
import { parseEnv, type Env } from "../../server/src/env";
import type { Logger } from "../../server/src/logger";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestApp {
  app: Express;
  env: Env;
  database: TestDatabase;
  close(): Promise<void>;
}

export function testEnv(overrides: Record<string, string> = {}): Env {
  const result = parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides });
  if (!result.ok) throw new Error(result.problems.join("\n"));
  return result.env;
}

/** The real app on a database of its own (seeded with the North West demo region by default). */
export async function createTestApp(options: { seed?: boolean; logger?: Logger; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ seed: options.seed ?? true });
  const env = testEnv(options.env);
  const app = createApp({ env, database: database.handle, logger: options.logger ?? pino({ level: "silent" }) });
  return { app, env, database, close: () => database.drop() };
}
