import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { seedDemo } from "../../server/src/db/seed/demo";
import { testDatabasePrefix, withDatabase } from "./database-names";

export interface TestDatabase {
  handle: DbHandle;
  /** The database's URL on a PostgreSQL server; undefined for embedded PGlite. */
  url: string | undefined;
  /** Closes the handle and drops the database. */
  drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test file: a clone of the run's template on the
 * DATABASE_URL server, or an in-memory PGlite when DATABASE_URL is unset.
 */
export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let result: TestDatabase;
  if (serverUrl) {
    const template = process.env.PX_TEMPLATE_DB;
    if (!template) throw new Error("PX_TEMPLATE_DB is unset: run tests through jest (test/setup/global-setup.ts)");
    const name = `${testDatabasePrefix}${process.env.PX_RUN_PID}_${randomBytes(6).toString("hex")}`;
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    const url = withDatabase(serverUrl, name);
    const handle = await openDatabase({ databaseUrl: url, poolSize: 5 });
    result = {
      handle,
      url,
      async drop() {
        await handle.close().catch(() => undefined);
        await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  } else {
    const handle = await openDatabase({});
    await migrate(handle);
    await loadReferenceData(handle.db);
    result = { handle, url: undefined, drop: () => handle.close() };
  }
  if (options.seed) await seedDemo(result.handle.db);
  return result;
}
