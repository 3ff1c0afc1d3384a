import { sql } from "drizzle-orm";
import type { DbOrTx } from "./client";

/**
 * The database's clock. Deadlines, closing, ages and "needed by" are reckoned by it, so every
 * app node agrees whatever its own clock says.
 */
export async function databaseClock(db: DbOrTx): Promise<{ now: Date; today: string }> {
  const result = (await db.execute(sql`SELECT ${clockColumns.now} AS now, ${clockColumns.today} AS today`)) as unknown as {
    rows: { now: Date | string; today: string }[];
  };
  return clockOf(result.rows[0]);
}

/** The clock as columns of a select of one's own, to read it in the same round trip as a row. */
export const clockColumns = {
  now: sql<Date | string>`clock_timestamp()`,
  today: sql<string>`to_char(current_date, 'YYYY-MM-DD')`,
};

/** The clock from those columns (a driver may give the timestamp as a Date or as text). */
export function clockOf(row: { now: Date | string; today: string } | undefined): { now: Date; today: string } {
  const now = new Date(row?.now ?? Date.now());
  return { now, today: row?.today ?? now.toISOString().slice(0, 10) };
}

export const databaseNow = async (db: DbOrTx) => (await databaseClock(db)).now;
export const databaseToday = async (db: DbOrTx) => (await databaseClock(db)).today;
