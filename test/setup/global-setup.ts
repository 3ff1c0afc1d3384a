import pg from "pg";
import { openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { OWNED_DATABASE, templateName, withDatabase } from "./database-names";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * On a PostgreSQL server: one migrated template per run; each test file clones it (fast, and
 * each file gets a database of its own). Embedded PGlite needs nothing here.
 */
export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Databases left by runs that were killed before their teardown.
    const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'px\\_%'");
    for (const { datname } of rows) {
      const owner = Number(OWNED_DATABASE.exec(datname)?.[1]);
      if (owner && !isRunning(owner)) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    const template = templateName(process.pid);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    const handle = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
    await migrate(handle);
    await loadReferenceData(handle.db);
    await handle.close();
    process.env.PX_TEMPLATE_DB = template;
    process.env.PX_RUN_PID = String(process.pid);
  } finally {
    await admin.end();
  }
}
