import type { Db, Tx } from "./client";

type Work = () => Promise<void>;

// The transactions opened through a database from openDatabase, each with the work to run last.
const lastWork = new WeakMap<Tx, Work[]>();

/**
 * Makes every `db.transaction(...)` of this database run the work registered with beforeCommit
 * at its end, inside it, after the caller's own work and before the commit: so something every
 * transaction does under a shared lock (the audit chain's) holds that lock only for the commit.
 * Work that throws rolls the transaction back, as the caller's own would.
 */
export function withBeforeCommit(db: Db): Db {
  const begin = db.transaction.bind(db);
  const transaction: Db["transaction"] = (work, config) =>
    begin(async (tx) => {
      const last: Work[] = [];
      lastWork.set(tx, last);
      const result = await work(tx);
      for (let next = last.shift(); next; next = last.shift()) await next();
      lastWork.delete(tx);
      return result;
    }, config);
  db.transaction = transaction;
  return db;
}

/**
 * Runs `work` at the end of `tx`, just before it commits. False where that cannot be done (a
 * savepoint's `tx`, or one whose end has come): the caller does the work at once instead.
 */
export function beforeCommit(tx: Tx, work: Work): boolean {
  const last = lastWork.get(tx);
  if (!last) return false;
  last.push(work);
  return true;
}
