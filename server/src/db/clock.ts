import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * The database's clock. Deadlines, closing, ages and "needed by" are reckoned by it, so every
 * app node agrees whatever its own clock says.
 */
export async function databaseClock(db: DbOrTx): Promise<{ now: Date; today: string }> {
  const result = (await db.execute(sql`SELECT clock_timestamp() AS now, to_char(current_date, 'YYYY-MM-DD') AS today`)) as unknown as {
    rows: { now: Date | string; today: string }[];
  };
  const now = new Date(result.rows[0]?.now ?? Date.now());
  return { now, today: result.rows[0]?.today ?? now.toISOString().slice(0, 10) };
}

export const databaseNow = async (db: DbOrTx) => (await databaseClock(db)).now;
export const databaseToday = async (db: DbOrTx) => (await databaseClock(db)).today;
