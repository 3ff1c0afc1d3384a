import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * Rows of a raw query, whichever driver ran it: node-postgres and PGlite both answer { rows },
 * but Drizzle types `execute` per driver, so the shared Db type cannot say so itself.
 */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A uuid in its text form, any case (Postgres answers lower case). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A list of uuids as one text parameter cast to uuid[]: both drivers take it, and the planner
 * sees a constant list. Each id is checked first, since the literal is joined with commas.
 */
export function uuidArray(ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new TypeError("uuidArray: not a uuid");
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}
