import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * Rows of a raw query, whichever driver ran it: node-postgres and PGlite both answer { rows },
 * but Drizzle types `execute` per driver, so the shared Db type cannot say so itself.
 */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
